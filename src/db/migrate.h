// Versioned schema migrations, recorded in schema_migrations(module, version, name, applied_at).
#pragma once

#include <string>
#include <vector>

#include "core/clock.h"
#include "db/database.h"

namespace anlan::db {

struct Migration {
  std::string module;
  int version = 0;
  std::string name;
  std::string sql;  // may contain {{id}}
};

// Rewrites engine-specific tokens ({{id}}) of a migration's SQL.
std::string dialect(Engine engine, const std::string& sql);

// Applies, in order, every migration not yet recorded; each in its own transaction.
// Returns how many were applied.
Result<int> migrate(Database& db, const std::vector<Migration>& migrations, const Clock& clock);

}  // namespace anlan::db

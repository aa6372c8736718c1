// SQL for enterprises; every function runs inside the caller's transaction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "access/scope.h"
#include "core/result.h"
#include "db/database.h"
#include "enterprise/model.h"

namespace anlan::enterprise::store {

Result<std::optional<Enterprise>> find(db::Conn& c, std::int64_t id);
// Inserts `e` (with its sectors) and returns the id; a taken credit code is kConflict.
Result<std::int64_t> insert(db::Conn& c, const Enterprise& e);
// Writes every field if the stored version is e.version - 1; false when stale.
Result<bool> update(db::Conn& c, const Enterprise& e);
// One page by `q`'s filters, sort and cursor; `limit` + 1 rows are read to know if more follow.
// A cursor that does not decode is invalid_argument on "cursor".
Result<Page> list(db::Conn& c, const Query& q, const access::Scope& scope);
struct Count {
  std::string jurisdiction, risk_color;
  std::int64_t n = 0;
};
// Active enterprises counted by jurisdiction and risk colour, for maps and cards.
Result<std::vector<Count>> countByJurisdiction(db::Conn& c, const access::Scope& scope);

}  // namespace anlan::enterprise::store

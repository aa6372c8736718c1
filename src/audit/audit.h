// The audit trail: every write appends a record in the same transaction, hash-chained so that an
// edit or deletion made directly in the database is found by verify().
#pragma once

#include <boost/json/value.hpp>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "access/model.h"
#include "access/scope.h"
#include "core/calendar.h"
#include "core/clock.h"
#include "core/result.h"
#include "core/table_export.h"
#include "db/database.h"
#include "db/migrate.h"

namespace anlan::audit {

const std::vector<db::Migration>& migrations();

struct Actor {
  std::optional<std::int64_t> id;  // none for the system (CLI, scheduler)
  std::string name;                // username or "system"
};

// The actor of a principal's request; null is the system.
Actor actorOf(const access::Principal* p);

struct Record {
  std::int64_t id = 0;
  Millis at = 0;
  Actor actor;
  std::string entity;  // "user", "session", …
  std::string entity_id;
  std::string action;        // "create", "update", "login", …
  std::string jurisdiction;  // scope the record belongs to
  std::optional<boost::json::value> before, after;
  std::string prev_hash, hash;
};

// How people name the records' object types (隐患 …) and actions (交办 …), for exports.
const std::vector<Label>& entityLabels();
const std::vector<Label>& actionLabels();
// The columns of the audit table; `place` names a jurisdiction code for people.
std::vector<Column<Record>> tableColumns(const Calendar& cal,
                                         std::function<std::string(const std::string&)> place);

// Appends one record inside the caller's write transaction `c` and returns its id. On PostgreSQL
// the chain head row is locked until the transaction ends, so appends are serialised.
Result<std::int64_t> append(db::Conn& c, const Clock& clock, const Actor& actor, std::string entity,
                            std::string entity_id, std::string action, std::string jurisdiction,
                            std::optional<boost::json::value> before,
                            std::optional<boost::json::value> after);

struct Filter {
  std::optional<access::Scope>
      scope;  // only records it admits (none: every record, for the system)
  std::optional<std::string> entity, entity_id, action, actor;
  std::optional<Millis> from, to;         // at in [from, to)
  std::optional<std::int64_t> before_id;  // keyset cursor: records with id < before_id
  int limit = 50;
};

// Newest first.
Result<std::vector<Record>> list(db::Database& db, const Filter& f);

struct Verification {
  bool ok = true;
  std::int64_t records = 0;
  std::optional<std::int64_t> first_broken_id;  // the first record whose link does not hold
  std::string problem;
};

// Walks the whole chain and reports the first broken link (edited, deleted or reordered records,
// or a head that does not match the last record).
Result<Verification> verify(db::Database& db);

}  // namespace anlan::audit

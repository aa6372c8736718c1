// A Scope as SQL: the conditions a store appends to its WHERE clause so that a query returns
// only what the caller may see, the same rule as Scope::admits.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "access/scope.h"
#include "core/result.h"
#include "db/database.h"

namespace anlan::access {

// The columns (with their table alias) that hold a record's subject. Leave empty what the table
// does not have.
struct Columns {
  std::string_view jurisdiction;  // "h.jurisdiction"
  // The county-level unit kept beside the jurisdiction ("h.unit"): a scope at or below a unit is
  // matched on it, so the unit's index serves and tables keyed by unit (kept counts) can be used.
  std::string_view unit;
  // The record's sector ("h.sector"), or for records with several sectors a condition with {}
  // where the IN list goes ("EXISTS (SELECT 1 FROM enterprise_sectors s WHERE s.enterprise_id =
  // e.id AND s.sector IN {})"). Empty: the record has no sector.
  std::string_view sector;
  std::string_view enterprise;  // "h.enterprise_id" or "e.id"; empty: the record has none
};

// Conditions, each starting with " AND ", appending their parameters to `params`. A scope that
// sees nothing gives " AND 1 = 0". internal when the scope needs a column the table lacks (a
// scope below a unit on a table keyed by unit only).
Result<std::string> whereOf(const Scope& scope, const Columns& cols,
                            std::vector<db::Value>& params);

}  // namespace anlan::access

#include "access/sql.h"

namespace anlan::access {

Result<std::string> whereOf(const Scope& scope, const Columns& cols,
                            std::vector<db::Value>& params) {
  if (scope.none()) return std::string(" AND 1 = 0");
  std::string where;
  const Subtree& tree = scope.tree();
  if (scope.bounded() && !tree.whole) {
    if (!cols.unit.empty() && !tree.unit.empty()) {
      where += " AND " + std::string(cols.unit) + " = ?";
      params.emplace_back(tree.unit);
    }
    if (cols.unit.empty() || tree.unit.empty() || tree.root != tree.unit) {
      if (cols.jurisdiction.empty()) {
        return Error::internal("a scope below a county-level unit needs the records' jurisdiction");
      }
      where += " AND " + std::string(cols.jurisdiction) + " IN " + db::inList(params, *tree.codes);
    }
  }
  if (const auto& sectors = scope.sectors()) {
    if (!cols.sector.empty()) {
      std::string sector(cols.sector);
      if (auto at = sector.find("{}"); at != std::string::npos) {
        where += " AND " + sector.replace(at, 2, db::inList(params, *sectors));
      } else {
        where += " AND " + sector + " IN " + db::inList(params, *sectors);
      }
    }
  }
  if (const auto& id = scope.enterprise()) {
    if (cols.enterprise.empty()) return std::string(" AND 1 = 0");
    where += " AND " + std::string(cols.enterprise) + " = ?";
    params.emplace_back(*id);
  }
  return where;
}

}  // namespace anlan::access

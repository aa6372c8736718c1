// Enterprise registry use cases: list (with the caller's visibility), read, create, change,
// export and bulk import. Every write is audited in its transaction and published on the bus.
// Thread-safe.
#pragma once

#include <string>
#include <vector>

#include "access/model.h"
#include "bus/bus.h"
#include "core/clock.h"
#include "db/database.h"
#include "db/migrate.h"
#include "enterprise/model.h"
#include "org/registry.h"

namespace anlan::enterprise {

const std::vector<db::Migration>& migrations();

struct ImportProblem {
  int row = 0;  // line in the file (the header is line 1)
  std::string field;
  std::string problem;
};

struct ImportReport {
  int total = 0;
  int imported = 0;
  std::vector<ImportProblem> problems;
};

struct UnitFigures {
  std::string jurisdiction;  // a county-level unit or park
  std::int64_t total = 0, red = 0, orange = 0, yellow = 0, blue = 0;
};

class EnterpriseService {
 public:
  const org::Registry& registry() const { return registry_; }
  static constexpr int kExportMax = 100'000;
  static constexpr int kImportMax = 20'000;

  EnterpriseService(db::Database& db, const org::Registry& registry, bus::Bus& bus,
                    const Clock& clock)
      : db_(db), registry_(registry), bus_(bus), clock_(clock) {}

  Result<Page> list(const access::Principal& p, const Query& q);
  // Every row the filters select (no paging), at most kExportMax.
  Result<std::vector<Enterprise>> exportRows(const access::Principal& p, Query q);
  // Not visible reads as not found.
  Result<Enterprise> get(const access::Principal& p, std::int64_t id);
  // Whose enterprise `id` is (for other modules' checks), or nullopt when there is none.
  Result<std::optional<Subject>> subject(std::int64_t id);
  // `actor` null: the system (demo seeding).
  Result<Enterprise> create(const access::Principal* actor, Enterprise e);
  // Registers all of `items` in one transaction as the system, or none of them.
  Result<std::vector<Enterprise>> createAll(std::vector<Enterprise> items);
  // `patch` is applied to the stored record by `apply`; `version` must match the stored one.
  Result<Enterprise> update(const access::Principal& p, std::int64_t id, std::int64_t version,
                            const std::function<Status(Enterprise&)>& apply);
  // Imports a CSV file. Unless `partial`, nothing is imported when any row has a problem.
  Result<ImportReport> importCsv(const access::Principal& p, std::string_view text, bool dry_run,
                                 bool partial);
  // How many demo enterprises exist.
  Result<int> countDemo();
  // Active enterprises per county-level unit (townships rolled up), by risk colour.
  Result<std::vector<UnitFigures>> figuresByUnit(const access::Principal& p);

 private:
  // Inserts and audits `items` (already validated) in one transaction, then publishes them.
  Status insertAll(const access::Principal* actor, std::vector<Enterprise>& items,
                   const char* action);
  void publish(const std::string& type, const Enterprise& e);

  db::Database& db_;
  const org::Registry& registry_;
  bus::Bus& bus_;
  const Clock& clock_;
};

}  // namespace anlan::enterprise

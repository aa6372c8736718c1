#include "enterprise/service.h"

#include <map>
#include <set>

#include "audit/audit.h"
#include "core/csv.h"
#include "db/query.h"
#include "enterprise/codec.h"
#include "enterprise/rules.h"
#include "enterprise/store.h"

namespace anlan::enterprise {

void EnterpriseService::publish(const std::string& type, const Enterprise& e) {
  boost::json::object data{{"id", e.id},
                           {"name", e.name},
                           {"jurisdiction", e.jurisdiction},
                           {"risk_color", e.risk_color},
                           {"active", e.active},
                           {"version", e.version}};
  bus_.publish({type, subjectOf(e), "", "", clock_.now(), std::move(data)});
}

Result<Page> EnterpriseService::list(const access::Principal& p, const Query& q) {
  access::Scope scope = registry_.narrowed(p.scope, q.jurisdiction);
  return db::read<Page>(db_, [&](db::Conn& c) { return store::list(c, q, scope); });
}

Result<std::vector<Enterprise>> EnterpriseService::exportRows(const access::Principal& p, Query q) {
  access::Scope scope = registry_.narrowed(p.scope, q.jurisdiction);
  return db::read<std::vector<Enterprise>>(db_, [&](db::Conn& c) {
    return db::everyPage(q, kExportMax,
                         [&](const Query& page) { return store::list(c, page, scope); });
  });
}

Result<Enterprise> EnterpriseService::get(const access::Principal& p, std::int64_t id) {
  TRY(auto e,
      db::read<std::optional<Enterprise>>(db_, [&](db::Conn& c) { return store::find(c, id); }));
  if (!e || !p.scope.admits(subjectOf(*e))) return Error::notFound("no such enterprise");
  return std::move(*e);
}

Result<std::optional<Subject>> EnterpriseService::subject(std::int64_t id) {
  TRY(auto e,
      db::read<std::optional<Enterprise>>(db_, [&](db::Conn& c) { return store::find(c, id); }));
  if (!e) return std::optional<Subject>();
  return std::optional<Subject>(subjectOf(*e));
}

Result<Enterprise> EnterpriseService::create(const access::Principal* actor, Enterprise e) {
  if (actor && !mayWriteAny(*actor)) return Error::denied("your role may not register enterprises");
  e.id = 0;
  e.version = 1;
  e.active = true;
  e.created_at = e.updated_at = clock_.now();
  TRY_STATUS(validate(e, registry_));
  if (actor && !mayWrite(*actor, e)) {
    return Error{Code::kPermissionDenied,
                 "that enterprise would be outside your jurisdiction or sectors", "jurisdiction"};
  }
  std::vector<Enterprise> one{std::move(e)};
  TRY_STATUS(insertAll(actor, one, "create"));
  return std::move(one[0]);
}

Result<std::vector<Enterprise>> EnterpriseService::createAll(std::vector<Enterprise> items) {
  Millis now = clock_.now();
  for (auto& e : items) {
    e.id = 0;
    e.version = 1;
    e.active = true;
    e.created_at = e.updated_at = now;
    TRY_STATUS(validate(e, registry_));
  }
  TRY_STATUS(insertAll(nullptr, items, "create"));
  return items;
}

Status EnterpriseService::insertAll(const access::Principal* actor, std::vector<Enterprise>& items,
                                    const char* action) {
  TRY_STATUS(db_.write([&](db::Conn& c) -> Status {
    for (auto& e : items) {
      TRY(e.id, store::insert(c, e));
      TRY(auto aid,
          audit::append(c, clock_, audit::actorOf(actor), "enterprise", std::to_string(e.id),
                        action, e.jurisdiction, std::nullopt, toJson(e)));
      (void)aid;
    }
    return {};
  }));
  for (const auto& e : items) publish("enterprise.created", e);
  return {};
}

Result<Enterprise> EnterpriseService::update(const access::Principal& p, std::int64_t id,
                                             std::int64_t version,
                                             const std::function<Status(Enterprise&)>& apply) {
  if (!mayWriteAny(p)) return Error::denied("your role may not change enterprises");
  Enterprise after;
  TRY_STATUS(db_.write([&](db::Conn& c) -> Status {
    TRY(auto found, store::find(c, id));
    if (!found || !p.scope.admits(subjectOf(*found))) return Error::notFound("no such enterprise");
    Enterprise before = *found;
    if (!mayWrite(p, before)) return Error::denied("you may not change this enterprise");
    if (version != before.version) {
      return Error::conflict("the enterprise was changed by someone else (version " +
                             std::to_string(before.version) + "); reload and try again");
    }
    after = before;
    TRY_STATUS(apply(after));
    TRY_STATUS(validate(after, registry_));
    if (!mayWrite(p, after)) {
      return Error{Code::kPermissionDenied,
                   "that would move the enterprise outside your jurisdiction or sectors",
                   "jurisdiction"};
    }
    after.id = id;
    after.demo = before.demo;
    after.created_at = before.created_at;
    after.version = before.version + 1;
    after.updated_at = clock_.now();
    TRY(bool ok, store::update(c, after));
    if (!ok)
      return Error::conflict("the enterprise was changed by someone else; reload and try again");
    TRY(auto aid,
        audit::append(
            c, clock_, audit::actorOf(&p), "enterprise", std::to_string(id),
            after.active == before.active ? "update" : (after.active ? "reactivate" : "deactivate"),
            after.jurisdiction, toJson(before), toJson(after)));
    (void)aid;
    return {};
  }));
  publish("enterprise.updated", after);
  return after;
}

Result<ImportReport> EnterpriseService::importCsv(const access::Principal& p, std::string_view text,
                                                  bool dry_run, bool partial) {
  if (!mayWriteAny(p)) return Error::denied("your role may not import enterprises");
  TRY(auto records, csv::parse(text));
  if (records.empty()) return Error::invalid("file", "the file is empty: it needs a header row");
  TRY(auto header, importHeader(records[0]));
  if (static_cast<int>(records.size()) - 1 > kImportMax) {
    return Error::invalid("file", "at most " + std::to_string(kImportMax) + " rows per file");
  }

  ImportReport report;
  report.total = static_cast<int>(records.size()) - 1;
  std::vector<Enterprise> good;
  std::map<std::string, int> codes_in_file;
  Millis now = clock_.now();
  for (std::size_t i = 1; i < records.size(); ++i) {
    int line = static_cast<int>(i) + 1;
    Enterprise e;
    Status s = fromCsvRow(header, records[i], e, registry_);
    if (s.ok()) s = validate(e, registry_);
    if (s.ok() && !mayWrite(p, e)) {
      s = Error::invalid("jurisdiction", "outside your jurisdiction or sectors");
    }
    if (s.ok()) {
      auto [it, fresh] = codes_in_file.emplace(e.credit_code, line);
      if (!fresh)
        s = Error::invalid("credit_code",
                           "the same credit code is on line " + std::to_string(it->second));
    }
    if (!s.ok()) {
      report.problems.push_back({line, s.error().field, s.error().message});
      continue;
    }
    e.created_at = e.updated_at = now;
    good.push_back(std::move(e));
  }
  // Credit codes already registered.
  TRY(auto taken,
      db::read<std::set<std::string>>(db_, [&](db::Conn& c) -> Result<std::set<std::string>> {
        std::set<std::string> out;
        for (std::size_t at = 0; at < good.size(); at += 500) {
          std::string sql = "SELECT credit_code FROM enterprises WHERE credit_code IN (";
          std::vector<db::Value> params;
          for (std::size_t k = at; k < std::min(good.size(), at + 500); ++k) {
            sql += params.empty() ? "?" : ", ?";
            params.emplace_back(good[k].credit_code);
          }
          TRY(auto rows, c.query(sql + ")", params));
          for (const auto& r : rows.rows) out.insert(r.str(0));
        }
        return out;
      }));
  if (!taken.empty()) {
    std::vector<Enterprise> kept;
    for (auto& e : good) {
      if (taken.count(e.credit_code)) {
        report.problems.push_back(
            {codes_in_file[e.credit_code], "credit_code",
             "an enterprise with credit code " + e.credit_code + " is already registered"});
      } else {
        kept.push_back(std::move(e));
      }
    }
    good = std::move(kept);
  }
  std::sort(report.problems.begin(), report.problems.end(),
            [](const ImportProblem& a, const ImportProblem& b) { return a.row < b.row; });
  if (dry_run || (!report.problems.empty() && !partial) || good.empty()) return report;

  TRY_STATUS(insertAll(&p, good, "import"));
  report.imported = static_cast<int>(good.size());
  return report;
}

Result<int> EnterpriseService::countDemo() {
  return db::read<int>(db_, [](db::Conn& c) -> Result<int> {
    TRY(auto rows, c.query("SELECT COUNT(*) FROM enterprises WHERE demo = 1"));
    return static_cast<int>(rows[0].i64(0));
  });
}

Result<std::vector<UnitFigures>> EnterpriseService::figuresByUnit(const access::Principal& p) {
  std::map<std::string, UnitFigures> by_unit;
  TRY(auto counts, db::read<std::vector<store::Count>>(
                       db_, [&](db::Conn& c) { return store::countByJurisdiction(c, p.scope); }));
  for (const auto& k : counts) {
    std::string unit = registry_.unitOf(k.jurisdiction);
    if (unit.empty()) unit = k.jurisdiction;
    UnitFigures& f = by_unit[unit];
    f.jurisdiction = unit;
    f.total += k.n;
    const std::string& col = k.risk_color;
    (col == "red"      ? f.red
     : col == "orange" ? f.orange
     : col == "yellow" ? f.yellow
                       : f.blue) += k.n;
  }
  std::vector<UnitFigures> out;
  for (auto& [_, f] : by_unit) out.push_back(std::move(f));
  return out;
}

}  // namespace anlan::enterprise

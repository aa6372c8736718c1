#include "enterprise/routes.h"

#include "access/guard.h"
#include "core/json.h"
#include "enterprise/codec.h"
#include "http/download.h"
#include "http/lists.h"
#include "http/params.h"

namespace anlan::enterprise {
namespace {

namespace bj = boost::json;
using http::jsonResponse;
using http::Request;
using http::Response;

Result<Query> queryOf(const Request& req) {
  Query q;
  q.jurisdiction = http::textParam(req, "jurisdiction");
  q.sector = http::textParam(req, "sector");
  q.risk_color = http::textParam(req, "risk_color");
  q.q = http::textParam(req, "q");
  if (q.q && q.q->size() > 100) return Error::invalid("q", "q must be at most 100 bytes");
  TRY(q.active, http::boolParam(req, "active"));
  TRY(q.major_hazard_installations, http::boolParam(req, "major_hazard_installations"));
  q.sort = http::textParam(req, "sort").value_or("id");
  if (q.sort != "id" && q.sort != "name" && q.sort != "-updated_at") {
    return Error::invalid("sort", "sort must be id, name or -updated_at");
  }
  q.cursor = http::textParam(req, "cursor").value_or("");
  TRY(q.limit, http::limitParam(req, 50, 500));
  return q;
}
}  // namespace

void addRoutes(http::Router& router, access::Authenticator& auth, EnterpriseService& service,
               const Clock& clock, const Calendar& calendar) {
  using access::guarded;
  using access::Principal;
  router.add(
      "GET", "/api/v1/enterprises",
      guarded(auth,
              [&](Request& req, const Principal& p) -> Result<Response> {
                TRY(auto q, queryOf(req));
                TRY(auto format, http::formatParam(req));
                if (format != "json") {
                  TRY(auto codes, http::boolParam(req, "codes"));
                  TRY(auto rows, service.exportRows(p, q));
                  return http::tableResponse(
                      format, "企业名录", tableColumns(service.registry(), calendar), rows,
                      codes.value_or(false), calendar.compactDate(clock.now()));
                }
                TRY(auto page, service.list(p, q));
                return http::pageResponse(page.items, page.next_cursor,
                                          [](const auto& item) { return toJson(item); });
              }),
      "List enterprises (filters, sort, keyset paging); format=csv|xlsx exports the filtered rows");

  router.add("POST", "/api/v1/enterprises",
             guarded(auth,
                     [&](Request& req, const Principal& p) -> Result<Response> {
                       TRY(auto body, json::parseObject(req.body));
                       Enterprise e;
                       TRY_STATUS(fromJson(body, e));
                       TRY(auto made, service.create(&p, std::move(e)));
                       return jsonResponse(toJson(made), 201);
                     }),
             "Register an enterprise");

  router.add("GET", "/api/v1/enterprises/figures",
             guarded(auth,
                     [&](Request&, const Principal& p) -> Result<Response> {
                       TRY(auto figures, service.figuresByUnit(p));
                       bj::array items;
                       for (const auto& f : figures) {
                         items.push_back(bj::object{{"jurisdiction", f.jurisdiction},
                                                    {"total", f.total},
                                                    {"red", f.red},
                                                    {"orange", f.orange},
                                                    {"yellow", f.yellow},
                                                    {"blue", f.blue}});
                       }
                       return jsonResponse(bj::object{{"items", std::move(items)}});
                     }),
             "Active enterprises per county-level unit by risk colour");

  router.add("GET", "/api/v1/enterprises/import-template",
             guarded(auth,
                     [&](Request& req, const Principal&) -> Result<Response> {
                       TRY(auto format, http::formatParam(req));
                       if (format == "json") format = "csv";
                       TRY(auto codes, http::boolParam(req, "codes"));
                       auto rows = importTemplate(service.registry(), codes.value_or(false));
                       csv::Record header = rows[0];
                       rows.erase(rows.begin());
                       return http::exportResponse(format, "企业导入模板", header, rows,
                                                   calendar.compactDate(clock.now()));
                     }),
             "An empty import file: the import's columns with their Chinese headers (or keys)");

  router.add(
      "POST", "/api/v1/enterprises/import",
      guarded(auth,
              [&](Request& req, const Principal& p) -> Result<Response> {
                TRY(auto dry, http::boolParam(req, "dry_run"));
                TRY(auto partial, http::boolParam(req, "partial"));
                TRY(auto report,
                    service.importCsv(p, req.body, dry.value_or(false), partial.value_or(false)));
                bj::array errors;
                for (const auto& e : report.problems) {
                  errors.push_back(bj::object{
                      {"row", e.row}, {"field", e.field}, {"problem", http::say(req, e.problem)}});
                }
                bj::object out{{"total", report.total},
                               {"imported", report.imported},
                               {"errors", std::move(errors)}};
                if (!report.problems.empty() && !partial.value_or(false)) {
                  out["error"] =
                      bj::object{{"code", "unprocessable"},
                                 {"message", http::say(req, std::to_string(report.problems.size()) +
                                                                " row(s) have problems; nothing "
                                                                "was imported")},
                                 {"field", "file"}};
                  return jsonResponse(out, 422);
                }
                return jsonResponse(out);
              }),
      "Import enterprises from CSV (all or nothing unless partial=1; dry_run=1 only checks)");

  router.add("GET", "/api/v1/enterprises/{id}",
             guarded(auth,
                     [&](Request& req, const Principal& p) -> Result<Response> {
                       TRY(auto id, http::idParam(req));
                       TRY(auto e, service.get(p, id));
                       return jsonResponse(toJson(e));
                     }),
             "One enterprise");

  router.add("PATCH", "/api/v1/enterprises/{id}",
             guarded(auth,
                     [&](Request& req, const Principal& p) -> Result<Response> {
                       TRY(auto id, http::idParam(req));
                       TRY(auto body, json::parseObject(req.body));
                       TRY(auto version, json::requireInt(body, "version"));
                       TRY(auto e, service.update(p, id, version, [&](Enterprise& target) {
                         return applyPatch(body, target);
                       }));
                       return jsonResponse(toJson(e));
                     }),
             "Change or deactivate an enterprise (optimistic version)");
}

}  // namespace anlan::enterprise

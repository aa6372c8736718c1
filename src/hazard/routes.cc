#include "hazard/routes.h"

#include <sstream>

#include "access/guard.h"
#include "core/json.h"
#include "core/workbook.h"
#include "hazard/codec.h"
#include "http/download.h"
#include "http/lists.h"
#include "http/params.h"

namespace anlan::hazard {
namespace {

namespace bj = boost::json;
using http::jsonResponse;
using http::Request;
using http::Response;

Result<Query> queryOf(const Request& req) {
  Query q;
  q.jurisdiction = http::textParam(req, "jurisdiction");
  q.sector = http::textParam(req, "sector");
  q.source = http::textParam(req, "source");
  q.supervision = http::textParam(req, "supervision");
  q.q = http::textParam(req, "q");
  if (q.q && q.q->size() > 100) return Error::invalid("q", "q must be at most 100 bytes");
  if (auto g = http::textParam(req, "grade")) {
    q.grade = parseGrade(*g);
    if (!q.grade) return Error::invalid("grade", "grade must be general or major");
  }
  if (auto states = http::textParam(req, "state")) {
    std::stringstream in(*states);
    std::string one;
    while (std::getline(in, one, ',')) {
      auto s = parseState(one);
      if (!s) return Error::invalid("state", "unknown state '" + one + "'");
      q.states.push_back(*s);
    }
  }
  TRY(q.overdue, http::boolParam(req, "overdue"));
  TRY(auto open, http::boolParam(req, "open"));
  q.open_only = open.value_or(false);
  TRY(q.enterprise_id, http::intParam(req, "enterprise_id"));
  TRY(q.found_from, http::intParam(req, "found_from"));
  TRY(q.found_to, http::intParam(req, "found_to"));
  q.sort = http::textParam(req, "sort").value_or("-found_at");
  if (q.sort != "-found_at" && q.sort != "deadline" && q.sort != "id") {
    return Error::invalid("sort", "sort must be -found_at, deadline or id");
  }
  q.cursor = http::textParam(req, "cursor").value_or("");
  TRY(q.limit, http::limitParam(req, 50, 500));
  return q;
}

bj::object detailJson(const Detail& d) {
  bj::object o = toJson(d.hazard);
  bj::array timeline, attachments, allowed, on_behalf;
  for (const auto& e : d.timeline) timeline.push_back(toJson(e));
  for (const auto& a : d.attachments) attachments.push_back(toJson(a));
  for (State s : d.allowed) allowed.emplace_back(stateName(s));
  for (State s : d.on_behalf) on_behalf.emplace_back(stateName(s));
  o["timeline"] = std::move(timeline);
  o["attachments"] = std::move(attachments);
  o["allowed"] = std::move(allowed);
  o["on_behalf"] = std::move(on_behalf);
  o["may_add_progress"] = d.may_add_progress;
  o["may_supervise"] = d.may_supervise;
  o["may_escalate"] = d.may_escalate;
  return o;
}

bj::object figuresJson(const Figures& f, const char* key_name) {
  bj::object o{{"found", f.found},     {"closed_off", f.closed_off}, {"open", f.open},
               {"overdue", f.overdue}, {"major", f.major},           {"major_open", f.major_open},
               {"rate", f.rate()}};
  if (key_name) o[key_name] = f.key;
  return o;
}

}  // namespace

void addRoutes(http::Router& router, access::Authenticator& auth, HazardService& service,
               const Clock& clock, const Calendar& calendar) {
  using access::guarded;
  using access::Principal;

  router.add("GET", "/api/v1/hazards",
             guarded(auth,
                     [&](Request& req, const Principal& p) -> Result<Response> {
                       TRY(auto q, queryOf(req));
                       TRY(auto format, http::formatParam(req));
                       if (format != "json") {
                         TRY(auto codes, http::boolParam(req, "codes"));
                         TRY(auto rows, service.exportRows(p, q));
                         return http::tableResponse(
                             format, "隐患清单", tableColumns(service.registry(), calendar), rows,
                             codes.value_or(false), calendar.compactDate(clock.now()));
                       }
                       TRY(auto page, service.list(p, q));
                       return http::pageResponse(page.items, page.next_cursor,
                                                 [](const auto& item) { return toJson(item); });
                     }),
             "List hazards (filters, keyset paging); format=csv|xlsx exports the filtered rows");

  router.add("POST", "/api/v1/hazards",
             guarded(auth,
                     [&](Request& req, const Principal& p) -> Result<Response> {
                       TRY(auto body, json::parseObject(req.body));
                       Hazard h;
                       TRY_STATUS(fromJson(body, h));
                       TRY(auto made, service.create(&p, std::move(h)));
                       return jsonResponse(toJson(made), 201);
                     }),
             "Register a hazard");

  router.add(
      "GET", "/api/v1/hazards/stats",
      guarded(auth,
              [&](Request& req, const Principal& p) -> Result<Response> {
                StatsQuery q{http::textParam(req, "jurisdiction"), http::textParam(req, "sector")};
                TRY(auto s, service.stats(p, q));
                bj::array units, sectors, months;
                for (const auto& f : s.by_unit) units.push_back(figuresJson(f, "unit"));
                for (const auto& f : s.by_sector) sectors.push_back(figuresJson(f, "sector"));
                for (const auto& m : s.months) {
                  months.push_back(bj::object{
                      {"month", m.month}, {"found", m.found}, {"closed_off", m.closed_off}});
                }
                bj::object states;
                for (State st : kAllStates) states[stateName(st)] = 0;
                for (const auto& [k, n] : s.by_state) states[k] = n;
                return jsonResponse(bj::object{{"total", figuresJson(s.total, nullptr)},
                                               {"by_unit", std::move(units)},
                                               {"by_sector", std::move(sectors)},
                                               {"by_state", std::move(states)},
                                               {"months", std::move(months)}});
              }),
      "Hazard statistics: found, closed off, open, overdue and rate by unit, sector, state and "
      "month");

  router.add(
      "GET", "/api/v1/hazards/ledger.xlsx",
      guarded(auth,
              [&](Request& req, const Principal& p) -> Result<Response> {
                TRY(auto q, queryOf(req));
                TRY(auto in, service.ledger(p, q));
                TRY(auto body, workbookXlsx(ledgerSheets(in, service.registry(), calendar)));
                return http::download(
                    std::move(body),
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    in.place + "重大事故隐患一单四制台账-" + calendar.compactDate(clock.now()) +
                        ".xlsx");
              }),
      "The 一单四制 workbook of the major hazards the filters select (一单, 台账, 销号, 通报)");

  router.add("GET", "/api/v1/hazards/{id}",
             guarded(auth,
                     [&](Request& req, const Principal& p) -> Result<Response> {
                       TRY(auto id, http::idParam(req));
                       TRY(auto d, service.get(p, id));
                       return jsonResponse(detailJson(d));
                     }),
             "One hazard with its timeline, attachments and the steps open to the caller");

  router.add("POST", "/api/v1/hazards/{id}/transitions",
             guarded(auth,
                     [&](Request& req, const Principal& p) -> Result<Response> {
                       TRY(auto id, http::idParam(req));
                       TRY(auto body, json::parseObject(req.body));
                       TRY(auto t, transitionFromJson(body));
                       TRY(auto h, service.transition(p, id, t));
                       return jsonResponse(toJson(h));
                     }),
             "Make one step of the loop: {\"to\": state, …the step's fields}");

  router.add("POST", "/api/v1/hazards/{id}/progress",
             guarded(auth,
                     [&](Request& req, const Principal& p) -> Result<Response> {
                       TRY(auto id, http::idParam(req));
                       TRY(auto body, json::parseObject(req.body));
                       TRY_STATUS(json::onlyFields(body, {"note", "attachments"}));
                       TRY(auto note, json::requireString(body, "note", 4000));
                       TRY(auto ids, attachmentIds(body));
                       TRY(auto e, service.addProgress(p, id, note, ids));
                       return jsonResponse(toJson(e), 201);
                     }),
             "Add a dated entry to the rectification ledger (台账)");

  router.add("POST", "/api/v1/hazards/{id}/supervision",
             guarded(auth,
                     [&](Request& req, const Principal& p) -> Result<Response> {
                       TRY(auto id, http::idParam(req));
                       TRY(auto body, json::parseObject(req.body));
                       TRY_STATUS(json::onlyFields(body, {"level", "note"}));
                       TRY(auto level, json::requireString(body, "level", 20));
                       TRY(auto note, json::optionalString(body, "note", 4000));
                       TRY(auto h, service.supervise(p, id, level, note.value_or("")));
                       return jsonResponse(toJson(h));
                     }),
             "List a major hazard for county, city or province supervision (挂牌督办)");

  router.add(
      "POST", "/api/v1/hazards/{id}/escalations",
      guarded(auth,
              [&](Request& req, const Principal& p) -> Result<Response> {
                TRY(auto id, http::idParam(req));
                TRY(auto body, json::parseObject(req.body));
                TRY_STATUS(json::onlyFields(body, {"kind", "note", "attachments"}));
                TRY(auto kind, json::requireString(body, "kind", 40));
                TRY(auto note, json::optionalString(body, "note", 4000));
                TRY(auto ids, attachmentIds(body));
                TRY(auto e, service.escalate(p, id, kind, note.value_or(""), ids));
                return jsonResponse(toJson(e), 201);
              }),
      "Record an escalation action (建议函, 交办函, 批评通报, 约谈, 曝光, 黄牌警告, 一票否决)");

  router.add("POST", "/api/v1/hazards/{id}/attachments",
             guarded(auth,
                     [&](Request& req, const Principal& p) -> Result<Response> {
                       TRY(auto id, http::idParam(req));
                       auto name = http::textParam(req, "name");
                       if (!name)
                         return Error::invalid("name", "name is required (?name=photo.jpg)");
                       TRY(auto a, service.upload(p, id, *name, req.body));
                       return jsonResponse(toJson(a), 201);
                     }),
             "Upload a photo or document (the request body; JPEG, PNG or PDF, checked by content)");

  router.add("GET", "/api/v1/hazards/{id}/attachments/{attachment_id}",
             guarded(auth,
                     [&](Request& req, const Principal& p) -> Result<Response> {
                       TRY(auto id, http::idParam(req));
                       TRY(auto aid, http::idParam(req, "attachment_id"));
                       TRY(auto f, service.download(p, id, aid));
                       // Shown in the page (photos, PDFs), never kept by a cache past the session.
                       return http::download(std::move(f.bytes), f.attachment.media_type,
                                             f.attachment.name, http::Disposition::kInline);
                     }),
             "One attachment's bytes");

  router.add("GET", "/api/v1/notices",
             guarded(auth,
                     [&](Request& req, const Principal& p) -> Result<Response> {
                       TRY(auto before, http::intParam(req, "before_id"));
                       TRY(auto limit, http::limitParam(req, 20, 100));
                       TRY(auto list, service.notices(p, before, limit + 1));
                       bool more = static_cast<int>(list.size()) > limit;
                       if (more) list.resize(limit);
                       bj::array items;
                       for (const auto& n : list) items.push_back(summaryJson(n));
                       return jsonResponse(bj::object{
                           {"items", std::move(items)},
                           {"next_before_id", more ? bj::value(list.back().id) : nullptr}});
                     }),
             "Issued notices (通报), newest first");

  router.add(
      "POST", "/api/v1/notices",
      guarded(auth,
              [&](Request& req, const Principal& p) -> Result<Response> {
                TRY(auto body, json::parseObject(req.body.empty() ? std::string_view("{}")
                                                                  : std::string_view(req.body)));
                TRY_STATUS(json::onlyFields(body, {"jurisdiction"}));
                TRY(auto jurisdiction, json::optionalString(body, "jurisdiction", 12));
                TRY(auto n, service.issueNotice(&p, jurisdiction.value_or(p.user.jurisdiction)));
                return jsonResponse(toJson(n), 201);
              }),
      "Issue a notice now for the caller's jurisdiction (or a unit within it)");

  router.add("GET", "/api/v1/notices/{id}",
             guarded(auth,
                     [&](Request& req, const Principal& p) -> Result<Response> {
                       TRY(auto id, http::idParam(req));
                       TRY(auto format, http::formatParam(req));
                       TRY(auto n, service.notice(p, id));
                       if (format != "json") {
                         TRY(auto codes, http::boolParam(req, "codes"));
                         return http::tableResponse(format, "隐患通报-" + std::to_string(n.id),
                                                    noticeColumns(service.registry(), calendar),
                                                    noticeLines(n), codes.value_or(false),
                                                    calendar.compactDate(clock.now()));
                       }
                       return jsonResponse(toJson(n));
                     }),
             "One notice with the hazards it names; format=csv|xlsx exports them");
}

}  // namespace anlan::hazard

#include "audit/routes.h"

#include <boost/json/serialize.hpp>

#include "access/guard.h"
#include "access/rules.h"
#include "audit/audit.h"
#include "http/download.h"
#include "http/lists.h"
#include "http/params.h"

namespace anlan::audit {

void addRoutes(http::Router& router, access::Authenticator& auth, db::Database& db,
               const Clock& clock, const Calendar& calendar,
               std::function<std::string(const std::string&)> place) {
  router.add(
      "GET", "/api/v1/audit",
      access::guarded(
          auth,
          [&, place](http::Request& req, const access::Principal& p) -> Result<http::Response> {
            namespace bj = boost::json;
            TRY_STATUS(access::authorize(p, access::Action::kReadAudit));
            Filter f;
            f.scope = p.scope;
            TRY(std::string format, http::formatParam(req));
            TRY(f.limit, http::limitParam(req));
            TRY(f.before_id, http::intParam(req, "cursor"));
            TRY(f.from, http::intParam(req, "from"));
            TRY(f.to, http::intParam(req, "to"));
            f.entity = http::textParam(req, "entity");
            f.entity_id = http::textParam(req, "entity_id");
            f.action = http::textParam(req, "action");
            f.actor = http::textParam(req, "actor");
            if (format != "json") {
              // Every record the filters select, as a file (at most 100,000).
              TRY(auto codes, http::boolParam(req, "codes"));
              std::vector<Record> rows;
              f.limit = 1000;
              for (;;) {
                TRY(auto page, list(db, f));
                for (auto& r : page) rows.push_back(std::move(r));
                if (static_cast<int>(page.size()) < f.limit) break;
                if (rows.size() >= 100'000)
                  return Error{
                      Code::kResourceExhausted, "more than 100000 records: narrow the filters", {}};
                f.before_id = rows.back().id;
              }
              return http::tableResponse(format, "审计日志", tableColumns(calendar, place), rows,
                                         codes.value_or(false), calendar.compactDate(clock.now()));
            }
            TRY(auto records, list(db, f));
            bj::array items;
            for (const auto& r : records) {
              items.push_back(
                  bj::object{{"id", r.id},
                             {"at", r.at},
                             {"actor", r.actor.name},
                             {"actor_id", r.actor.id ? bj::value(*r.actor.id) : bj::value(nullptr)},
                             {"entity", r.entity},
                             {"entity_id", r.entity_id},
                             {"action", r.action},
                             {"jurisdiction", r.jurisdiction},
                             {"before", r.before ? *r.before : bj::value(nullptr)},
                             {"after", r.after ? *r.after : bj::value(nullptr)},
                             {"hash", r.hash}});
            }
            bj::value next = nullptr;
            if (static_cast<int>(records.size()) == f.limit)
              next = std::to_string(records.back().id);
            return http::jsonResponse(
                bj::object{{"items", std::move(items)}, {"next_cursor", next}});
          }),
      "Audit records of the caller's jurisdiction, newest first (administrators)");
}

}  // namespace anlan::audit

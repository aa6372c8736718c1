#include "audit/routes.h"

#include "audit/audit.h"
#include "auth/routes.h"
#include "auth/rules.h"
#include "core/table_export.h"
#include "http/params.h"

#include <boost/json/serialize.hpp>

namespace anlan::audit {

void addRoutes(http::Router& router, auth::AuthService& auth, db::Database& db) {
  router.add("GET", "/api/v1/audit", auth::guarded(auth, [&](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    namespace bj = boost::json;
    TRY_STATUS(auth::authorize(p, auth::Action::kReadAudit));
    Filter f;
    f.jurisdictions = auth.registry().subtreeCodes(p.user.jurisdiction);
    std::string format = http::textParam(req, "format").value_or("json");
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
      std::vector<csv::Record> rows;
      f.limit = 1000;
      for (;;) {
        TRY(auto page, list(db, f));
        for (const auto& r : page) {
          rows.push_back({std::to_string(r.id), formatIso(r.at), r.actor.name, r.entity, r.entity_id, r.action,
                          r.jurisdiction, r.before ? bj::serialize(*r.before) : "",
                          r.after ? bj::serialize(*r.after) : "", r.hash});
        }
        if (static_cast<int>(page.size()) < f.limit) break;
        if (rows.size() >= 100'000) return Error{Code::kResourceExhausted, "more than 100000 records: narrow the filters", {}};
        f.before_id = page.back().id;
      }
      TRY(auto file, exportTable(format, "audit",
                                 {"id", "at", "actor", "entity", "entity_id", "action", "jurisdiction",
                                  "before", "after", "hash"},
                                 rows));
      return http::fileResponse(std::move(file.body), file.media_type, "audit." + file.extension);
    }
    TRY(auto records, list(db, f));
    bj::array items;
    for (const auto& r : records) {
      items.push_back(bj::object{{"id", r.id},
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
    if (static_cast<int>(records.size()) == f.limit) next = std::to_string(records.back().id);
    return http::jsonResponse(bj::object{{"items", std::move(items)}, {"next_cursor", next}});
  }), "Audit records of the caller's jurisdiction, newest first (administrators)");
}

}  // namespace anlan::audit

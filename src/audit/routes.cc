#include "audit/routes.h"

#include "audit/audit.h"
#include "auth/routes.h"
#include "auth/rules.h"
#include "http/params.h"

namespace anlan::audit {

void addRoutes(http::Router& router, auth::AuthService& auth, db::Database& db) {
  router.add("GET", "/api/v1/audit", [&](http::Request& req) -> http::Response {
    namespace bj = boost::json;
    auto p = auth::requirePrincipal(auth, req);
    if (!p.ok()) return http::errorResponse(p.error());
    if (auto s = auth::authorize(*p, auth::Action::kReadAudit); !s.ok()) return http::errorResponse(s.error());
    Filter f;
    for (const auto* j : auth.registry().subtree(p->user.jurisdiction)) f.jurisdictions.push_back(j->code);
    auto limit = http::limitParam(req);
    auto cursor = http::intParam(req, "cursor");
    auto from = http::intParam(req, "from");
    auto to = http::intParam(req, "to");
    for (const Status& s : {Status(limit.ok() ? Status() : limit.error()),
                            Status(cursor.ok() ? Status() : cursor.error()),
                            Status(from.ok() ? Status() : from.error()),
                            Status(to.ok() ? Status() : to.error())}) {
      if (!s.ok()) return http::errorResponse(s.error());
    }
    f.limit = *limit;
    f.before_id = *cursor;
    f.from = *from;
    f.to = *to;
    f.entity = http::textParam(req, "entity");
    f.entity_id = http::textParam(req, "entity_id");
    f.action = http::textParam(req, "action");
    f.actor = http::textParam(req, "actor");
    auto records = list(db, f);
    if (!records.ok()) return http::errorResponse(records.error());
    bj::array items;
    for (const auto& r : *records) {
      bj::object o{{"id", r.id},
                   {"at", r.at},
                   {"actor", r.actor.name},
                   {"actor_id", r.actor.id ? bj::value(*r.actor.id) : bj::value(nullptr)},
                   {"entity", r.entity},
                   {"entity_id", r.entity_id},
                   {"action", r.action},
                   {"jurisdiction", r.jurisdiction},
                   {"before", r.before ? *r.before : bj::value(nullptr)},
                   {"after", r.after ? *r.after : bj::value(nullptr)},
                   {"hash", r.hash}};
      items.push_back(std::move(o));
    }
    bj::value next = nullptr;
    if (static_cast<int>(records->size()) == f.limit) next = std::to_string(records->back().id);
    return http::jsonResponse(bj::object{{"items", std::move(items)}, {"next_cursor", next}});
  }, "Audit records of the caller's jurisdiction, newest first (administrators)");
}

}  // namespace anlan::audit

#include "audit/routes.h"

#include "audit/audit.h"
#include "auth/routes.h"
#include "auth/rules.h"
#include "http/params.h"

namespace anlan::audit {

void addRoutes(http::Router& router, auth::AuthService& auth, db::Database& db) {
  router.add("GET", "/api/v1/audit", auth::guarded(auth, [&](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    namespace bj = boost::json;
    TRY_STATUS(auth::authorize(p, auth::Action::kReadAudit));
    Filter f;
    f.jurisdictions = auth.registry().subtreeCodes(p.user.jurisdiction);
    TRY(f.limit, http::limitParam(req));
    TRY(f.before_id, http::intParam(req, "cursor"));
    TRY(f.from, http::intParam(req, "from"));
    TRY(f.to, http::intParam(req, "to"));
    f.entity = http::textParam(req, "entity");
    f.entity_id = http::textParam(req, "entity_id");
    f.action = http::textParam(req, "action");
    f.actor = http::textParam(req, "actor");
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

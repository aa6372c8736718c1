#include "org/routes.h"

#include "auth/routes.h"
#include "auth/rules.h"

namespace anlan::org {
namespace {

namespace bj = boost::json;

bj::object toJson(const Jurisdiction& j) {
  return {{"code", j.code},       {"name", j.name},
          {"name_en", j.name_en}, {"level", j.level},
          {"parent", j.parent.empty() ? bj::value(nullptr) : bj::value(j.parent)},
          {"official", j.official}};
}

// The caller's subtree as nested objects with "children".
bj::object tree(const Registry& reg, const Jurisdiction& j) {
  bj::object o = toJson(j);
  bj::array kids;
  for (const Jurisdiction* c : reg.children(j.code)) kids.push_back(tree(reg, *c));
  o["children"] = std::move(kids);
  return o;
}

}  // namespace

void addRoutes(http::Router& router, auth::AuthService& auth, const Registry& registry) {
  router.add("GET", "/api/v1/jurisdictions", [&](http::Request& req) -> http::Response {
    auto p = auth::requirePrincipal(auth, req);
    if (!p.ok()) return http::errorResponse(p.error());
    if (auto s = auth::authorize(*p, auth::Action::kReadJurisdictions); !s.ok()) {
      return http::errorResponse(s.error());
    }
    const Jurisdiction* root = registry.find(p->user.jurisdiction);
    if (!root) return http::errorResponse(Error::notFound("your jurisdiction is not in the registry"));
    bj::array path;
    for (const Jurisdiction* j : registry.path(root->code)) path.push_back(toJson(*j));
    bj::array flat;
    for (const Jurisdiction* j : registry.subtree(root->code)) flat.push_back(toJson(*j));
    return http::jsonResponse(
        bj::object{{"root", tree(registry, *root)}, {"path", std::move(path)}, {"items", std::move(flat)}});
  }, "The jurisdictions the caller may see, as a tree and a flat list");

  router.add("GET", "/api/v1/jurisdictions/{code}", [&](http::Request& req) -> http::Response {
    auto p = auth::requirePrincipal(auth, req);
    if (!p.ok()) return http::errorResponse(p.error());
    if (auto s = auth::authorize(*p, auth::Action::kReadJurisdictions); !s.ok()) {
      return http::errorResponse(s.error());
    }
    const std::string& code = req.params["code"];
    const Jurisdiction* j = registry.find(code);
    // Ancestors of the caller's unit are visible (context); other branches are not.
    bool visible = j && (auth::inScope(*p, registry, code) || registry.contains(code, p->user.jurisdiction));
    if (!visible) return http::errorResponse(Error::notFound("no such jurisdiction"));
    bj::object o = toJson(*j);
    bj::array kids;
    for (const Jurisdiction* c : registry.children(code)) {
      if (auth::inScope(*p, registry, c->code) || registry.contains(c->code, p->user.jurisdiction)) {
        kids.push_back(toJson(*c));
      }
    }
    o["children"] = std::move(kids);
    o["boundary"] = nullptr;  // GeoJSON boundaries arrive with the registry data
    return http::jsonResponse(o);
  }, "One jurisdiction with its children");
}

}  // namespace anlan::org

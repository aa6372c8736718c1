#include "org/routes.h"

#include <boost/json/parse.hpp>
#include <cmath>
#include <cstdlib>

#include "access/guard.h"
#include "access/rules.h"
#include "http/params.h"

namespace anlan::org {
namespace {

namespace bj = boost::json;

bj::object toJson(const Jurisdiction& j) {
  return {{"code", j.code},
          {"name", j.name},
          {"name_en", j.name_en},
          {"level", j.level},
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

void addRoutes(http::Router& router, access::Authenticator& auth, const Registry& registry) {
  // Registry reads: signed in, and the role may read jurisdictions. They read only memory, so
  // small answers come straight from the I/O thread (quickReader); the ones that parse and
  // re-serialise boundaries (large) stay on a worker.
  auto readable = [](access::GuardedFn fn) -> access::GuardedFn {
    return [fn = std::move(fn)](http::Request& req,
                                const access::Principal& p) -> Result<http::Response> {
      TRY_STATUS(access::authorize(p, access::Action::kReadJurisdictions));
      return fn(req, p);
    };
  };
  auto reader = [&auth, readable](access::GuardedFn fn) {
    return access::guarded(auth, readable(std::move(fn)));
  };
  auto quickReader = [&auth, readable](access::GuardedFn fn) {
    return access::guardedInMemory(auth, readable(std::move(fn)));
  };
  // The caller's own subtree, and its ancestors as context; other branches are not visible.
  auto visible = [&registry](const access::Principal& p, const std::string& code) {
    return p.scope.inTree(code) || registry.contains(code, p.user.jurisdiction);
  };

  router.add("GET", "/api/v1/jurisdictions",
             quickReader(
                 [&registry](http::Request&, const access::Principal& p) -> Result<http::Response> {
                   const Jurisdiction* root = registry.find(p.user.jurisdiction);
                   if (!root) return Error::notFound("your jurisdiction is not in the registry");
                   bj::array path;
                   for (const Jurisdiction* j : registry.path(root->code))
                     path.push_back(toJson(*j));
                   bj::array flat;
                   for (const Jurisdiction* j : registry.subtree(root->code))
                     flat.push_back(toJson(*j));
                   return http::jsonResponse(bj::object{{"root", tree(registry, *root)},
                                                        {"path", std::move(path)},
                                                        {"items", std::move(flat)}});
                 }),
             "The jurisdictions the caller may see, as a tree and a flat list");

  router.add("GET", "/api/v1/jurisdictions/{code}",
             reader([&registry, visible](http::Request& req,
                                         const access::Principal& p) -> Result<http::Response> {
               const std::string& code = req.params["code"];
               const Jurisdiction* j = registry.find(code);
               // Ancestors of the caller's unit are visible (context); other branches are not.
               if (!j || !visible(p, j->code)) return Error::notFound("no such jurisdiction");
               bj::object o = toJson(*j);
               bj::array kids;
               for (const Jurisdiction* c : registry.children(code)) {
                 if (visible(p, c->code)) kids.push_back(toJson(*c));
               }
               o["children"] = std::move(kids);
               const std::string& shape = registry.boundary(code);
               o["boundary"] = shape.empty() ? bj::value(nullptr) : bj::parse(shape);
               if (const CommandCenter* cc = registry.commandCenter(code)) {
                 o["command_center"] =
                     bj::object{{"name", cc->name},
                                {"name_en", cc->name_en},
                                {"duty_phone", cc->duty_phone.empty() ? bj::value(nullptr)
                                                                      : bj::value(cc->duty_phone)}};
               } else {
                 o["command_center"] = nullptr;
               }
               return http::jsonResponse(std::move(o));
             }),
             "One jurisdiction with its children and its boundary (GeoJSON, WGS-84)");

  router.add(
      "GET", "/api/v1/map/units",
      reader([&registry, visible](http::Request&,
                                  const access::Principal& p) -> Result<http::Response> {
        // The units that overlap the caller's scope (inside it, or containing it): those with a
        // boundary as their shape, the parks as a point where they lie (with their host district).
        bj::array features;
        for (const Jurisdiction* j : registry.children(registry.city())) {
          if (!visible(p, j->code)) continue;
          bj::object props{
              {"code", j->code}, {"name", j->name}, {"name_en", j->name_en}, {"level", j->level}};
          bj::value geometry;
          if (const std::string& shape = registry.boundary(j->code); !shape.empty()) {
            geometry = bj::parse(shape);
          } else if (const Registry::Seat* seat = registry.seat(j->code)) {
            geometry = bj::object{{"type", "Point"}, {"coordinates", {seat->at.lon, seat->at.lat}}};
            props["host"] = seat->host;
            props["short_name"] = seat->short_name;
          } else {
            continue;
          }
          features.push_back(bj::object{{"type", "Feature"},
                                        {"id", j->code},
                                        {"properties", std::move(props)},
                                        {"geometry", std::move(geometry)}});
        }
        http::Response r = http::jsonResponse(
            bj::object{{"type", "FeatureCollection"}, {"features", std::move(features)}});
        r.headers.emplace_back("Cache-Control", "private, max-age=3600");
        return r;
      }),
      "The county-level units the caller sees: boundaries, and the parks as points (GeoJSON, "
      "WGS-84)");

  router.add(
      "GET", "/api/v1/map/locate",
      quickReader([&registry, visible](http::Request& req,
                                       const access::Principal& p) -> Result<http::Response> {
        TRY(double lon, http::numberParam(req, "lon"));
        TRY(double lat, http::numberParam(req, "lat"));
        geo::LonLat at{lon, lat};
        if (http::textParam(req, "datum").value_or("wgs84") == "gcj02") at = geo::gcjToWgs(at);
        std::string unit = registry.unitAt(at);
        bj::value found = nullptr;
        if (!unit.empty() && visible(p, unit)) {
          const Jurisdiction* j = registry.find(unit);
          found = bj::object{{"code", j->code}, {"name", j->name}, {"name_en", j->name_en}};
        }
        return http::jsonResponse(
            bj::object{{"lon", at.lon}, {"lat", at.lat}, {"unit", std::move(found)}});
      }),
      "The county-level unit containing a point (WGS-84, or datum=gcj02 to convert first)");

  router.add(
      "GET", "/api/v1/departments",
      quickReader([&registry](http::Request&, const access::Principal&) -> Result<http::Response> {
        bj::array items;
        for (const auto& d : registry.departments()) {
          items.push_back(bj::object{{"code", d.code}, {"name", d.name}, {"name_en", d.name_en}});
        }
        return http::jsonResponse(bj::object{{"items", std::move(items)}});
      }),
      "Departments");

  router.add(
      "GET", "/api/v1/sectors",
      quickReader([&registry](http::Request&, const access::Principal&) -> Result<http::Response> {
        bj::array items;
        for (const auto& s : registry.sectors()) {
          items.push_back(bj::object{{"code", s.code},
                                     {"name", s.name},
                                     {"name_en", s.name_en},
                                     {"lead_department", s.lead_department}});
        }
        return http::jsonResponse(bj::object{{"items", std::move(items)}});
      }),
      "Sectors, each with its lead department");
}

}  // namespace anlan::org

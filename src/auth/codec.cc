#include "auth/codec.h"

#include "core/json.h"

namespace anlan::auth {

namespace bj = boost::json;

Result<Credentials> credentialsFromJson(const bj::object& o) {
  TRY_STATUS(json::onlyFields(o, {"username", "password"}));
  Credentials c;
  TRY(c.username, json::requireString(o, "username", 64));
  TRY(c.password, json::requireString(o, "password", 200));
  return c;
}

Result<UserPatch> userPatchFromJson(const bj::object& o) {
  TRY_STATUS(json::onlyFields(
      o, {"version", "display_name", "role", "jurisdiction", "department", "phone", "active"}));
  UserPatch p;
  TRY(p.version, json::requireInt(o, "version"));
  TRY(p.display_name, json::optionalString(o, "display_name", 100));
  TRY(p.role, json::optionalString(o, "role", 40));
  TRY(p.jurisdiction, json::optionalString(o, "jurisdiction", 12));
  TRY(p.department, json::optionalString(o, "department", 100));
  TRY(p.phone, json::optionalString(o, "phone", 40));
  TRY(p.active, json::optionalBool(o, "active"));
  return p;
}

Result<NewUser> newUserFromJson(const bj::object& o) {
  TRY_STATUS(json::onlyFields(o, {"username", "display_name", "password", "role", "jurisdiction",
                                  "department", "phone", "enterprise_id"}));
  NewUser u;
  TRY(u.username, json::requireString(o, "username", 64));
  TRY(u.display_name, json::requireString(o, "display_name", 100));
  TRY(u.password, json::requireString(o, "password", 200));
  TRY(u.role, json::requireString(o, "role", 40));
  TRY(u.jurisdiction, json::requireString(o, "jurisdiction", 12));
  TRY(u.department, json::optionalString(o, "department", 100));
  TRY(u.phone, json::optionalString(o, "phone", 40));
  TRY(u.enterprise_id, json::optionalInt(o, "enterprise_id"));
  return u;
}

}  // namespace anlan::auth

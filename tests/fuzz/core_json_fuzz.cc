// JSON request bodies through core/json.h, the helpers every decoder uses: parseObject, then every
// reader on every field of the body and on the fields the API knows (with the limits the routes
// use), onlyFields and prefixed. Also the bodies decoded inline in src/auth/routes.cc (login, new
// user, user patch), which read their fields with these same helpers.
#include <boost/json.hpp>
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/json.h"
#include "core/text.h"
#include "fuzz_check.h"

namespace {

namespace bj = boost::json;
namespace json = anlan::json;

template <class T>
void checkError(const anlan::Result<T>& r, std::string_view field) {
  if (r.ok()) return;
  FUZZ_CHECK(r.error().code == anlan::Code::kInvalidArgument);
  FUZZ_CHECK(r.error().field == field);
}

void readField(const bj::object& o, std::string_view field) {
  for (std::size_t max : {std::size_t{12}, std::size_t{64}, std::size_t{200}, std::size_t{4000}}) {
    auto s = json::optionalString(o, field, max);
    checkError(s, field);
    if (s.ok() && *s) {
      FUZZ_CHECK((*s)->size() <= max);
      FUZZ_CHECK(anlan::text::checkText(field, **s).ok());  // no NUL, no control characters
    }
    auto req = json::requireString(o, field, max);
    checkError(req, field);
    if (req.ok()) FUZZ_CHECK(!req->empty() && req->size() <= max);
  }
  checkError(json::optionalInt(o, field), field);
  checkError(json::requireInt(o, field), field);
  checkError(json::optionalBool(o, field), field);
  auto at = json::optionalLonLat(o, field);
  checkError(at, field);
  auto sub = json::optionalObject(o, field);
  checkError(sub, field);
  if (sub.ok() && *sub) {
    auto nested = json::prefixed(json::requireString(**sub, "meeting", 200), field);
    if (!nested.ok()) FUZZ_CHECK(nested.error().field == std::string(field) + ".meeting");
  }
}

// The shapes of src/auth/routes.cc (login, parseNewUser, parsePatch), field by field.
void authBodies(const bj::object& o) {
  (void)json::requireString(o, "username", 64);
  (void)json::requireString(o, "password", 200);
  if (json::onlyFields(o, {"username", "display_name", "password", "role", "jurisdiction",
                           "department", "phone", "enterprise_id"})
          .ok()) {
    (void)json::requireString(o, "display_name", 100);
    (void)json::requireString(o, "role", 40);
    (void)json::requireString(o, "jurisdiction", 12);
    (void)json::optionalString(o, "department", 100);
    (void)json::optionalString(o, "phone", 40);
    (void)json::optionalInt(o, "enterprise_id");
  }
  if (json::onlyFields(
          o, {"version", "display_name", "role", "jurisdiction", "department", "phone", "active"})
          .ok()) {
    (void)json::requireInt(o, "version");
    (void)json::optionalBool(o, "active");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto body = json::parseObject(text);
  if (!body.ok()) {
    FUZZ_CHECK(body.error().field == "body");
    return 0;
  }
  const bj::object& o = *body;
  std::vector<std::string> keys;
  for (const auto& kv : o) keys.emplace_back(kv.key());
  for (const auto& k : keys) readField(o, k);
  for (std::string_view k : {"name", "location", "version", "absent"}) readField(o, k);
  auto only = json::onlyFields(o, {"name", "version"});
  if (!only.ok()) {
    FUZZ_CHECK(only.error().field != "name" && only.error().field != "version");
    FUZZ_CHECK(o.contains(only.error().field) || (only.error().field == "body" && o.contains("")));
  }
  authBodies(o);
  return 0;
}

// Accounts' request bodies (src/auth/codec.cc): sign-in, a new user, a change to a user, from
// any bytes. A body is an object or refused at `body`; every refusal names a field of the body;
// what is accepted keeps the limits the service relies on.
#include <boost/json.hpp>
#include <cstdint>
#include <string>
#include <string_view>

#include "auth/codec.h"
#include "core/json.h"
#include "core/text.h"
#include "fuzz_check.h"

namespace {

template <class T>
void checkError(const anlan::Result<T>& r) {
  if (r.ok()) return;
  FUZZ_CHECK(r.error().code == anlan::Code::kInvalidArgument);
  FUZZ_CHECK(!r.error().field.empty());
}

bool text(std::string_view s, std::size_t max) {
  return s.size() <= max && anlan::text::checkText("x", s).ok();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto body = anlan::json::parseObject(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!body.ok()) {
    FUZZ_CHECK(body.error().field == "body");
    return 0;
  }
  auto login = anlan::auth::credentialsFromJson(*body);
  checkError(login);
  if (login.ok())
    FUZZ_CHECK(!login->username.empty() && text(login->username, 64) && text(login->password, 200));
  auto user = anlan::auth::newUserFromJson(*body);
  checkError(user);
  if (user.ok()) {
    FUZZ_CHECK(text(user->username, 64) && text(user->display_name, 100) &&
               text(user->password, 200));
    FUZZ_CHECK(text(user->role, 40) && text(user->jurisdiction, 12));
    if (user->department) FUZZ_CHECK(text(*user->department, 100));
  }
  auto patch = anlan::auth::userPatchFromJson(*body);
  checkError(patch);
  if (patch.ok() && patch->jurisdiction) FUZZ_CHECK(text(*patch->jurisdiction, 12));
  return 0;
}

// Accounts' request bodies as records: sign-in, a new user, a change to a user. Decoders of
// outside input (fuzzed by tests/fuzz/auth_json_fuzz.cc); no HTTP, no database.
#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "core/result.h"

namespace anlan::auth {

struct Credentials {
  std::string username, password;
};

struct NewUser {
  std::string username, display_name, password, role, jurisdiction;
  std::optional<std::string> department, phone;
  std::optional<std::int64_t> enterprise_id;
};

struct UserPatch {
  std::int64_t version = 0;  // the version the client last saw
  std::optional<std::string> display_name, role, jurisdiction, department, phone;
  std::optional<bool> active;
};

// Each reads its body's fields (unknown ones refused), invalid_argument naming the field.
Result<Credentials> credentialsFromJson(const boost::json::object& o);
Result<NewUser> newUserFromJson(const boost::json::object& o);
Result<UserPatch> userPatchFromJson(const boost::json::object& o);

}  // namespace anlan::auth

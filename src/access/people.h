// Who the people named in records are: how a module that keeps user ids (a hazard's timeline, a
// notice's issuer) learns their names, units and phones without knowing the accounts module.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "access/model.h"
#include "core/result.h"

namespace anlan::access {

// Looks accounts up by id or username (auth::AuthService is the one implementation). A record's
// reader sees a person's phone only where the module's rules say so: the directory hands out the
// whole account, never a password hash. Thread-safe; each call is one read of its own.
class Directory {
 public:
  virtual ~Directory() = default;
  // The accounts among `ids` that exist (active or not), by id.
  virtual Result<std::map<std::int64_t, User>> usersById(const std::vector<std::int64_t>& ids) = 0;
  // The accounts among `usernames` that exist, by username.
  virtual Result<std::map<std::string, User>> usersByName(
      const std::vector<std::string>& usernames) = 0;
};

}  // namespace anlan::access

// Who may do what, and input rules for accounts. Pure functions: no I/O, no clock.
#pragma once

#include <string>

#include "auth/model.h"
#include "core/result.h"
#include "org/registry.h"

namespace anlan::auth {

enum class Action {
  kReadJurisdictions,
  kReadUsers,
  kManageUsers,
  kReadAudit,
  kSubscribeEvents,
};

// The role-permission table.
bool allowed(Role role, Action action);
// Whether `p` may act on records that belong to jurisdiction `code` (its own subtree only).
bool inScope(const Principal& p, const org::Registry& registry, const std::string& code);
// Allowed and in scope, as a Status (403 naming nothing, so nothing leaks).
Status authorize(const Principal& p, Action action);

Status validateUsername(const std::string& username);
// At least 10 characters with a letter and a digit; at most 200.
Status validatePassword(const std::string& password, const std::string& field = "password");

}  // namespace anlan::auth

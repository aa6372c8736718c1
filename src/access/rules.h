// Who may do what: the role table for actions that belong to no module's own rules (accounts,
// audit, the registry, events), and the policy that turns a user into their scope.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "access/model.h"
#include "core/result.h"

namespace anlan::access {

enum class Action {
  kReadJurisdictions,
  kReadUsers,
  kManageUsers,
  kReadAudit,
  kSubscribeEvents,
};

const char* actionName(Action a);
std::optional<Action> parseAction(std::string_view text);

// The role-permission table.
bool allowed(Role role, Action action);
// allowed() as a Status (403 naming nothing, so nothing leaks).
Status authorize(const Principal& p, Action action);

// What `u` may see: administrators, commanders and duty officers every record of their
// jurisdiction's `tree`; department officers only those of the sectors their department leads
// (`led`); enterprise officers only their own enterprise's (none while unbound).
Scope scopeFor(const User& u, const Subtree& tree, std::vector<std::string> led);

}  // namespace anlan::access

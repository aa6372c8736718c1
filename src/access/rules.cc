#include "access/rules.h"

#include <array>

namespace anlan::access {
namespace {

// Rows: actions; columns: admin, commander, duty officer, department officer, enterprise officer.
struct Grant {
  Action action;
  const char* name;
  std::array<bool, 5> roles;
};
constexpr Grant kGrants[] = {
    {Action::kReadJurisdictions, "read_jurisdictions", {true, true, true, true, true}},
    {Action::kReadUsers, "read_users", {true, true, false, false, false}},
    {Action::kManageUsers, "manage_users", {true, false, false, false, false}},
    {Action::kReadAudit, "read_audit", {true, false, false, false, false}},
    {Action::kSubscribeEvents, "subscribe_events", {true, true, true, true, true}},
};

}  // namespace

const char* roleName(Role r) {
  switch (r) {
    case Role::kAdmin:
      return "admin";
    case Role::kCommander:
      return "commander";
    case Role::kDutyOfficer:
      return "duty_officer";
    case Role::kDepartmentOfficer:
      return "department_officer";
    case Role::kEnterpriseOfficer:
      return "enterprise_officer";
  }
  return "unknown";
}

std::optional<Role> parseRole(std::string_view text) {
  for (Role r : kAllRoles) {
    if (text == roleName(r)) return r;
  }
  return std::nullopt;
}

const char* actionName(Action a) {
  for (const auto& g : kGrants) {
    if (g.action == a) return g.name;
  }
  return "unknown";
}

std::optional<Action> parseAction(std::string_view text) {
  for (const auto& g : kGrants) {
    if (text == g.name) return g.action;
  }
  return std::nullopt;
}

bool allowed(Role role, Action action) {
  for (const auto& g : kGrants) {
    if (g.action == action) return g.roles[static_cast<std::size_t>(role)];
  }
  return false;
}

Status authorize(const Principal& p, Action action) {
  if (!allowed(p.user.role, action)) return Error::denied("your role may not do this");
  return {};
}

Scope scopeFor(const User& u, const Subtree& tree, std::vector<std::string> led) {
  switch (u.role) {
    case Role::kEnterpriseOfficer:
      return u.enterprise_id ? Scope::ofEnterprise(tree, *u.enterprise_id) : Scope();
    case Role::kDepartmentOfficer:
      return Scope::of(tree).onlySectors(std::move(led));
    default:
      return Scope::of(tree);
  }
}

}  // namespace anlan::access

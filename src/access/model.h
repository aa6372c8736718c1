// Who is calling: roles, the account as access control sees it, and the signed-in principal with
// its scope. Modules take a Principal; only auth/ makes them.
#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "access/scope.h"
#include "core/clock.h"

namespace anlan::access {

enum class Role {
  kAdmin,              // 系统管理员
  kCommander,          // 市指挥中心
  kDutyOfficer,        // 县区值班员
  kDepartmentOfficer,  // 行业部门
  kEnterpriseOfficer,  // 企业安全员
};

inline constexpr Role kAllRoles[] = {Role::kAdmin, Role::kCommander, Role::kDutyOfficer,
                                     Role::kDepartmentOfficer, Role::kEnterpriseOfficer};

const char* roleName(Role r);
std::optional<Role> parseRole(std::string_view text);

struct User {
  std::int64_t id = 0;
  std::string username;
  std::string display_name;
  Role role = Role::kDutyOfficer;
  std::string jurisdiction;               // code of the jurisdiction the user acts in
  std::optional<std::string> department;  // for department officers
  std::optional<std::int64_t> enterprise_id;
  std::optional<std::string> phone;
  bool active = true;
  std::int64_t version = 1;
  Millis created_at = 0, updated_at = 0;
};

// The user as JSON (never the password hash).
boost::json::object toJson(const User& u);

// Who is making a request: the user, what they may see, and the session they came with.
struct Principal {
  User user;
  Scope scope;               // made from the user by auth (access::scopeFor)
  std::string session_hash;  // SHA-256 of the session token
  std::string csrf;          // the CSRF token bound to the session
  bool via_cookie = false;
};

}  // namespace anlan::access

#include "auth/model.h"

namespace anlan::auth {

const char* roleName(Role r) {
  switch (r) {
    case Role::kAdmin: return "admin";
    case Role::kCommander: return "commander";
    case Role::kDutyOfficer: return "duty_officer";
    case Role::kDepartmentOfficer: return "department_officer";
    case Role::kEnterpriseOfficer: return "enterprise_officer";
  }
  return "duty_officer";
}

std::optional<Role> parseRole(std::string_view text) {
  for (Role r : {Role::kAdmin, Role::kCommander, Role::kDutyOfficer, Role::kDepartmentOfficer,
                 Role::kEnterpriseOfficer}) {
    if (text == roleName(r)) return r;
  }
  return std::nullopt;
}

boost::json::object toJson(const User& u) {
  boost::json::object o{{"id", u.id},
                        {"username", u.username},
                        {"display_name", u.display_name},
                        {"role", roleName(u.role)},
                        {"jurisdiction", u.jurisdiction},
                        {"active", u.active},
                        {"version", u.version},
                        {"created_at", u.created_at},
                        {"updated_at", u.updated_at}};
  o["department"] = u.department ? boost::json::value(*u.department) : nullptr;
  o["enterprise_id"] = u.enterprise_id ? boost::json::value(*u.enterprise_id) : nullptr;
  o["phone"] = u.phone ? boost::json::value(*u.phone) : nullptr;
  return o;
}

}  // namespace anlan::auth

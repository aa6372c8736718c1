#include "access/model.h"

namespace anlan::access {

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

}  // namespace anlan::access

#include "app/demo.h"

namespace anlan::app {

std::vector<DemoAccount> demoAccounts(const org::Registry& registry) {
  std::vector<DemoAccount> out = {
      {"admin", "admin", "430400", "系统管理员"},
      {"commander", "commander", "430400", "市指挥中心值班长"},
  };
  for (const org::Jurisdiction* j : registry.children("430400")) {
    out.push_back({"duty-" + j->code, "duty_officer", j->code, j->name + "值班员"});
  }
  out.push_back({"dept-yjj", "department_officer", "430400", "市应急管理局安全生产科"});
  out.push_back({"ent-430426", "enterprise_officer", "430426", "祁东县示范企业安全员"});
  return out;
}

Result<int> seedDemo(App& app, const std::string& password) {
  int created = 0;
  for (const auto& a : demoAccounts(app.registry())) {
    TRY(auto existing, app.auth().findByUsername(a.username));
    if (existing) continue;
    auth::NewUser u;
    u.username = a.username;
    u.display_name = a.display_name;
    u.password = password;
    u.role = a.role;
    u.jurisdiction = a.jurisdiction;
    if (a.role == "department_officer") u.department = "应急管理";
    TRY(auto user, app.auth().createUser(nullptr, u));
    (void)user;
    ++created;
  }
  return created;
}

}  // namespace anlan::app

// Walks every route with every role (and with no one) and checks who gets what. A route added
// without a row here fails the test, so nothing is served without a decision about who may use it.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "support/test_app.h"

namespace anlan::test {
namespace {

// Columns: anonymous, admin, commander, duty-430426, dept-yjj (city department), ent-430426.
const std::vector<std::string> kWho = {"", "admin", "commander", "duty-430426", "dept-yjj", "ent-430426"};

struct Row {
  std::string method, pattern, path, body;
  std::vector<int> expect;  // one status per kWho entry
};

TEST(AuthorizationMatrix, EveryRouteEveryRole) {
  TestApp t;
  std::string shigu = std::to_string(t.userId("duty-430407"));  // 石鼓区: outside 祁东县
  std::string self_county = std::to_string(t.userId("duty-430426"));
  std::string firm = std::to_string(t.addEnterprise("430407", "hazardous_chemicals"));  // 石鼓区
  int n = 0;
  auto newFirm = [&] {
    return R"({"name":"矩阵测试企业","credit_code":")" + creditCode("430407", 800000 + n++) +
           R"(","sectors":["hazardous_chemicals"],"jurisdiction":"430407"})";
  };
  auto importFile = [&] {
    return "name,credit_code,sectors,jurisdiction\n矩阵导入企业," + creditCode("430407", 900000 + n++) +
           ",hazardous_chemicals,430407\n";
  };
  auto uniqueUser = [&] {
    return R"({"username":"matrix-user-)" + std::to_string(n++) +
           R"(","display_name":"x","password":"Long-enough-1","role":"duty_officer","jurisdiction":"430405"})";
  };
  const std::vector<Row> rows = {
      {"POST", "/api/v1/auth/login", "/api/v1/auth/login", "*login*",
       {401, 401, 401, 401, 401, 401}},
      {"POST", "/api/v1/auth/logout", "/api/v1/auth/logout", "", {401, 200, 200, 200, 200, 200}},
      {"GET", "/api/v1/me", "/api/v1/me", "", {401, 200, 200, 200, 200, 200}},
      {"GET", "/api/v1/jurisdictions", "/api/v1/jurisdictions", "", {401, 200, 200, 200, 200, 200}},
      {"GET", "/api/v1/jurisdictions/{code}", "/api/v1/jurisdictions/430407", "",
       {401, 200, 200, 404, 200, 404}},
      {"GET", "/api/v1/users", "/api/v1/users", "", {401, 200, 200, 403, 403, 403}},
      {"POST", "/api/v1/users", "/api/v1/users", "*new*", {401, 201, 403, 403, 403, 403}},
      {"GET", "/api/v1/users/{id}", "/api/v1/users/" + shigu, "", {401, 200, 200, 403, 403, 403}},
      {"PATCH", "/api/v1/users/{id}", "/api/v1/users/" + self_county, "*patch*",
       {401, 200, 403, 403, 403, 403}},
      {"POST", "/api/v1/users/{id}/password", "/api/v1/users/" + shigu, "", {}},  // path fixed below
      {"GET", "/api/v1/audit", "/api/v1/audit", "", {401, 200, 403, 403, 403, 403}},
      {"GET", "/api/v1/departments", "/api/v1/departments", "", {401, 200, 200, 200, 200, 200}},
      {"GET", "/api/v1/sectors", "/api/v1/sectors", "", {401, 200, 200, 200, 200, 200}},
      {"GET", "/api/v1/map/units", "/api/v1/map/units", "", {401, 200, 200, 200, 200, 200}},
      {"GET", "/api/v1/map/locate", "/api/v1/map/locate?lon=112.6&lat=26.9", "", {401, 200, 200, 200, 200, 200}},
      {"GET", "/api/v1/enterprises", "/api/v1/enterprises", "", {401, 200, 200, 200, 200, 200}},
      {"GET", "/api/v1/enterprises/figures", "/api/v1/enterprises/figures", "", {401, 200, 200, 200, 200, 200}},
      {"GET", "/api/v1/enterprises/{id}", "/api/v1/enterprises/" + firm, "", {401, 200, 200, 404, 200, 404}},
      {"PATCH", "/api/v1/enterprises/{id}", "/api/v1/enterprises/" + firm, "*firm-patch*",
       {401, 200, 200, 403, 200, 403}},
      {"POST", "/api/v1/enterprises", "/api/v1/enterprises", "*firm*", {401, 201, 201, 403, 201, 403}},
      {"POST", "/api/v1/enterprises/import", "/api/v1/enterprises/import", "*import*",
       {401, 200, 200, 403, 200, 403}},
      {"GET", "/healthz", "/healthz", "", {200, 200, 200, 200, 200, 200}},
      {"GET", "/metrics", "/metrics", "", {200, 200, 200, 200, 200, 200}},
      {"GET", "/api/v1/openapi.json", "/api/v1/openapi.json", "", {200, 200, 200, 200, 200, 200}},
  };
  std::vector<Row> table = rows;
  for (auto& r : table) {
    if (r.pattern == "/api/v1/users/{id}/password") {
      r.path = "/api/v1/users/" + shigu + "/password";
      r.body = R"({"password":"Reset-by-admin-1"})";
      r.expect = {401, 200, 403, 403, 403, 403};
    }
  }

  std::set<std::string> covered;
  for (const auto& r : table) covered.insert(r.method + " " + r.pattern);
  for (const auto& route : t.app().router().routes()) {
    EXPECT_TRUE(covered.count(route.method + " " + route.pattern))
        << "no authorization row for " << route.method << " " << route.pattern;
  }

  for (const auto& r : table) {
    for (std::size_t i = 0; i < kWho.size(); ++i) {
      std::string token = kWho[i].empty() ? "" : t.login(kWho[i]);  // a fresh session each time
      std::string body = r.body;
      if (body == "*new*") body = uniqueUser();
      if (body == "*login*") body = R"({"username":"nobody)" + std::to_string(n++) + R"(","password":"Wrong-pass-1"})";
      if (body == "*firm*") body = newFirm();
      if (body == "*import*") body = importFile();
      if (body == "*firm-patch*") {
        auto cur = t.app().enterprises().get(*t.app().auth().authenticate(t.login("admin")), std::stoll(firm));
        body = R"({"version":)" + std::to_string(cur->version) + R"(,"address":"新地址"})";
      }
      if (body == "*patch*") {
        auto cur = t.app().auth().findByUsername("duty-430426").value();
        body = R"({"version":)" + std::to_string(cur->version) + R"(,"phone":"0734-0000000"})";
      }
      auto res = t.client().request(r.method, r.path, body,
                                    token.empty() ? std::map<std::string, std::string>{}
                                                  : std::map<std::string, std::string>{{"Authorization", "Bearer " + token}});
      EXPECT_EQ(res.status, r.expect[i]) << r.method << " " << r.path << " as '" << kWho[i] << "': " << res.body;
    }
  }
}

}  // namespace
}  // namespace anlan::test

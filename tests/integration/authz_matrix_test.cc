// Walks every route with every role (and with no one) and checks who gets what. A route added
// without a row here fails the test, so nothing is served without a decision about who may use it.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "support/test_app.h"

namespace anlan::test {
namespace {

// Columns: anonymous, admin, commander, duty-430426, dept-yjj (city department), ent-430426.
const std::vector<std::string> kWho = {"",         "admin",     "commander", "duty-430426",
                                       "dept-yjj", "ent-430426"};

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
  // Hazards at a chemical firm of 祁东县 (led by 应急管理局, not the enterprise officer's own).
  std::string chem =
      std::to_string(t.addEnterprise("430426", "hazardous_chemicals", "矩阵测试化工有限公司"));
  std::string county = t.login("duty-430426");
  auto newHazard = [&](const std::string& grade) {
    auto r = t.client().post(
        "/api/v1/hazards",
        R"({"enterprise_id":)" + chem +
            R"(,"sector":"hazardous_chemicals","description":"矩阵","grade":")" + grade + R"("})",
        county);
    EXPECT_EQ(r.status, 201) << r.body;
    return std::to_string(r.json().at("id").as_int64());
  };
  const std::string png = std::string("\x89PNG\r\n\x1A\n", 8) + std::string(32, '\0');
  std::string hazard = newHazard("general");
  auto up = t.client().request("POST", "/api/v1/hazards/" + hazard + "/attachments?name=a.png", png,
                               {{"Authorization", "Bearer " + county}});
  std::string attachment = std::to_string(up.json().at("id").as_int64());
  std::string notice = std::to_string(t.app().hazards().issueNotice(nullptr, "430400").value().id);
  // A minute later: the hazards made for the cells below lie in the next notice's period (a
  // notice of an empty period is refused).
  t.clock.advance(60'000);
  // Duty rooms: an intake report of 祁东县, and spot checks of 祁东县 in each state.
  std::string city = t.login("commander");
  const std::string intakeBody =
      R"({"room":"430426","reporter_name":"张三","reporter_phone":"13800000000","event_type":"火灾",)"
      R"("occurred_at":1780000000000,"place":"祁东县城"})";
  auto newIntake = [&] {
    auto r = t.client().post("/api/v1/intake", intakeBody, county);
    EXPECT_EQ(r.status, 201) << r.body;
    return std::to_string(r.json().at("id").as_int64());
  };
  std::string intake = newIntake();
  auto newCall = [&](int steps) {  // 0 waiting, 1 ringing, 2 answered
    auto r = t.client().post("/api/v1/roll-calls", R"({"rooms":["430426","430407"]})", city);
    EXPECT_EQ(r.status, 201) << r.body;
    std::string id = std::to_string(r.json().at("id").as_int64());
    if (steps >= 1) {
      EXPECT_EQ(t.client().post("/api/v1/roll-calls/" + id + "/rooms/430426/ring", "", city).status,
                200);
    }
    if (steps >= 2) {
      EXPECT_EQ(
          t.client().post("/api/v1/roll-calls/" + id + "/rooms/430426/answer", "", county).status,
          200);
    }
    return id;
  };
  std::string call = newCall(0);
  const std::string period = "from=1780000000000&to=1780086400000";
  auto newFirm = [&] {
    return R"({"name":"矩阵测试企业","credit_code":")" + creditCode("430407", 800000 + n++) +
           R"(","sectors":["hazardous_chemicals"],"jurisdiction":"430407"})";
  };
  auto importFile = [&] {
    return "name,credit_code,sectors,jurisdiction\n矩阵导入企业," +
           creditCode("430407", 900000 + n++) + ",hazardous_chemicals,430407\n";
  };
  auto uniqueUser = [&] {
    return R"({"username":"matrix-user-)" + std::to_string(n++) +
           R"(","display_name":"x","password":"Long-enough-1","role":"duty_officer","jurisdiction":"430405"})";
  };
  const std::vector<Row> rows = {
      {"POST",
       "/api/v1/auth/login",
       "/api/v1/auth/login",
       "*login*",
       {401, 401, 401, 401, 401, 401}},
      {"POST", "/api/v1/auth/logout", "/api/v1/auth/logout", "", {401, 200, 200, 200, 200, 200}},
      {"GET", "/api/v1/me", "/api/v1/me", "", {401, 200, 200, 200, 200, 200}},
      {"GET", "/api/v1/inbox", "/api/v1/inbox", "", {401, 200, 200, 200, 200, 200}},
      {"GET",
       "/api/v1/enterprises/import-template",
       "/api/v1/enterprises/import-template",
       "",
       {401, 200, 200, 200, 200, 200}},
      {"GET", "/api/v1/inbox/summary", "/api/v1/inbox/summary", "", {401, 200, 200, 200, 200, 200}},
      {"GET", "/api/v1/jurisdictions", "/api/v1/jurisdictions", "", {401, 200, 200, 200, 200, 200}},
      {"GET",
       "/api/v1/jurisdictions/{code}",
       "/api/v1/jurisdictions/430407",
       "",
       {401, 200, 200, 404, 200, 404}},
      {"GET", "/api/v1/users", "/api/v1/users", "", {401, 200, 200, 403, 403, 403}},
      {"POST", "/api/v1/users", "/api/v1/users", "*new*", {401, 201, 403, 403, 403, 403}},
      {"GET", "/api/v1/users/{id}", "/api/v1/users/" + shigu, "", {401, 200, 200, 403, 403, 403}},
      {"PATCH",
       "/api/v1/users/{id}",
       "/api/v1/users/" + self_county,
       "*patch*",
       {401, 200, 403, 403, 403, 403}},
      {"POST",
       "/api/v1/users/{id}/password",
       "/api/v1/users/" + shigu,
       "",
       {}},  // path fixed below
      {"GET", "/api/v1/audit", "/api/v1/audit", "", {401, 200, 403, 403, 403, 403}},
      {"GET", "/api/v1/departments", "/api/v1/departments", "", {401, 200, 200, 200, 200, 200}},
      {"GET", "/api/v1/sectors", "/api/v1/sectors", "", {401, 200, 200, 200, 200, 200}},
      {"GET", "/api/v1/map/units", "/api/v1/map/units", "", {401, 200, 200, 200, 200, 200}},
      {"GET",
       "/api/v1/map/locate",
       "/api/v1/map/locate?lon=112.6&lat=26.9",
       "",
       {401, 200, 200, 200, 200, 200}},
      {"GET", "/api/v1/enterprises", "/api/v1/enterprises", "", {401, 200, 200, 200, 200, 200}},
      {"GET",
       "/api/v1/enterprises/figures",
       "/api/v1/enterprises/figures",
       "",
       {401, 200, 200, 200, 200, 200}},
      {"GET",
       "/api/v1/enterprises/{id}",
       "/api/v1/enterprises/" + firm,
       "",
       {401, 200, 200, 404, 200, 404}},
      {"PATCH",
       "/api/v1/enterprises/{id}",
       "/api/v1/enterprises/" + firm,
       "*firm-patch*",
       {401, 200, 200, 403, 200, 403}},
      {"POST",
       "/api/v1/enterprises",
       "/api/v1/enterprises",
       "*firm*",
       {401, 201, 201, 403, 201, 403}},
      {"POST",
       "/api/v1/enterprises/import",
       "/api/v1/enterprises/import",
       "*import*",
       {401, 200, 200, 403, 200, 403}},
      {"GET", "/api/v1/hazards", "/api/v1/hazards", "", {401, 200, 200, 200, 200, 200}},
      {"POST", "/api/v1/hazards", "/api/v1/hazards", "*hazard*", {401, 403, 201, 201, 201, 400}},
      {"GET", "/api/v1/hazards/stats", "/api/v1/hazards/stats", "", {401, 200, 200, 200, 200, 200}},
      {"GET",
       "/api/v1/hazards/ledger.xlsx",
       "/api/v1/hazards/ledger.xlsx",
       "",
       {401, 200, 200, 200, 200, 200}},
      {"GET",
       "/api/v1/hazards/{id}",
       "/api/v1/hazards/" + hazard,
       "",
       {401, 200, 200, 200, 200, 404}},
      // {fresh}: a new major hazard for every cell, so that each caller meets the same state.
      {"POST",
       "/api/v1/hazards/{id}/transitions",
       "/api/v1/hazards/{fresh}/transitions",
       "*assess*",
       {401, 403, 200, 200, 200, 404}},
      {"POST",
       "/api/v1/hazards/{id}/progress",
       "/api/v1/hazards/{fresh}/progress",
       R"({"note":"进展"})",
       {401, 403, 409, 409, 409, 404}},  // allowed, but only while rectifying
      {"POST",
       "/api/v1/hazards/{id}/supervision",
       "/api/v1/hazards/{fresh}/supervision",
       R"({"level":"county"})",
       {401, 403, 200, 200, 200, 404}},
      {"POST",
       "/api/v1/hazards/{id}/escalations",
       "/api/v1/hazards/{fresh}/escalations",
       R"({"kind":"suggestion_letter","note":"建议函"})",
       {401, 403, 201, 201, 201, 404}},
      {"POST",
       "/api/v1/hazards/{id}/attachments",
       "/api/v1/hazards/{fresh}/attachments?name=p.png",
       "*png*",
       {401, 403, 201, 201, 201, 404}},
      {"GET",
       "/api/v1/hazards/{id}/attachments/{attachment_id}",
       "/api/v1/hazards/" + hazard + "/attachments/" + attachment,
       "",
       {401, 200, 200, 200, 200, 404}},
      {"GET", "/api/v1/notices", "/api/v1/notices", "", {401, 200, 200, 200, 200, 200}},
      {"POST", "/api/v1/notices", "/api/v1/notices", "{}", {401, 403, 201, 201, 403, 403}},
      {"GET",
       "/api/v1/notices/{id}",
       "/api/v1/notices/" + notice,
       "",
       {401, 200, 200, 200, 200, 200}},
      {"GET",
       "/api/v1/duty/shifts",
       "/api/v1/duty/shifts?" + period,
       "",
       {401, 200, 200, 200, 200, 404}},
      {"POST",
       "/api/v1/duty/shifts",
       "/api/v1/duty/shifts",
       R"({"room":"430426","starts_at":1780000000000,"ends_at":1780028800000,"leader":"李局长","officers":["duty-430426"]})",
       {401, 403, 201, 201, 403, 403}},
      {"GET",
       "/api/v1/duty/rota-problems",
       "/api/v1/duty/rota-problems?room=430426&" + period,
       "",
       {401, 200, 200, 200, 200, 404}},
      {"GET",
       "/api/v1/duty/log",
       "/api/v1/duty/log?room=430426",
       "",
       {401, 200, 200, 200, 200, 404}},
      {"POST",
       "/api/v1/duty/log",
       "/api/v1/duty/log",
       R"({"room":"430426","text":"交接班：无异常"})",
       {401, 403, 201, 201, 403, 403}},
      {"GET", "/api/v1/intake", "/api/v1/intake", "", {401, 200, 200, 200, 200, 200}},
      {"POST", "/api/v1/intake", "/api/v1/intake", intakeBody, {401, 403, 201, 201, 403, 403}},
      {"GET",
       "/api/v1/intake/{id}",
       "/api/v1/intake/" + intake,
       "",
       {401, 200, 200, 200, 200, 404}},
      {"POST",
       "/api/v1/intake/{id}/pass-up",
       "/api/v1/intake/{fresh-intake}/pass-up",
       "",
       {401, 403, 200, 200, 403, 404}},
      {"POST",
       "/api/v1/intake/{id}/receive",
       "/api/v1/intake/{passed-intake}/receive",
       "",
       {401, 403, 200, 403, 403, 404}},
      {"GET", "/api/v1/roll-calls", "/api/v1/roll-calls", "", {401, 200, 200, 200, 200, 200}},
      {"POST",
       "/api/v1/roll-calls",
       "/api/v1/roll-calls",
       R"({"random":2})",
       {401, 403, 201, 403, 403, 403}},
      {"GET",
       "/api/v1/roll-calls/{id}",
       "/api/v1/roll-calls/" + call,
       "",
       {401, 200, 200, 200, 200, 404}},
      {"POST",
       "/api/v1/roll-calls/{id}/rooms/{room}/ring",
       "/api/v1/roll-calls/{call-0}/rooms/430426/ring",
       "",
       {401, 403, 200, 403, 403, 403}},
      {"POST",
       "/api/v1/roll-calls/{id}/rooms/{room}/answer",
       "/api/v1/roll-calls/{call-1}/rooms/430426/answer",
       "",
       {401, 403, 403, 200, 403, 403}},
      {"POST",
       "/api/v1/roll-calls/{id}/rooms/{room}/no_answer",
       "/api/v1/roll-calls/{call-1}/rooms/430426/no_answer",
       "",
       {401, 403, 200, 403, 403, 403}},
      {"POST",
       "/api/v1/roll-calls/{id}/rooms/{room}/assess",
       "/api/v1/roll-calls/{call-2}/rooms/430426/assess",
       R"({"assessment":"good","report":"值班正常"})",
       {401, 403, 200, 403, 403, 403}},
      {"POST",
       "/api/v1/roll-calls/{id}/finish",
       "/api/v1/roll-calls/{call-0}/finish",
       "",
       {401, 403, 200, 403, 403, 403}},
      {"GET", "/api/v1/duty/presence", "/api/v1/duty/presence", "", {401, 200, 200, 200, 200, 200}},
      {"GET",
       "/api/v1/duty/room-stats",
       "/api/v1/duty/room-stats?" + period,
       "",
       {401, 200, 200, 200, 200, 200}},
      {"GET",
       "/api/v1/duty/rtc-config",
       "/api/v1/duty/rtc-config",
       "",
       {401, 403, 200, 200, 403, 403}},
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
      std::string path = r.path;
      if (auto at = path.find("{fresh}"); at != std::string::npos)
        path.replace(at, 7, newHazard("major"));
      if (auto at = path.find("{fresh-intake}"); at != std::string::npos)
        path.replace(at, 14, newIntake());
      if (auto at = path.find("{passed-intake}"); at != std::string::npos) {
        std::string id = newIntake();
        EXPECT_EQ(t.client().post("/api/v1/intake/" + id + "/pass-up", "", county).status, 200);
        path.replace(at, 15, id);
      }
      for (int steps = 0; steps < 3; ++steps) {
        std::string marker = "{call-" + std::to_string(steps) + "}";
        if (auto at = path.find(marker); at != std::string::npos)
          path.replace(at, marker.size(), newCall(steps));
      }
      if (body == "*hazard*") {
        body = R"({"enterprise_id":)" + chem +
               R"(,"sector":"hazardous_chemicals","description":"矩阵登记"})";
      }
      if (body == "*assess*") {
        body = R"({"to":"assessed","grade":"general"})";
      }
      if (body == "*png*") body = png;
      if (body == "*new*") body = uniqueUser();
      if (body == "*login*")
        body = R"({"username":"nobody)" + std::to_string(n++) + R"(","password":"Wrong-pass-1"})";
      if (body == "*firm*") body = newFirm();
      if (body == "*import*") body = importFile();
      if (body == "*firm-patch*") {
        auto cur = t.app().enterprises().get(*t.app().auth().authenticate(t.login("admin")),
                                             std::stoll(firm));
        body = R"({"version":)" + std::to_string(cur->version) + R"(,"address":"新地址"})";
      }
      if (body == "*patch*") {
        auto cur = t.app().auth().findByUsername("duty-430426").value();
        body = R"({"version":)" + std::to_string(cur->version) + R"(,"phone":"0734-0000000"})";
      }
      auto res = t.client().request(
          r.method, path, body,
          token.empty() ? std::map<std::string, std::string>{}
                        : std::map<std::string, std::string>{{"Authorization", "Bearer " + token}});
      EXPECT_EQ(res.status, r.expect[i])
          << r.method << " " << path << " as '" << kWho[i] << "': " << res.body;
    }
  }
}

}  // namespace
}  // namespace anlan::test

// /api/v1/events: authenticated clients receive the events of their own jurisdiction only.
#include <gtest/gtest.h>

#include "support/test_app.h"

namespace anlan::test {
namespace {

std::map<std::string, std::string> bearer(const std::string& token) {
  return {{"Authorization", "Bearer " + token}};
}

TEST(Events, ScopedToTheSubscribersJurisdictionAndRights) {
  TestApp t;
  std::int64_t chem = t.addEnterprise("430426", "hazardous_chemicals");
  std::int64_t site = t.addEnterprise("430426", "construction", "祁东县测试建筑有限公司");
  WsClient city(t.port(), "/api/v1/events", bearer(t.login("commander")));
  WsClient qidong(t.port(), "/api/v1/events", bearer(t.login("duty-430426")));
  WsClient shigu(t.port(), "/api/v1/events", bearer(t.login("duty-430407")));
  WsClient dept(t.port(), "/api/v1/events", bearer(t.login("dept-yjj")));
  WsClient firm(t.port(), "/api/v1/events", bearer(t.login("ent-430426")));
  for (auto* c : {&city, &qidong, &shigu, &dept, &firm}) ASSERT_TRUE(c->ok());
  for (int i = 0; i < 100 && t.app().server().wsClients() < 5; ++i) usleep(10'000);
  ASSERT_EQ(t.app().server().wsClients(), 5u);

  std::string admin = t.login("admin");
  auto patch = [&](std::int64_t id, const std::string& body) {
    auto r = t.client().patch("/api/v1/enterprises/" + std::to_string(id), body, admin);
    ASSERT_EQ(r.status, 200) << r.body;
  };
  patch(site, R"({"version":1,"risk_color":"red"})");  // construction: not led by 应急管理局
  patch(chem, R"({"version":1,"risk_color":"red"})");  // hazardous chemicals: led by it

  auto first = [](WsClient& c) { return boost::json::parse(c.next()); };
  auto q1 = first(qidong), q2 = first(qidong);
  EXPECT_EQ(q1.at("type").as_string(), "enterprise.updated");
  EXPECT_EQ(q1.at("data").at("id").as_int64(), site);
  EXPECT_EQ(q2.at("data").at("id").as_int64(), chem);
  EXPECT_EQ(first(city).at("data").at("id").as_int64(), site);
  EXPECT_EQ(first(city).at("data").at("id").as_int64(), chem);
  // The department officer sees only the sector its department leads.
  EXPECT_EQ(first(dept).at("data").at("id").as_int64(), chem);
  EXPECT_EQ(dept.next(300), "");
  // 石鼓区 sees nothing of 祁东县; the enterprise officer nothing of other enterprises.
  EXPECT_EQ(shigu.next(300), "");
  EXPECT_EQ(firm.next(300), "");

  // Account changes go to those who may read accounts only.
  std::int64_t id = t.userId("duty-430426");
  auto r = t.client().patch("/api/v1/users/" + std::to_string(id), R"({"version":1,"phone":"0734-1"})", admin);
  ASSERT_EQ(r.status, 200);
  auto got = first(city);
  EXPECT_EQ(got.at("type").as_string(), "user.updated");
  EXPECT_EQ(got.at("data").at("version").as_int64(), 2);
  EXPECT_FALSE(got.at("data").as_object().contains("phone"));  // no contact details on the feed
  EXPECT_EQ(qidong.next(300), "");
}

TEST(Events, RefusesUnauthenticatedClients) {
  TestApp t;
  WsClient anon(t.port(), "/api/v1/events", {});
  EXPECT_EQ(anon.status(), 401);
  WsClient forged(t.port(), "/api/v1/events", bearer("not-a-token"));
  EXPECT_EQ(forged.status(), 401);
  WsClient elsewhere(t.port(), "/api/v1/other", bearer(t.login("admin")));
  EXPECT_EQ(elsewhere.status(), 404);
}

}  // namespace
}  // namespace anlan::test

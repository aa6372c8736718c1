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
  auto r = t.client().patch("/api/v1/users/" + std::to_string(id),
                            R"({"version":1,"phone":"0734-1"})", admin);
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

// An open event socket stops as soon as its session ends: logout, deactivation, a new password.
TEST(Events, ASocketClosesWhenItsSessionEnds) {
  TestApp t;
  std::string admin = t.login("admin");
  std::string token = t.login("duty-430426");
  WsClient own(t.port(), "/api/v1/events", bearer(token));
  ASSERT_TRUE(own.ok());
  ASSERT_EQ(t.client().post("/api/v1/auth/logout", "", token).status, 200);
  EXPECT_TRUE(own.waitClosed(2000));

  WsClient deactivated(t.port(), "/api/v1/events", bearer(t.login("duty-430426")));
  WsClient other(t.port(), "/api/v1/events", bearer(t.login("duty-430407")));
  ASSERT_TRUE(deactivated.ok());
  ASSERT_TRUE(other.ok());
  std::int64_t id = t.userId("duty-430426");
  auto off = t.client().patch("/api/v1/users/" + std::to_string(id),
                              R"({"version":1,"active":false})", admin);
  ASSERT_EQ(off.status, 200) << off.body;
  EXPECT_TRUE(deactivated.waitClosed(2000));
  EXPECT_FALSE(other.waitClosed(300));  // someone else's socket stays

  WsClient reset(t.port(), "/api/v1/events", bearer(t.login("duty-430407")));
  ASSERT_TRUE(reset.ok());
  auto r = t.client().post("/api/v1/users/" + std::to_string(t.userId("duty-430407")) + "/password",
                           R"({"password":"Hengyang-new-7"})", admin);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(reset.waitClosed(2000));
  EXPECT_TRUE(other.waitClosed(2000));
}

class EventNodes : public ::testing::TestWithParam<db::Engine> {};

// A session ended through one node closes its sockets on every other node too.
TEST_P(EventNodes, ASessionEndedOnAnotherNodeClosesItsSocketsHere) {
  TestApp t({.engine = GetParam()});
  auto b = t.openNode([](Config& c) { c.session_watch_ms = 0; });  // checked by hand below
  ASSERT_TRUE(b);
  std::string token = t.login("duty-430426");
  WsClient onB(b->port(), "/api/v1/events", bearer(token));
  WsClient stays(b->port(), "/api/v1/events", bearer(t.login("commander")));
  ASSERT_TRUE(onB.ok());
  ASSERT_TRUE(stays.ok());
  for (int i = 0; i < 100 && b->server().wsClients() < 2; ++i) usleep(10'000);
  EXPECT_EQ(b->closeEndedSockets(), 0u);
  ASSERT_EQ(t.client().post("/api/v1/auth/logout", "", token).status, 200);  // through node A
  EXPECT_EQ(b->closeEndedSockets(), 1u);
  EXPECT_TRUE(onB.waitClosed(2000));
  EXPECT_FALSE(stays.waitClosed(200));
  // An expired session goes the same way.
  t.clock.advance(13LL * 3600 * 1000);
  EXPECT_EQ(b->closeEndedSockets(), 1u);
  EXPECT_TRUE(stays.waitClosed(2000));
  b->stop();
}

// The watcher does it by itself, every session_watch_ms.
TEST_P(EventNodes, TheWatcherClosesWithinItsInterval) {
  TestApp t({.engine = GetParam()});
  auto b = t.openNode([](Config& c) { c.session_watch_ms = 200; });
  ASSERT_TRUE(b);
  std::string token = t.login("duty-430426");
  WsClient onB(b->port(), "/api/v1/events", bearer(token));
  ASSERT_TRUE(onB.ok());
  ASSERT_EQ(t.client().post("/api/v1/auth/logout", "", token).status, 200);
  EXPECT_TRUE(onB.waitClosed(5000));
  b->stop();
}

INSTANTIATE_TEST_SUITE_P(Engines, EventNodes,
                         ::testing::Values(db::Engine::kSqlite, db::Engine::kPostgres),
                         [](const auto& info) {
                           return info.param == db::Engine::kSqlite ? "Sqlite" : "Postgres";
                         });

// A page of another site cannot open the socket (or sign in) with a signed-in browser's cookie.
TEST(Events, ForeignOriginsAreRefused) {
  TestApp t;
  std::string token = t.login("duty-430426");
  auto headers = bearer(token);
  headers["Origin"] = "http://evil.example";
  WsClient evil(t.port(), "/api/v1/events", headers);
  EXPECT_EQ(evil.status(), 403);
  headers["Origin"] = "http://127.0.0.1:" + std::to_string(t.port());
  WsClient same(t.port(), "/api/v1/events", headers);
  EXPECT_TRUE(same.ok());
  const std::string body = R"({"username":"admin","password":")" + std::string(kPassword) + R"("})";
  auto refused =
      t.client().request("POST", "/api/v1/auth/login", body, {{"Origin", "http://evil.example"}});
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(refused.errorField(), "origin");
  auto ok = t.client().request("POST", "/api/v1/auth/login", body,
                               {{"Origin", "http://127.0.0.1:" + std::to_string(t.port())}});
  EXPECT_EQ(ok.status, 200);
  EXPECT_EQ(t.client().request("POST", "/api/v1/auth/login", body).status,
            200);  // no Origin: not a browser page

  TestApp configured(
      {.tweak = [](Config& c) { c.public_origins = "https://yjj.hengyang.example"; }});
  auto named = configured.client().request("POST", "/api/v1/auth/login", body,
                                           {{"Origin", "https://yjj.hengyang.example"}});
  EXPECT_EQ(named.status, 200);
  auto own = configured.client().request(
      "POST", "/api/v1/auth/login", body,
      {{"Origin", "http://127.0.0.1:" + std::to_string(configured.port())}});
  EXPECT_EQ(own.status, 403);  // once origins are named, only they
}

}  // namespace
}  // namespace anlan::test

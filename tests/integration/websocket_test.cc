// /api/v1/events: authenticated clients receive the events of their own jurisdiction only.
#include <gtest/gtest.h>

#include "support/test_app.h"

namespace anlan::test {
namespace {

std::map<std::string, std::string> bearer(const std::string& token) {
  return {{"Authorization", "Bearer " + token}};
}

TEST(Events, ScopedToTheSubscribersJurisdiction) {
  TestApp t;
  WsClient city(t.port(), "/api/v1/events", bearer(t.login("commander")));
  WsClient qidong(t.port(), "/api/v1/events", bearer(t.login("duty-430426")));
  WsClient shigu(t.port(), "/api/v1/events", bearer(t.login("duty-430407")));
  ASSERT_TRUE(city.ok());
  ASSERT_TRUE(qidong.ok());
  ASSERT_TRUE(shigu.ok());
  for (int i = 0; i < 100 && t.app().server().wsClients() < 3; ++i) usleep(10'000);
  ASSERT_EQ(t.app().server().wsClients(), 3u);

  std::string admin = t.login("admin");
  std::int64_t id = t.userId("duty-430426");
  auto r = t.client().patch("/api/v1/users/" + std::to_string(id), R"({"version":1,"phone":"0734-1"})", admin);
  ASSERT_EQ(r.status, 200);

  auto got = boost::json::parse(qidong.next());
  EXPECT_EQ(got.at("type").as_string(), "user.updated");
  EXPECT_EQ(got.at("jurisdiction").as_string(), "430426");
  EXPECT_EQ(got.at("data").at("version").as_int64(), 2);
  EXPECT_FALSE(got.at("data").as_object().contains("phone"));  // no contact details on the feed
  auto city_got = boost::json::parse(city.next());
  EXPECT_EQ(city_got.at("type").as_string(), "user.updated");
  // 石鼓区 sees nothing of 祁东县.
  EXPECT_EQ(shigu.next(300), "");
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

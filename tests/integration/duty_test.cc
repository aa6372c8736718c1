// Duty rooms end to end on both engines: a spot check that rings 祁东县 (answered, assessed) and
// 石鼓区 (never answers, timed out on simulated time); the draw reproducible from its seed; who may
// answer; intake passed up and seen within the city's scope only; the rota's problems.
#include <gtest/gtest.h>

#include "support/test_app.h"

namespace anlan::test {
namespace {

namespace bj = boost::json;

class Duty : public ::testing::TestWithParam<db::Engine> {
 protected:
  TestApp t{TestAppOptions{GetParam()}};
  std::string city = t.login("commander");
  std::string qidong = t.login("duty-430426");
  std::string shigu = t.login("duty-430407");

  HttpResult act(const std::string& id, const std::string& room, const std::string& action, const std::string& token,
                 const std::string& body = "") {
    return t.client().post("/api/v1/roll-calls/" + id + "/rooms/" + room + "/" + action, body, token);
  }
};

TEST_P(Duty, ASpotCheckRingsAnswersAssessesAndTimesOutRoomsThatDoNotAnswer) {
  // 祁东县's rota says duty-430426 is on duty now.
  Millis now = t.clock.now();
  auto shift = t.client().post("/api/v1/duty/shifts",
                               R"({"starts_at":)" + std::to_string(now - 3600000) + R"(,"ends_at":)" +
                                   std::to_string(now + 8 * 3600000) +
                                   R"(,"leader":"李局长","officers":["duty-430426"]})",
                               qidong);
  ASSERT_EQ(shift.status, 201) << shift.body;
  auto started = t.client().post("/api/v1/roll-calls", R"({"rooms":["430426","430407"]})", city);
  ASSERT_EQ(started.status, 201) << started.body;
  std::string id = std::to_string(started.json().at("id").as_int64());
  EXPECT_EQ(started.json().at("mode"), "named");

  // Only the room's own duty officer answers, and only when rung; one room rings at a time.
  EXPECT_EQ(act(id, "430426", "answer", qidong).status, 409);
  ASSERT_EQ(act(id, "430426", "ring", city).status, 200);
  EXPECT_EQ(act(id, "430407", "ring", city).status, 409);
  EXPECT_EQ(act(id, "430426", "answer", shigu).status, 403);
  EXPECT_EQ(act(id, "430426", "ring", qidong).status, 403);
  t.clock.advance(7000);
  auto answered = act(id, "430426", "answer", qidong);
  ASSERT_EQ(answered.status, 200) << answered.body;
  auto answer = answered.json();
  const auto& room = answer.at("rooms").as_array()[0];
  EXPECT_EQ(room.at("connect_ms").as_int64(), 7000);
  EXPECT_EQ(room.at("answered_by"), "duty-430426");
  EXPECT_TRUE(room.at("rostered").as_bool());
  auto bad = act(id, "430426", "assess", city, R"({"assessment":"excellent"})");
  EXPECT_EQ(bad.errorField(), "assessment");
  ASSERT_EQ(act(id, "430426", "assess", city,
                R"({"assessment":"criticised","on_post":true,"report":"汇报不完整","remarks":"当场批评"})")
                .status,
            200);

  // 石鼓区 never answers: after the answer time (60 s) the scheduler records no answer.
  ASSERT_EQ(act(id, "430407", "ring", city).status, 200);
  t.clock.advance(59'000);
  EXPECT_EQ(t.app().duty().tick().value(), 0);
  t.clock.advance(2'000);
  EXPECT_EQ(t.app().duty().tick().value(), 1);
  EXPECT_EQ(t.app().duty().tick().value(), 0);
  auto outcome = t.client().get("/api/v1/roll-calls/" + id, city).json();
  EXPECT_EQ(outcome.at("state"), "finished");
  EXPECT_EQ(outcome.at("rooms").as_array()[0].at("assessment"), "criticised");
  EXPECT_EQ(outcome.at("rooms").as_array()[1].at("state"), "no_answer");
  // A room sees the checks that included it; the enterprise officer none.
  EXPECT_EQ(t.client().get("/api/v1/roll-calls/" + id, qidong).status, 200);
  EXPECT_EQ(t.client().get("/api/v1/roll-calls/" + id, t.login("ent-430426")).status, 404);
  EXPECT_EQ(t.client().get("/api/v1/roll-calls", qidong).json().at("items").as_array().size(), 1u);
}

TEST_P(Duty, TheRandomDrawIsReproducibleFromItsSeed) {
  auto a = t.client().post("/api/v1/roll-calls", R"({"random":3,"seed":"衡阳-2026-11-29"})", city).json();
  auto b = t.client().post("/api/v1/roll-calls", R"({"random":3,"seed":"衡阳-2026-11-29"})", city).json();
  ASSERT_EQ(a.at("rooms").as_array().size(), 3u);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(a.at("rooms").as_array()[i].at("room"), b.at("rooms").as_array()[i].at("room"));
  EXPECT_EQ(a.at("seed"), "衡阳-2026-11-29");
  // Without a seed the server draws one and records it.
  auto c = t.client().post("/api/v1/roll-calls", R"({"random":2})", city).json();
  EXPECT_EQ(c.at("seed").as_string().size(), 16u);
  EXPECT_EQ(t.client().post("/api/v1/roll-calls", R"({"random":99})", city).errorField(), "random");
  EXPECT_EQ(t.client().post("/api/v1/roll-calls", R"({"rooms":["430400"]})", city).errorField(), "rooms");
  EXPECT_EQ(t.client().post("/api/v1/roll-calls", R"({"random":2})", qidong).status, 403);
}

TEST_P(Duty, IntakeIsPassedUpAndSeenWithinTheCitysScopeOnly) {
  auto bad = t.client().post("/api/v1/intake", R"({"reporter_name":"张三","reporter_phone":"abc","event_type":"火灾",)"
                                               R"("occurred_at":1780000000000,"place":"祁东县城"})",
                             qidong);
  EXPECT_EQ(bad.errorField(), "reporter_phone");
  auto made = t.client().post("/api/v1/intake",
                              R"({"reporter_name":"张三","reporter_unit":"某化工厂","reporter_phone":"13800000000",)"
                              R"("event_type":"火灾","occurred_at":1780000000000,"place":"祁东县洪桥街道",)"
                              R"("casualties":{"injured":2},"handling":"已疏散","help_requested":"消防支援"})",
                              qidong);
  ASSERT_EQ(made.status, 201) << made.body;
  std::string id = std::to_string(made.json().at("id").as_int64());
  EXPECT_EQ(made.json().at("room"), "430426");
  EXPECT_EQ(made.json().at("casualties").at("injured").as_int64(), 2);
  // The city listens on the event stream; so does 石鼓区, which must not hear of it.
  WsClient city_ws(t.port(), "/api/v1/events", {{"Authorization", "Bearer " + city}});
  WsClient shigu_ws(t.port(), "/api/v1/events", {{"Authorization", "Bearer " + shigu}});
  ASSERT_TRUE(city_ws.ok());
  ASSERT_TRUE(shigu_ws.ok());
  auto passed = t.client().post("/api/v1/intake/" + id + "/pass-up", "", qidong);
  ASSERT_EQ(passed.status, 200) << passed.body;
  EXPECT_EQ(passed.json().at("state"), "passed_up");
  EXPECT_EQ(t.client().post("/api/v1/intake/" + id + "/pass-up", "", qidong).status, 409);
  auto heard = bj::parse(city_ws.next());
  EXPECT_EQ(heard.at("type"), "intake.passed_up");
  EXPECT_EQ(heard.at("data").at("id").as_int64(), std::stoll(id));
  EXPECT_EQ(shigu_ws.next(300), "");
  EXPECT_EQ(t.client().get("/api/v1/intake/" + id, city).status, 200);
  EXPECT_EQ(t.client().get("/api/v1/intake/" + id, shigu).status, 404);
  EXPECT_EQ(t.client().get("/api/v1/intake", shigu).json().at("items").as_array().size(), 0u);
  EXPECT_EQ(t.client().get("/api/v1/intake", city).json().at("items").as_array().size(), 1u);
}

TEST_P(Duty, TheRotaShowsItsGaps) {
  const Millis day = 24LL * 3600 * 1000, from = 1'780'000'000'000;
  auto add = [&](Millis a, Millis b, const std::string& officers) {
    return t.client().post("/api/v1/duty/shifts",
                           R"({"starts_at":)" + std::to_string(a) + R"(,"ends_at":)" + std::to_string(b) +
                               R"(,"leader":"李局长","officers":)" + officers + "}",
                           qidong);
  };
  ASSERT_EQ(add(from, from + day / 2, R"(["王五"])").status, 201);
  ASSERT_EQ(add(from + day / 2 + 3600000, from + day, R"(["赵六","钱七"])").status, 201);
  EXPECT_EQ(add(from, from - 1, R"(["王五"])").errorField(), "ends_at");
  EXPECT_EQ(add(from, from + 1000, R"([])").errorField(), "officers");
  auto problems = t.client()
                      .get("/api/v1/duty/rota-problems?from=" + std::to_string(from) + "&to=" + std::to_string(from + day),
                           qidong)
                      .json();
  ASSERT_EQ(problems.at("items").as_array().size(), 1u);
  EXPECT_EQ(problems.at("items").as_array()[0].at("kind"), "gap");
  EXPECT_EQ(problems.at("items").as_array()[0].at("from").as_int64(), from + day / 2);
  // Another unit's duty officer keeps neither this rota nor this log.
  EXPECT_EQ(t.client().post("/api/v1/duty/log", R"({"room":"430426","text":"x"})", shigu).status, 403);
  EXPECT_EQ(t.client().post("/api/v1/duty/log", R"({"text":"交接班：设备正常"})", qidong).status, 201);
}

INSTANTIATE_TEST_SUITE_P(Engines, Duty, ::testing::Values(db::Engine::kSqlite, db::Engine::kPostgres),
                         [](const auto& info) { return info.param == db::Engine::kSqlite ? "Sqlite" : "Postgres"; });

}  // namespace
}  // namespace anlan::test

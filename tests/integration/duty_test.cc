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

  HttpResult act(const std::string& id, const std::string& room, const std::string& action,
                 const std::string& token, const std::string& body = "") {
    return t.client().post("/api/v1/roll-calls/" + id + "/rooms/" + room + "/" + action, body,
                           token);
  }
};

TEST_P(Duty, ASpotCheckRingsAnswersAssessesAndTimesOutRoomsThatDoNotAnswer) {
  // 祁东县's rota says duty-430426 is on duty now.
  Millis now = t.clock.now();
  auto shift = t.client().post("/api/v1/duty/shifts",
                               R"({"starts_at":)" + std::to_string(now - 3600000) +
                                   R"(,"ends_at":)" + std::to_string(now + 8 * 3600000) +
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
  ASSERT_EQ(
      act(id, "430426", "assess", city,
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

  // The finished check is the city's first spot-check notice of the year (the clock is in 2026).
  EXPECT_EQ(outcome.at("notice").at("number"), "衡阳市视频抽查通报〔2026〕1号");
  EXPECT_EQ(outcome.at("notice").at("issued_at").as_int64(), outcome.at("finished_at").as_int64());

  // Per-room figures: every room the caller may see, checked or not.
  std::string period =
      "?from=" + std::to_string(now - 1000) + "&to=" + std::to_string(t.clock.now() + 1);
  auto stats = t.client().get("/api/v1/duty/room-stats" + period, city);
  ASSERT_EQ(stats.status, 200) << stats.body;
  std::map<std::string, bj::object> by_room;
  auto figures = stats.json();
  for (const auto& v : figures.at("items").as_array())
    by_room[std::string(v.at("room").as_string())] = v.as_object();
  EXPECT_EQ(by_room.size(), 15u);  // 12 county-level units and 3 parks
  EXPECT_EQ(by_room["430426"].at("checks").as_int64(), 1);
  EXPECT_EQ(by_room["430426"].at("answer_rate").as_double(), 1.0);
  EXPECT_EQ(by_room["430426"].at("mean_connect_ms").as_int64(), 7000);
  EXPECT_EQ(by_room["430426"].at("criticised").as_int64(), 1);
  EXPECT_EQ(by_room["430407"].at("no_answer").as_int64(), 1);
  EXPECT_EQ(by_room["430407"].at("answer_rate").as_double(), 0.0);
  EXPECT_TRUE(by_room["430407"].at("mean_connect_ms").is_null());
  EXPECT_EQ(by_room["430421"].at("checks").as_int64(), 0);
  EXPECT_TRUE(by_room["430421"].at("answer_rate").is_null());
  auto own =
      t.client().get("/api/v1/duty/room-stats" + period, qidong).json().at("items").as_array();
  ASSERT_EQ(own.size(), 1u);
  EXPECT_EQ(own[0].at("room"), "430426");
  EXPECT_EQ(t.client().get("/api/v1/duty/room-stats?from=5&to=5", city).errorField(), "to");
}

TEST_P(Duty, EndingACheckEarlySkipsTheRoomsNotYetRung) {
  auto started = t.client()
                     .post("/api/v1/roll-calls", R"({"rooms":["430426","430407","430421"]})", city)
                     .json();
  std::string id = std::to_string(started.at("id").as_int64());
  ASSERT_EQ(act(id, "430426", "ring", city).status, 200);
  ASSERT_EQ(act(id, "430426", "answer", qidong).status, 200);
  // A room on the line must have its outcome first; only the commander ends a check.
  EXPECT_EQ(t.client().post("/api/v1/roll-calls/" + id + "/finish", "", city).status, 409);
  EXPECT_EQ(t.client().post("/api/v1/roll-calls/" + id + "/finish", "", qidong).status, 403);
  ASSERT_EQ(act(id, "430426", "assess", city, R"({"assessment":"good"})").status, 200);
  ASSERT_EQ(act(id, "430407", "ring", city).status, 200);
  auto ended = t.client().post("/api/v1/roll-calls/" + id + "/finish", "", city);
  ASSERT_EQ(ended.status, 200) << ended.body;
  auto rooms = ended.json().at("rooms").as_array();
  EXPECT_EQ(ended.json().at("state"), "finished");
  EXPECT_EQ(rooms[0].at("state"), "assessed");
  EXPECT_EQ(rooms[1].at("state"), "no_answer");
  EXPECT_EQ(rooms[2].at("state"), "skipped");
  EXPECT_EQ(ended.json().at("notice").at("number"), "衡阳市视频抽查通报〔2026〕1号");
  EXPECT_EQ(t.client().post("/api/v1/roll-calls/" + id + "/finish", "", city).status, 409);
  // The next finished check is numbered 2; a skipped room does not count as checked.
  auto next = t.client().post("/api/v1/roll-calls", R"({"rooms":["430421"]})", city).json();
  auto second = t.client().post(
      "/api/v1/roll-calls/" + std::to_string(next.at("id").as_int64()) + "/finish", "", city);
  EXPECT_EQ(second.json().at("notice").at("number"), "衡阳市视频抽查通报〔2026〕2号");
  auto stats =
      t.client()
          .get("/api/v1/duty/room-stats?from=0&to=" + std::to_string(t.clock.now() + 1), city)
          .json();
  for (const auto& v : stats.at("items").as_array()) {
    if (v.at("room") == "430421") {
      EXPECT_EQ(v.at("checks").as_int64(), 0);
    }
  }
}

TEST_P(Duty, TheRandomDrawIsReproducibleFromItsSeed) {
  auto a = t.client()
               .post("/api/v1/roll-calls", R"({"random":3,"seed":"衡阳-2026-11-29"})", city)
               .json();
  auto b = t.client()
               .post("/api/v1/roll-calls", R"({"random":3,"seed":"衡阳-2026-11-29"})", city)
               .json();
  ASSERT_EQ(a.at("rooms").as_array().size(), 3u);
  for (int i = 0; i < 3; ++i)
    EXPECT_EQ(a.at("rooms").as_array()[i].at("room"), b.at("rooms").as_array()[i].at("room"));
  EXPECT_EQ(a.at("seed"), "衡阳-2026-11-29");
  // Without a seed the server draws one and records it.
  auto c = t.client().post("/api/v1/roll-calls", R"({"random":2})", city).json();
  EXPECT_EQ(c.at("seed").as_string().size(), 16u);
  EXPECT_EQ(t.client().post("/api/v1/roll-calls", R"({"random":99})", city).errorField(), "random");
  EXPECT_EQ(t.client().post("/api/v1/roll-calls", R"({"rooms":["430400"]})", city).errorField(),
            "rooms");
  EXPECT_EQ(t.client().post("/api/v1/roll-calls", R"({"random":2})", qidong).status, 403);
}

TEST_P(Duty, IntakeIsPassedUpAndSeenWithinTheCitysScopeOnly) {
  auto bad =
      t.client().post("/api/v1/intake",
                      R"({"reporter_name":"张三","reporter_phone":"abc","event_type":"火灾",)"
                      R"("occurred_at":1780000000000,"place":"祁东县城"})",
                      qidong);
  EXPECT_EQ(bad.errorField(), "reporter_phone");
  auto made = t.client().post(
      "/api/v1/intake",
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
                           R"({"starts_at":)" + std::to_string(a) + R"(,"ends_at":)" +
                               std::to_string(b) + R"(,"leader":"李局长","officers":)" + officers +
                               "}",
                           qidong);
  };
  ASSERT_EQ(add(from, from + day / 2, R"(["王五"])").status, 201);
  ASSERT_EQ(add(from + day / 2 + 3600000, from + day, R"(["赵六","钱七"])").status, 201);
  EXPECT_EQ(add(from, from - 1, R"(["王五"])").errorField(), "ends_at");
  EXPECT_EQ(add(from, from + 1000, R"([])").errorField(), "officers");
  auto problems = t.client()
                      .get("/api/v1/duty/rota-problems?from=" + std::to_string(from) +
                               "&to=" + std::to_string(from + day),
                           qidong)
                      .json();
  ASSERT_EQ(problems.at("items").as_array().size(), 1u);
  EXPECT_EQ(problems.at("items").as_array()[0].at("kind"), "gap");
  EXPECT_EQ(problems.at("items").as_array()[0].at("from").as_int64(), from + day / 2);
  // Another unit's duty officer keeps neither this rota nor this log.
  EXPECT_EQ(t.client().post("/api/v1/duty/log", R"({"room":"430426","text":"x"})", shigu).status,
            403);
  EXPECT_EQ(t.client().post("/api/v1/duty/log", R"({"text":"交接班：设备正常"})", qidong).status,
            201);
}

// Reads messages until `timeout_ms` passes without one; returns those of `type`.
std::vector<bj::value> messagesOf(WsClient& ws, const std::string& type, int timeout_ms = 400) {
  std::vector<bj::value> out;
  for (std::string m = ws.next(timeout_ms); !m.empty(); m = ws.next(timeout_ms)) {
    auto v = bj::parse(m);
    if (v.at("type") == type.c_str()) out.push_back(v);
  }
  return out;
}

TEST_P(Duty, OnlyTheTwoPartiesOfACallExchangeItsSignalling) {
  auto started = t.client().post("/api/v1/roll-calls", R"({"rooms":["430426"]})", city).json();
  std::string id = std::to_string(started.at("id").as_int64());
  auto auth = [](const std::string& token) {
    return std::map<std::string, std::string>{{"Authorization", "Bearer " + token}};
  };
  WsClient commander_ws(t.port(), "/api/v1/events", auth(city));
  WsClient officer_ws(t.port(), "/api/v1/events", auth(qidong));
  WsClient other_ws(t.port(), "/api/v1/events", auth(shigu));  // another unit's duty officer
  WsClient admin_ws(t.port(), "/api/v1/events", auth(t.login("admin")));  // city level, not a party
  for (auto* ws : {&commander_ws, &officer_ws, &other_ws, &admin_ws}) ASSERT_TRUE(ws->ok());
  std::string offer = R"({"type":"signal","roll_call_id":)" + id +
                      R"(,"room":"430426","data":{"sdp":{"type":"offer","sdp":"v=0 offer"}}})";

  // Before the room answers there is no call to signal on.
  ASSERT_EQ(act(id, "430426", "ring", city).status, 200);
  ASSERT_TRUE(commander_ws.send(offer));
  EXPECT_EQ(messagesOf(commander_ws, "call.signal_refused").size(), 1u);
  EXPECT_TRUE(messagesOf(officer_ws, "call.signal").empty());
  ASSERT_EQ(act(id, "430426", "answer", qidong).status, 200);

  // The offer reaches the answering officer only, and the answer the commander only.
  ASSERT_TRUE(commander_ws.send(offer));
  auto got = messagesOf(officer_ws, "call.signal");
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].at("data").at("from"), "commander");
  EXPECT_EQ(got[0].at("data").at("data").at("sdp").at("sdp"), "v=0 offer");
  ASSERT_TRUE(officer_ws.send(
      R"({"type":"signal","roll_call_id":)" + id +
      R"(,"room":"430426","data":{"candidate":"candidate:1 1 udp 1 127.0.0.1 9 typ host"}})"));
  auto back = messagesOf(commander_ws, "call.signal");
  ASSERT_EQ(back.size(), 1u);
  EXPECT_EQ(back[0].at("data").at("from"), "duty-430426");
  EXPECT_TRUE(messagesOf(other_ws, "call.signal").empty());
  EXPECT_TRUE(messagesOf(admin_ws, "call.signal").empty());

  // A third user can neither send into the call nor hear it.
  ASSERT_TRUE(other_ws.send(R"({"type":"signal","roll_call_id":)" + id +
                            R"(,"room":"430426","data":{"x":1}})"));
  ASSERT_TRUE(admin_ws.send(offer));
  EXPECT_EQ(messagesOf(other_ws, "call.signal_refused").size(), 1u);
  EXPECT_EQ(messagesOf(admin_ws, "call.signal_refused").size(), 1u);
  EXPECT_TRUE(messagesOf(officer_ws, "call.signal").empty());
  EXPECT_TRUE(messagesOf(commander_ws, "call.signal").empty());
  // Malformed messages are refused to their sender, not dropped silently.
  ASSERT_TRUE(officer_ws.send("not json"));
  EXPECT_EQ(messagesOf(officer_ws, "call.signal_refused").size(), 1u);
}

TEST_P(Duty, PresenceFollowsTheOpenConsoles) {
  auto auth = [](const std::string& token) {
    return std::map<std::string, std::string>{{"Authorization", "Bearer " + token}};
  };
  auto eventsOf = [&](WsClient& ws, const char* room) {
    auto all = messagesOf(ws, "duty.presence");
    std::erase_if(all, [&](const bj::value& v) { return v.at("data").at("room") != room; });
    return all;
  };
  auto presenceOf = [&](const std::string& token, const std::string& room) {
    auto all = t.client().get("/api/v1/duty/presence", token).json();
    for (const auto& v : all.at("items").as_array()) {
      if (v.at("room") == room.c_str()) return v.as_object();
    }
    return bj::object{};
  };
  WsClient commander_ws(t.port(), "/api/v1/events", auth(city));
  ASSERT_TRUE(commander_ws.ok());
  commander_ws.ignore.clear();
  EXPECT_FALSE(presenceOf(city, "430426").at("online").as_bool());
  {
    WsClient console(t.port(), "/api/v1/events", auth(qidong));
    WsClient second_tab(t.port(), "/api/v1/events", auth(qidong));
    ASSERT_TRUE(console.ok() && second_tab.ok());
    // One event when the room comes online, not one per tab.
    auto online = eventsOf(commander_ws, "430426");
    ASSERT_EQ(online.size(), 1u);
    EXPECT_EQ(online[0].at("data").at("room"), "430426");
    EXPECT_TRUE(online[0].at("data").at("online").as_bool());
    auto now = presenceOf(city, "430426");
    EXPECT_TRUE(now.at("online").as_bool());
    EXPECT_EQ(now.at("users").as_array()[0].at("username"), "duty-430426");
    // Another unit sees its own room only.
    auto seen = t.client().get("/api/v1/duty/presence", shigu).json().at("items").as_array();
    ASSERT_EQ(seen.size(), 1u);
    EXPECT_EQ(seen[0].at("room"), "430407");
  }
  auto offline = eventsOf(commander_ws, "430426");
  ASSERT_EQ(offline.size(), 1u);
  EXPECT_FALSE(offline[0].at("data").at("online").as_bool());
  EXPECT_FALSE(presenceOf(city, "430426").at("online").as_bool());
  // The city's own room is listed for the city, with the commander in it.
  EXPECT_TRUE(presenceOf(city, "430400").at("online").as_bool());
}

TEST_P(Duty, CallsUseTheConfiguredIceServers) {
  auto rtc = t.client().get("/api/v1/duty/rtc-config", qidong);
  ASSERT_EQ(rtc.status, 200);
  EXPECT_TRUE(rtc.json().at("ice_servers").as_array().empty());  // a LAN needs none
  EXPECT_EQ(rtc.json().at("answer_timeout_seconds").as_int64(), 60);
  TestApp natted{TestAppOptions{GetParam(), [](Config& c) {
                                  c.ice_servers =
                                      "stun:10.43.0.5:3478 turn:10.43.0.5:3478?transport=udp";
                                  c.turn_username = "anlan";
                                  c.turn_password = "s3cret";
                                }}};
  auto servers = natted.client()
                     .get("/api/v1/duty/rtc-config", natted.login("duty-430426"))
                     .json()
                     .at("ice_servers");
  ASSERT_EQ(servers.as_array().size(), 2u);
  EXPECT_EQ(servers.at(0).at("urls").at(0), "stun:10.43.0.5:3478");
  EXPECT_FALSE(servers.at(0).as_object().contains("credential"));
  EXPECT_EQ(servers.at(1).at("urls").at(0), "turn:10.43.0.5:3478?transport=udp");
  EXPECT_EQ(servers.at(1).at("credential"), "s3cret");
}

// The demo set: a rota for every room (one gap left in 珠晖区's), past spot checks issued as
// notices, and figures for the room statistics.
TEST(DutyDemo, RoomsWithAHistory) {
  TestAppOptions options;
  options.demo_duty = true;
  TestApp t{options};
  std::string city = t.login("commander");
  Millis now = t.clock.now();
  std::string week =
      "from=" + std::to_string(now) + "&to=" + std::to_string(now + 6 * 86'400'000LL);
  for (const char* room : {"430400", "430426", "430405", "430471"}) {
    auto shifts = t.client().get("/api/v1/duty/shifts?room=" + std::string(room) + "&from=" +
                                     std::to_string(now) + "&to=" + std::to_string(now + 1),
                                 city);
    EXPECT_EQ(shifts.json().at("items").as_array().size(), 1u) << room;
    auto problems =
        t.client().get("/api/v1/duty/rota-problems?room=" + std::string(room) + "&" + week, city);
    EXPECT_EQ(problems.json().at("items").as_array().size(),
              std::string(room) == "430405" ? 1u : 0u)
        << room;
  }
  auto calls = t.client().get("/api/v1/roll-calls", city).json().at("items").as_array();
  ASSERT_EQ(calls.size(), 7u);
  for (const auto& c : calls) {
    EXPECT_EQ(c.at("state"), "finished");
    EXPECT_FALSE(c.at("notice").is_null());
  }
  auto stats =
      t.client().get("/api/v1/duty/room-stats?from=0&to=" + std::to_string(now), city).json();
  std::int64_t rung = 0, answered = 0;
  for (const auto& r : stats.at("items").as_array()) {
    rung += r.at("checks").as_int64();
    answered += r.at("answered").as_int64();
  }
  EXPECT_EQ(rung, 21);
  EXPECT_GT(answered, 0);
  EXPECT_LT(answered, rung);
  // A room's log reads newest first.
  auto log = t.client().get("/api/v1/duty/log?room=430426", city).json().at("items").as_array();
  ASSERT_EQ(log.size(), 6u);
  for (std::size_t i = 1; i < log.size(); ++i)
    EXPECT_GT(log[i - 1].at("at").as_int64(), log[i].at("at").as_int64());
  // The city sees the reports passed up to it.
  EXPECT_EQ(t.client().get("/api/v1/intake", city).json().at("items").as_array().size(), 4u);
}

// A county sees its own room's outcome of a check, never the other rooms'; and whether a check or
// a room in it exists reads the same to those who may not act on it.
TEST_P(Duty, ACountySeesItsOwnRoomsOutcomeOnly) {
  auto started = t.client().post("/api/v1/roll-calls", R"({"rooms":["430426","430407"]})", city);
  ASSERT_EQ(started.status, 201) << started.body;
  std::string id = std::to_string(started.json().at("id").as_int64());
  ASSERT_EQ(act(id, "430407", "ring", city).status, 200);
  ASSERT_EQ(act(id, "430407", "answer", shigu).status, 200);
  ASSERT_EQ(
      act(id, "430407", "assess", city, R"({"assessment":"criticised","remarks":"石鼓区脱岗"})")
          .status,
      200);
  ASSERT_EQ(act(id, "430426", "ring", city).status, 200);
  auto answered = act(id, "430426", "answer", qidong);
  ASSERT_EQ(answered.status, 200) << answered.body;
  EXPECT_EQ(answered.body.find("430407"), std::string::npos);
  EXPECT_EQ(answered.body.find("石鼓区脱岗"), std::string::npos);
  for (const std::string& path : {"/api/v1/roll-calls/" + id, std::string("/api/v1/roll-calls")}) {
    auto seen = t.client().get(path, qidong);
    ASSERT_EQ(seen.status, 200) << seen.body;
    EXPECT_NE(seen.body.find("430426"), std::string::npos) << path;
    EXPECT_EQ(seen.body.find("430407"), std::string::npos) << path;
    EXPECT_EQ(seen.body.find("石鼓区脱岗"), std::string::npos) << path;
  }
  EXPECT_NE(t.client().get("/api/v1/roll-calls/" + id, city).body.find("石鼓区脱岗"),
            std::string::npos);

  // 衡阳县 (430421) is not in this check: the same answer as for a check that does not exist.
  std::string hengyang = t.login("duty-430421");
  auto absent_room = act(id, "430421", "answer", hengyang);
  auto absent_check = act("999999", "430421", "answer", hengyang);
  EXPECT_EQ(absent_room.status, 404);
  EXPECT_EQ(absent_room.status, absent_check.status);
  EXPECT_EQ(absent_room.body, absent_check.body);
  EXPECT_EQ(t.client().get("/api/v1/roll-calls/" + id, hengyang).status, 404);
  EXPECT_EQ(t.client().get("/api/v1/roll-calls/" + id, hengyang).body,
            t.client().get("/api/v1/roll-calls/999999", hengyang).body);
  // Another room's call is refused for its role alone, whether or not the check exists.
  EXPECT_EQ(act(id, "430407", "answer", qidong).body,
            act("999999", "430407", "answer", qidong).body);
}

// Spot-check notices are numbered per year in China time.
TEST_P(Duty, NoticesAreNumberedInTheBeijingYear) {
  constexpr Millis kNewYearBeijing = 1'798'732'800'000;  // 2026-12-31T16:00:00Z
  t.clock.advance(kNewYearBeijing + 3'600'000 - t.clock.now());
  city = t.login("commander");
  auto started = t.client().post("/api/v1/roll-calls", R"({"rooms":["430426"]})", city);
  ASSERT_EQ(started.status, 201) << started.body;
  std::string id = std::to_string(started.json().at("id").as_int64());
  ASSERT_EQ(act(id, "430426", "ring", city).status, 200);
  auto done = act(id, "430426", "no_answer", city);
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.json().at("notice").at("number"), "衡阳市视频抽查通报〔2027〕1号");
}

INSTANTIATE_TEST_SUITE_P(Engines, Duty,
                         ::testing::Values(db::Engine::kSqlite, db::Engine::kPostgres),
                         [](const auto& info) {
                           return info.param == db::Engine::kSqlite ? "Sqlite" : "Postgres";
                         });

}  // namespace
}  // namespace anlan::test

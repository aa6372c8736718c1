// The to-do inbox end to end on both engines: each step of the hazard loop waits on whoever takes
// the next one (enterprise, county, city), overdue major hazards become urgent and reach the city,
// a ringing spot-check call waits on its room and a report passed up waits on the city until it is
// received; the event tells the right people; and the webhook channel delivers every new item
// once, signed, to a real HTTP receiver started here, retrying while the receiver is down.
#include <gtest/gtest.h>

#include <mutex>
#include <set>

#include "core/crypto.h"
#include "http/metrics.h"
#include "http/server.h"
#include "support/test_app.h"

namespace anlan::test {
namespace {

namespace bj = boost::json;
constexpr Millis kDay = 24LL * 3600 * 1000;
const std::string kPng = std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16) + std::string(64, '\0');
const std::string kSecret = "a shared secret of the SMS platform";

// What a receiver got: one POST each.
struct Received {
  std::string delivery, timestamp, signature, body;
};

// A webhook receiver on loopback: our own HTTP server with one route, which can answer 503 (down)
// or be stopped altogether and started again on the same port.
class Receiver {
 public:
  Receiver() { start(0); }
  ~Receiver() { stop(); }

  // Listens (again) on `port` (0: any), answering 2xx.
  void start(unsigned short port) {
    failing(false);
    router_.add("POST", "/hook", [this](http::Request& req) {
      std::lock_guard lock(mu_);
      if (failing_) return http::jsonResponse(bj::object{{"ok", false}}, 503);
      got_.push_back({std::string(req.header("x-anlan-delivery")),
                      std::string(req.header("x-anlan-timestamp")),
                      std::string(req.header("x-anlan-signature")), req.body});
      return http::jsonResponse(bj::object{{"ok", true}});
    });
    http::ServerOptions o;
    o.port = port;
    o.access_log = false;
    server_ = std::make_unique<http::Server>(o, router_, metrics_);
    server_->start();
    port_ = server_->port();
  }
  void stop() {
    if (server_) server_->stop();
    server_.reset();
    router_ = http::Router();
  }
  void failing(bool f) {
    std::lock_guard lock(mu_);
    failing_ = f;
  }
  std::vector<Received> got() {
    std::lock_guard lock(mu_);
    return got_;
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/hook"; }
  unsigned short port() const { return port_; }

 private:
  http::Router router_;
  http::Metrics metrics_;
  std::unique_ptr<http::Server> server_;
  unsigned short port_ = 0;
  std::mutex mu_;
  bool failing_ = false;
  std::vector<Received> got_;
};

class Inbox : public ::testing::TestWithParam<db::Engine> {
 protected:
  Receiver receiver;
  TestApp t{TestAppOptions{GetParam(), [this](Config& c) {
                             c.webhook_url = receiver.url();
                             c.webhook_secret = kSecret;
                             c.webhook_timeout_ms = 2000;
                             c.notify_poll_ms = 0;  // the test delivers, on the fake clock
                           }}};
  std::string duty = t.login("duty-430426");
  std::string other = t.login("duty-430407");
  std::string commander = t.login("commander");
  std::string enterprise = t.login("ent-430426");
  std::int64_t firm = *t.app().auth().findByUsername("ent-430426").value()->enterprise_id;
  std::string sector = sectorOf(firm);

  Millis now() const { return t.clock.now(); }

  std::string sectorOf(std::int64_t enterprise_id) {
    auto r = t.client().get("/api/v1/enterprises/" + std::to_string(enterprise_id), commander);
    return std::string(r.json().at("sectors").as_array()[0].as_string());
  }

  void signInAgain() {
    duty = t.login("duty-430426");
    other = t.login("duty-430407");
    commander = t.login("commander");
    enterprise = t.login("ent-430426");
  }

  bj::object inbox(const std::string& token, const std::string& query = "") {
    auto r = t.client().get("/api/v1/inbox" + query, token);
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json().as_object();
  }
  // The kinds waiting on `token` for record `ref`.
  std::set<std::string> kinds(const std::string& token, std::int64_t ref) {
    std::set<std::string> out;
    auto page = inbox(token);
    for (const auto& item : page.at("items").as_array()) {
      if (item.at("ref").as_int64() == ref) out.emplace(item.at("kind").as_string());
    }
    return out;
  }
  HttpResult step(std::int64_t id, bj::object body, const std::string& token) {
    return t.client().post("/api/v1/hazards/" + std::to_string(id) + "/transitions",
                           bj::serialize(body), token);
  }
  std::int64_t upload(std::int64_t id, const std::string& token) {
    auto r = t.client().request(
        "POST", "/api/v1/hazards/" + std::to_string(id) + "/attachments?name=p.png", kPng,
        {{"Authorization", "Bearer " + token}, {"Content-Type", "application/octet-stream"}});
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? r.json().at("id").as_int64() : 0;
  }
  std::int64_t majorHazard() {
    auto r = t.client().post("/api/v1/hazards",
                             bj::serialize(bj::object{{"enterprise_id", firm},
                                                      {"sector", sector},
                                                      {"description", "储罐区围堰破损"},
                                                      {"grade", "major"}}),
                             duty);
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? r.json().at("id").as_int64() : 0;
  }
};

using Set = std::set<std::string>;

TEST_P(Inbox, EachStepOfTheLoopWaitsOnWhoeverTakesItAndOnNobodyElse) {
  std::int64_t id = majorHazard();
  ASSERT_NE(id, 0);
  EXPECT_EQ(kinds(duty, id), Set{"hazard.assess"});
  EXPECT_EQ(kinds(other, id), Set{});      // another county
  EXPECT_EQ(kinds(commander, id), Set{});  // the county's decision
  EXPECT_EQ(kinds(enterprise, id), Set{});
  auto first = inbox(duty).at("items").as_array()[0].as_object();
  EXPECT_EQ(first.at("link").as_string(), "/hazards/" + std::to_string(id));
  EXPECT_EQ(first.at("party"), "unit");
  EXPECT_EQ(first.at("source"), "hazard");
  EXPECT_NE(std::string(first.at("title").as_string()).find("储罐区围堰破损"), std::string::npos);

  ASSERT_EQ(step(id,
                 {{"to", "assessed"},
                  {"grade", "major"},
                  {"confirmation",
                   {{"department", "yjgl"}, {"meeting", "县安委会"}, {"date", now() - kDay}}}},
                 duty)
                .status,
            200);
  EXPECT_EQ(kinds(duty, id), Set{"hazard.assign"});
  Millis deadline = now() + 2 * kDay;
  ASSERT_EQ(step(id,
                 {{"to", "assigned"},
                  {"assignment",
                   {{"slip_no", "祁安交〔2026〕9号"},
                    {"responsible_unit", "示范企业"},
                    {"assigning_unit", "祁东县安委办"},
                    {"supervising_unit", "祁东县应急管理局"},
                    {"deadline", deadline}}}},
                 duty)
                .status,
            200);
  EXPECT_EQ(kinds(duty, id), Set{});
  EXPECT_EQ(kinds(enterprise, id), Set{"hazard.start_rectification"});
  auto mine = inbox(enterprise);
  EXPECT_EQ(mine.at("items").as_array()[0].at("due").as_int64(), deadline);
  EXPECT_EQ(mine.at("items").as_array()[0].at("due_soon"), true);
  EXPECT_EQ(mine.at("counts").at("due_soon").as_int64(), 1);
  EXPECT_EQ(mine.at("counts").at("overdue").as_int64(), 0);

  ASSERT_EQ(step(id,
                 {{"to", "rectifying"},
                  {"plan",
                   {{"responsible_person", "张三"},
                    {"measures", "修复围堰"},
                    {"funds_fen", 100000},
                    {"deadline", deadline},
                    {"contingency_plan", "设置警戒区"}}}},
                 enterprise)
                .status,
            200);
  EXPECT_EQ(kinds(enterprise, id), Set{"hazard.request_acceptance"});

  // Past the deadline a major hazard is urgent for the enterprise and the city presses it.
  t.clock.advance(3 * kDay);
  signInAgain();
  ASSERT_TRUE(t.app().hazards().tick().ok());
  auto late = inbox(enterprise, "?filter=overdue");
  ASSERT_EQ(late.at("items").as_array().size(), 1u);
  EXPECT_EQ(late.at("items").as_array()[0].at("urgent"), true);
  EXPECT_EQ(late.at("counts").at("urgent").as_int64(), 1);
  EXPECT_EQ(kinds(commander, id), Set{"hazard.overdue_major"});
  // The city's department sees it when it leads the hazard's sector.
  auto led = t.app().registry().sectorsLedBy("yjgl");
  bool leads = std::find(led.begin(), led.end(), sector) != led.end();
  EXPECT_EQ(kinds(t.login("dept-yjj"), id), leads ? Set{"hazard.overdue_major"} : Set{});
  EXPECT_EQ(inbox(commander, "?filter=urgent").at("items").as_array().size(), 1u);
  EXPECT_EQ(inbox(commander, "?source=duty").at("items").as_array().size(), 0u);

  // Under city supervision the acceptance is the city's.
  ASSERT_EQ(t.client()
                .post("/api/v1/hazards/" + std::to_string(id) + "/supervision",
                      R"({"level":"city"})", commander)
                .status,
            200);
  std::int64_t photo = upload(id, enterprise);
  ASSERT_EQ(step(id, {{"to", "acceptance_requested"}, {"note", "已修复"}, {"attachments", {photo}}},
                 enterprise)
                .status,
            200);
  EXPECT_EQ(kinds(enterprise, id), Set{});
  EXPECT_EQ(kinds(duty, id), Set{});
  EXPECT_EQ(kinds(commander, id), Set{"hazard.accept"});
  ASSERT_EQ(step(id, {{"to", "accepted"}, {"note", "验收合格"}}, commander).status, 200);
  EXPECT_EQ(kinds(commander, id), Set{"hazard.close_off"});
  ASSERT_EQ(step(id, {{"to", "closed_off"}, {"note", "销号"}}, commander).status, 200);
  for (const auto* token : {&duty, &other, &commander, &enterprise}) {
    EXPECT_EQ(kinds(*token, id), Set{});
  }
  EXPECT_EQ(inbox(enterprise).at("counts").at("total").as_int64(), 0);
}

TEST_P(Inbox, BadFiltersAreRefusedByName) {
  auto r = t.client().get("/api/v1/inbox?filter=late", duty);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.json().at("error").at("field"), "filter");
  r = t.client().get("/api/v1/inbox?source=ha%25", duty);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.json().at("error").at("field"), "source");
  r = t.client().get("/api/v1/inbox?cursor=xyz", duty);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(t.client().get("/api/v1/inbox", "").status, 401);
  // The administrator runs the system: nothing waits on them.
  majorHazard();
  EXPECT_EQ(inbox(t.login("admin")).at("counts").at("total").as_int64(), 0);
}

TEST_P(Inbox, PagesFollowOneAnotherInOrderWithoutRepeats) {
  for (int i = 0; i < 5; ++i) majorHazard();
  std::vector<std::int64_t> seen;
  std::string cursor;
  for (int page = 0; page < 10; ++page) {
    auto got = inbox(duty, "?limit=2" + (cursor.empty() ? "" : "&cursor=" + cursor));
    for (const auto& item : got.at("items").as_array()) seen.push_back(item.at("id").as_int64());
    if (got.at("next_cursor").is_null()) break;
    cursor = std::string(got.at("next_cursor").as_string());
  }
  ASSERT_EQ(seen.size(), 5u);
  EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));  // no due date: oldest first
  EXPECT_EQ(std::set<std::int64_t>(seen.begin(), seen.end()).size(), 5u);
}

TEST_P(Inbox, ARingingCallWaitsOnItsRoomAndAReportPassedUpOnTheCity) {
  auto call = t.client().post("/api/v1/roll-calls", R"({"rooms":["430426"]})", commander);
  ASSERT_EQ(call.status, 201) << call.body;
  std::int64_t rc = call.json().at("id").as_int64();
  ASSERT_EQ(
      t.client()
          .post("/api/v1/roll-calls/" + std::to_string(rc) + "/rooms/430426/ring", "", commander)
          .status,
      200);
  auto items = inbox(duty, "?source=duty").at("items").as_array();
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].at("kind"), "duty.answer");
  EXPECT_EQ(items[0].at("urgent"), true);
  EXPECT_EQ(items[0].at("due").as_int64(), now() + 60'000);
  EXPECT_EQ(inbox(other).at("counts").at("total").as_int64(), 0);
  ASSERT_EQ(t.client()
                .post("/api/v1/roll-calls/" + std::to_string(rc) + "/rooms/430426/answer", "", duty)
                .status,
            200);
  EXPECT_EQ(inbox(duty).at("counts").at("total").as_int64(), 0);

  auto made =
      t.client().post("/api/v1/intake",
                      bj::serialize(bj::object{{"reporter_name", "李四"},
                                               {"reporter_unit", "某镇政府"},
                                               {"reporter_phone", "13800000000"},
                                               {"event_type", "道路交通事故"},
                                               {"occurred_at", now() - 600'000},
                                               {"place", "G322国道"},
                                               {"casualties", {{"dead", 1}, {"injured", 2}}}}),
                      duty);
  ASSERT_EQ(made.status, 201) << made.body;
  std::string iid = std::to_string(made.json().at("id").as_int64());
  EXPECT_EQ(inbox(commander).at("counts").at("total").as_int64(), 0);  // not passed up yet
  ASSERT_EQ(t.client().post("/api/v1/intake/" + iid + "/pass-up", "", duty).status, 200);
  auto city = inbox(commander, "?filter=urgent").at("items").as_array();
  ASSERT_EQ(city.size(), 1u);
  EXPECT_EQ(city[0].at("kind"), "duty.receive_intake");
  EXPECT_NE(std::string(city[0].at("title").as_string()).find("死亡1人"), std::string::npos);
  // The county may not receive its own report; the city does, once.
  EXPECT_EQ(t.client().post("/api/v1/intake/" + iid + "/receive", "", duty).status, 403);
  EXPECT_EQ(
      t.client().post("/api/v1/intake/" + iid + "/receive", R"({"version":1})", commander).status,
      409);  // stale: passing up made it version 2
  auto got = t.client().post("/api/v1/intake/" + iid + "/receive", "{}", commander);
  ASSERT_EQ(got.status, 200) << got.body;
  EXPECT_EQ(got.json().at("state"), "received");
  EXPECT_EQ(got.json().at("received_by"), "commander");
  EXPECT_EQ(got.json().at("received_at").as_int64(), now());
  EXPECT_EQ(t.client().post("/api/v1/intake/" + iid + "/receive", "", commander).status, 409);
  EXPECT_EQ(inbox(commander).at("counts").at("total").as_int64(), 0);
}

TEST_P(Inbox, TheEventReachesThoseTheItemWaitsOnAndNotAForeignCounty) {
  WsClient mine(t.port(), "/api/v1/events", {{"Authorization", "Bearer " + duty}});
  WsClient foreign(t.port(), "/api/v1/events", {{"Authorization", "Bearer " + other}});
  ASSERT_TRUE(mine.ok() && foreign.ok());
  for (int i = 0; i < 100 && t.app().server().wsClients() < 2; ++i) usleep(10'000);
  std::int64_t id = majorHazard();
  bool changed = false;
  for (std::string m; !(m = mine.next(1000)).empty();) {
    auto msg = bj::parse(m).as_object();
    if (msg.at("type") == "work.changed") {
      changed = true;
      EXPECT_EQ(msg.at("data").at("ref").as_int64(), id);
      EXPECT_EQ(msg.at("data").at("source"), "hazard");
    }
  }
  EXPECT_TRUE(changed);
  for (std::string m; !(m = foreign.next(300)).empty();) ADD_FAILURE() << "foreign got " << m;
}

TEST_P(Inbox, TheWebhookGetsEveryNewItemOnceSignedAndRetriesWhileTheReceiverIsDown) {
  auto& notifier = t.app().notifier();
  std::int64_t a = majorHazard();  // assess, for 祁东县
  auto sent = notifier.tick();
  ASSERT_TRUE(sent.ok()) << sent.error().message;
  EXPECT_EQ(*sent, 1);
  auto got = receiver.got();
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].signature,
            "sha256=" + hmacSha256Hex(kSecret, got[0].timestamp + "." + got[0].body));
  auto body = bj::parse(got[0].body).as_object();
  EXPECT_EQ(body.at("item").at("kind"), "hazard.assess");
  EXPECT_EQ(body.at("item").at("ref").as_int64(), a);
  EXPECT_NE(std::string(body.at("text").as_string()).find("隐患评估认定"), std::string::npos);
  std::set<std::string> names;
  for (const auto& r : body.at("recipients").as_array())
    names.emplace(r.at("username").as_string());
  EXPECT_EQ(names, std::set<std::string>{"duty-430426"});  // the county's government, no one else
  EXPECT_EQ(*notifier.tick(), 0);                          // nothing twice

  // Down: answering 503, then not listening at all. Two new items wait meanwhile.
  receiver.failing(true);
  std::int64_t b = majorHazard();
  EXPECT_EQ(*notifier.tick(), 0);
  unsigned short port = receiver.port();
  receiver.stop();
  t.clock.advance(10'000);
  EXPECT_EQ(*notifier.tick(), 0);  // the retry after 5 s fails too
  std::int64_t c = majorHazard();
  EXPECT_EQ(*notifier.tick(), 0);
  // Back: whatever waited arrives once each, after its backoff.
  receiver.start(port);
  EXPECT_EQ(*notifier.tick(), 0);  // b waits 10 s after its second failure
  t.clock.advance(20'000);
  EXPECT_EQ(*notifier.tick(), 2);
  EXPECT_EQ(*notifier.tick(), 0);
  std::multiset<std::int64_t> refs;
  std::set<std::string> deliveries;
  for (const auto& r : receiver.got()) {
    refs.insert(bj::parse(r.body).at("item").at("ref").as_int64());
    deliveries.insert(r.delivery);
  }
  EXPECT_EQ(refs, (std::multiset<std::int64_t>{a, b, c}));
  EXPECT_EQ(deliveries.size(), 3u);
}

TEST_P(Inbox, ANotificationSurvivesARestartOfTheServer) {
  receiver.stop();
  std::int64_t a = majorHazard();
  EXPECT_EQ(*t.app().notifier().tick(), 0);
  receiver.start(0);
  // The new receiver listens elsewhere: point the app at it, as an operator would.
  t.config.webhook_url = receiver.url();
  t.restart();
  t.clock.advance(60'000);
  EXPECT_EQ(*t.app().notifier().tick(), 1);
  ASSERT_EQ(receiver.got().size(), 1u);
  EXPECT_EQ(bj::parse(receiver.got()[0].body).at("item").at("ref").as_int64(), a);
}

TEST(WebhookConfig, ABadUrlOrAShortSecretStopsTheStart) {
  FakeClock clock;
  SystemRandom random;
  TestDb db(db::Engine::kSqlite);
  Config c;
  c.db = db.url();
  c.listen = "127.0.0.1:0";
  c.webhook_url = "ftp://sms.example/hook";
  c.webhook_secret = kSecret;
  auto app = app::App::open(c, clock, random);
  ASSERT_FALSE(app.ok());
  EXPECT_EQ(app.error().field, "webhook_url");
  c.webhook_url = "http://10.1.2.4/hook";
  c.webhook_secret = "short";
  app = app::App::open(c, clock, random);
  ASSERT_FALSE(app.ok());
  EXPECT_EQ(app.error().field, "webhook_secret");
}

INSTANTIATE_TEST_SUITE_P(Engines, Inbox,
                         ::testing::Values(db::Engine::kSqlite, db::Engine::kPostgres),
                         [](const auto& info) {
                           return info.param == db::Engine::kSqlite ? "Sqlite" : "Postgres";
                         });

}  // namespace
}  // namespace anlan::test

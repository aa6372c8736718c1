// Hazards end to end on both engines: the whole loop of a major hazard across roles, fixing on the
// spot, bad input that changes nothing, one winner among concurrent transitions, kept counts equal
// to a full recount after a concurrent run, the overdue scheduler on simulated time (with catch-up
// after downtime), and notices naming overdue and closed hazards.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "app/demo.h"
#include "audit/audit.h"
#include "support/test_app.h"

namespace anlan::test {
namespace {

namespace bj = boost::json;
constexpr Millis kDay = 24LL * 3600 * 1000;

// The smallest files whose content says what they are.
const std::string& kPng = kTinyPng;
const std::string kPdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n";

class Hazards : public ::testing::TestWithParam<db::Engine> {
 protected:
  TestApp t{TestAppOptions{GetParam()}};
  std::string duty = t.login("duty-430426");
  std::string commander = t.login("commander");
  std::string enterprise = t.login("ent-430426");
  std::int64_t firm = *t.app().auth().findByUsername("ent-430426").value()->enterprise_id;

  Millis now() const { return t.clock.now(); }

  // Moves the clock on; sessions idle longer than 30 minutes expire, so everyone signs in again.
  void advance(Millis ms) {
    t.clock.advance(ms);
    duty = t.login("duty-430426");
    commander = t.login("commander");
    enterprise = t.login("ent-430426");
  }

  bj::object get(std::int64_t id, const std::string& token) {
    auto r = t.client().get("/api/v1/hazards/" + std::to_string(id), token);
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json().as_object();
  }

  std::string sectorOf(std::int64_t enterprise_id) {
    auto r = t.client().get("/api/v1/enterprises/" + std::to_string(enterprise_id), commander);
    return std::string(r.json().at("sectors").as_array()[0].as_string());
  }

  std::int64_t registerAt(std::int64_t enterprise_id, const std::string& token,
                          const std::string& grade = "general") {
    bj::object body{{"enterprise_id", enterprise_id},
                    {"sector", sectorOf(enterprise_id)},
                    {"description", "储罐区可燃气体报警器未定期检定"},
                    {"grade", grade},
                    {"found_by", "王建国"}};
    auto r = t.client().post("/api/v1/hazards", bj::serialize(body), token);
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? r.json().at("id").as_int64() : 0;
  }

  HttpResult step(std::int64_t id, bj::object body, const std::string& token) {
    return t.client().post("/api/v1/hazards/" + std::to_string(id) + "/transitions",
                           bj::serialize(body), token);
  }

  std::int64_t upload(std::int64_t id, const std::string& token,
                      const std::string& name = "photo.png", const std::string& bytes = kPng) {
    auto r = t.client().request(
        "POST", "/api/v1/hazards/" + std::to_string(id) + "/attachments?name=" + name, bytes,
        {{"Authorization", "Bearer " + token}, {"Content-Type", "application/octet-stream"}});
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? r.json().at("id").as_int64() : 0;
  }

  bj::object plan(Millis deadline) {
    return {{"responsible_person", "张三"},
            {"measures", "停产整改，更换报警器"},
            {"funds_fen", 1200000},
            {"deadline", deadline},
            {"contingency_plan", "整改期间设置警戒区，专人值守"}};
  }

  // Walks a major hazard to rectifying under a slip with deadline `deadline`.
  std::int64_t majorRectifying(Millis deadline) {
    std::int64_t id = registerAt(firm, duty, "major");
    EXPECT_EQ(
        step(id,
             {{"to", "assessed"},
              {"grade", "major"},
              {"confirmation",
               {{"department", "yjgl"}, {"meeting", "县安委会第3次会议"}, {"date", now() - kDay}}}},
             duty)
            .status,
        200);
    EXPECT_EQ(step(id,
                   {{"to", "assigned"},
                    {"assignment",
                     {{"slip_no", "祁安交〔2026〕7号"},
                      {"responsible_unit", "示范企业"},
                      {"assigning_unit", "祁东县安委办"},
                      {"supervising_unit", "祁东县应急管理局"},
                      {"deadline", deadline}}}},
                   duty)
                  .status,
              200);
    EXPECT_EQ(step(id, {{"to", "rectifying"}, {"plan", plan(deadline)}}, enterprise).status, 200);
    return id;
  }

  void expectCountsExact() {
    auto pair = t.app().hazards().countsAndRecount();
    ASSERT_TRUE(pair.ok()) << pair.error().message;
    EXPECT_EQ(pair->first, pair->second);
  }
};

TEST_P(Hazards, AMajorHazardWalksTheWholeLoopEachStepByItsRole) {
  Millis deadline = now() + 30 * kDay;
  std::int64_t id = majorRectifying(deadline);
  auto h = get(id, duty);
  EXPECT_EQ(h.at("state"), "rectifying");
  EXPECT_EQ(h.at("deadline").as_int64(), deadline);
  EXPECT_EQ(std::string(h.at("code").as_string()).substr(0, 10), "YH-430426-");
  // The ledger, by the enterprise.
  auto entry = t.client().post("/api/v1/hazards/" + std::to_string(id) + "/progress",
                               R"({"note":"已拆除旧报警器，新设备到货"})", enterprise);
  EXPECT_EQ(entry.status, 201) << entry.body;
  // Acceptance needs evidence; the county rejects; the enterprise asks again; the county accepts.
  EXPECT_EQ(step(id, {{"to", "acceptance_requested"}, {"note", "整改完成"}}, enterprise).status,
            400);
  std::int64_t photo = upload(id, enterprise);
  EXPECT_EQ(
      step(id, {{"to", "acceptance_requested"}, {"note", "整改完成"}, {"attachments", {photo}}},
           enterprise)
          .status,
      200);
  EXPECT_EQ(step(id, {{"to", "accepted"}, {"note", "同意"}}, enterprise).status, 403);
  EXPECT_EQ(step(id, {{"to", "rectifying"}, {"note", "报警器未标定"}}, duty).status, 200);
  // Evidence is used once.
  EXPECT_EQ(step(id, {{"to", "acceptance_requested"}, {"note", "已标定"}, {"attachments", {photo}}},
                 enterprise)
                .errorField(),
            "attachments");
  std::int64_t report = upload(id, enterprise, "calibration.pdf", kPdf);
  EXPECT_EQ(
      step(id, {{"to", "acceptance_requested"}, {"note", "已标定"}, {"attachments", {report}}},
           enterprise)
          .status,
      200);
  EXPECT_EQ(step(id, {{"to", "accepted"}, {"note", "现场核查整改到位"}}, duty).status, 200);
  EXPECT_EQ(step(id, {{"to", "closed_off"}}, duty).status, 200);
  h = get(id, commander);
  EXPECT_EQ(h.at("state"), "closed_off");
  EXPECT_EQ(h.at("closed_off_at").as_int64(), now());
  // registered, assessed, assigned, rectifying, progress, requested, rejected, requested, accepted,
  // closed off.
  const auto& timeline = h.at("timeline").as_array();
  ASSERT_EQ(timeline.size(), 10u);
  EXPECT_EQ(timeline[4].at("kind"), "progress");
  EXPECT_EQ(timeline[6].at("data").at("step"), "reject");
  EXPECT_EQ(timeline[6].at("data").at("note"), "报警器未标定");
  EXPECT_EQ(timeline[9].at("to"), "closed_off");
  EXPECT_EQ(h.at("attachments").as_array().size(), 2u);
  // The evidence downloads as uploaded.
  auto file = t.client().get(
      "/api/v1/hazards/" + std::to_string(id) + "/attachments/" + std::to_string(report), duty);
  EXPECT_EQ(file.status, 200);
  EXPECT_EQ(file.body, kPdf);
  EXPECT_EQ(file.headers["content-type"], "application/pdf");
  // Every step audited.
  audit::Filter f;
  f.entity = "hazard";
  f.entity_id = std::to_string(id);
  f.limit = 100;
  EXPECT_EQ(audit::list(t.app().db(), f).value().size(),
            12u);  // create, 8 steps, progress, 2 uploads
  // The recheck: passed, later failed (reopened with a new deadline).
  EXPECT_EQ(step(id, {{"to", "rechecked"}, {"note", "复查合格"}}, duty).status, 200);
  EXPECT_EQ(step(id, {{"to", "rectifying"}, {"note", "复查发现反弹"}}, duty).errorField(),
            "deadline");
  EXPECT_EQ(
      step(id, {{"to", "rectifying"}, {"note", "复查发现反弹"}, {"deadline", now() + 10 * kDay}},
           duty)
          .status,
      200);
  EXPECT_EQ(get(id, duty).at("closed_off_at"), nullptr);
  expectCountsExact();
}

TEST_P(Hazards, AGeneralHazardFixedOnTheSpotByTheEnterprise) {
  std::int64_t id = registerAt(firm, enterprise);
  auto h = get(id, enterprise);
  EXPECT_EQ(h.at("source"), "self_report");
  EXPECT_EQ(h.at("allowed"), (bj::array{"closed_off"}));
  std::int64_t photo = upload(id, enterprise);
  auto r = step(id, {{"to", "closed_off"}, {"note", "现场更换灭火器"}, {"attachments", {photo}}},
                enterprise);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json().at("state"), "closed_off");
  // A major one cannot be fixed on the spot.
  std::int64_t major = registerAt(firm, duty, "major");
  std::int64_t p2 = upload(major, duty);
  EXPECT_EQ(step(major, {{"to", "closed_off"}, {"note", "x"}, {"attachments", {p2}}}, duty).status,
            409);
  expectCountsExact();
}

TEST_P(Hazards, BadInputIsRefusedAtItsFieldAndChangesNothing) {
  std::int64_t id = registerAt(firm, duty);
  EXPECT_EQ(step(id, {{"to", "assessed"}, {"grade", "general"}}, duty).status, 200);
  auto before = get(id, duty);
  // A plan without measures; a deadline in the past; an illegal step; a forbidden role.
  bj::object p = plan(now() + 5 * kDay);
  p.erase("measures");
  auto r = step(id, {{"to", "rectifying"}, {"plan", p}}, enterprise);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.errorField(), "plan.measures");
  r = step(id, {{"to", "rectifying"}, {"plan", plan(now() - kDay)}}, enterprise);
  EXPECT_EQ(r.errorField(), "plan.deadline");
  EXPECT_EQ(step(id, {{"to", "accepted"}, {"note", "x"}}, duty).status, 409);
  EXPECT_EQ(step(id,
                 {{"to", "assigned"},
                  {"assignment",
                   {{"slip_no", "1"},
                    {"responsible_unit", "a"},
                    {"assigning_unit", "b"},
                    {"supervising_unit", "c"},
                    {"deadline", now() + kDay}}}},
                 enterprise)
                .status,
            403);
  EXPECT_EQ(step(id, {{"to", "nowhere"}}, duty).errorField(), "to");
  EXPECT_EQ(
      step(id, {{"to", "rectifying"}, {"plan", plan(now() + kDay)}, {"version", 1}}, duty).status,
      409);
  auto after = get(id, duty);
  EXPECT_EQ(before.at("version"), after.at("version"));
  EXPECT_EQ(before.at("timeline").as_array().size(), after.at("timeline").as_array().size());

  // Registration: an unknown enterprise, one outside the county, a sector the enterprise is not in.
  auto reg = t.client().post("/api/v1/hazards",
                             R"({"enterprise_id":999999,"sector":"fire","description":"x"})", duty);
  EXPECT_EQ(reg.errorField(), "enterprise_id");
  std::int64_t shigu = t.addEnterprise("430407", "construction", "石鼓区测试建筑有限公司");
  reg = t.client().post("/api/v1/hazards",
                        R"({"enterprise_id":)" + std::to_string(shigu) +
                            R"(,"sector":"construction","description":"x"})",
                        duty);
  EXPECT_EQ(reg.errorField(), "enterprise_id");
  reg = t.client().post(
      "/api/v1/hazards",
      R"({"enterprise_id":)" + std::to_string(firm) + R"(,"sector":"campus","description":"x"})",
      duty);
  EXPECT_EQ(reg.errorField(), "sector");
  EXPECT_EQ(
      t.client()
          .post("/api/v1/hazards",
                R"({"sector":"road_traffic","description":"x","jurisdiction":"430426"})", duty)
          .errorField(),
      "site");
  EXPECT_EQ(t.client()
                .post("/api/v1/hazards", R"({"enterprise_id":1,"sector":"fire","description":"x"})",
                      t.login("admin"))
                .status,
            403);

  // Files: content that is not what the name says, a type we do not take, and one too large.
  auto upload_as = [&](const std::string& name, const std::string& bytes) {
    return t.client().request("POST",
                              "/api/v1/hazards/" + std::to_string(id) + "/attachments?name=" + name,
                              bytes, {{"Authorization", "Bearer " + duty}});
  };
  auto fake = upload_as("photo.jpg", kPng);
  EXPECT_EQ(fake.status, 400);
  EXPECT_EQ(fake.errorField(), "file");
  EXPECT_NE(fake.body.find("image/jpeg"), std::string::npos);
  EXPECT_EQ(upload_as("notes.txt", "hello").errorField(), "name");
  auto big = upload_as("big.pdf", "%PDF-" + std::string(5 * 1024 * 1024, 'x'));
  EXPECT_EQ(big.status, 413);
  EXPECT_EQ(big.errorField(), "file");
  EXPECT_TRUE(get(id, duty).at("attachments").as_array().empty());
  expectCountsExact();
}

TEST_P(Hazards, OfConcurrentTransitionsExactlyOneWins) {
  std::int64_t id = registerAt(firm, duty);
  std::atomic<int> ok{0}, conflict{0}, other{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 6; ++i) {
    threads.emplace_back([&] {
      auto r = step(id, {{"to", "assessed"}, {"grade", "general"}}, duty);
      (r.status == 200 ? ok : r.status == 409 ? conflict : other)++;
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(ok.load(), 1);
  EXPECT_EQ(conflict.load(), 5);
  EXPECT_EQ(other.load(), 0);
  auto h = get(id, duty);
  EXPECT_EQ(h.at("version").as_int64(), 2);
  EXPECT_EQ(h.at("timeline").as_array().size(), 2u);
  expectCountsExact();
}

TEST_P(Hazards, KeptCountsEqualAFullRecountAfterAConcurrentRun) {
  std::vector<std::int64_t> ids;
  for (int i = 0; i < 12; ++i)
    ids.push_back(registerAt(firm, duty, i % 4 == 0 ? "major" : "general"));
  auto g = t.client().get("/api/v1/hazards/stats?jurisdiction=430426", duty).json();
  std::int64_t found_before = g.at("total").at("found").as_int64();
  std::vector<std::thread> threads;
  for (int w = 0; w < 4; ++w) {
    threads.emplace_back([&, w] {
      for (std::size_t i = 0; i < ids.size(); ++i) {
        // Every worker tries every hazard's next steps; the losers get 409 and change nothing.
        std::int64_t id = ids[(i + w) % ids.size()];
        bool major = ((i + w) % ids.size()) % 4 == 0;
        bj::object assess{{"to", "assessed"}, {"grade", major ? "major" : "general"}};
        if (major)
          assess["confirmation"] =
              bj::object{{"department", "yjgl"}, {"meeting", "会议"}, {"date", now() - kDay}};
        (void)step(id, assess, duty);
        (void)step(id,
                   {{"to", "rectifying"},
                    {"plan", plan(now() + 3 * kDay)},
                    {"on_behalf_reason", "企业无法登录系统，县局代为填报"}},
                   duty);
      }
    });
  }
  for (auto& th : threads) th.join();
  expectCountsExact();
  auto s = t.client().get("/api/v1/hazards/stats?jurisdiction=430426", duty).json();
  EXPECT_EQ(s.at("total").at("found").as_int64(), found_before);
  EXPECT_EQ(s.at("by_state").at("rectifying").as_int64(), 9);  // the general ones
  EXPECT_EQ(s.at("by_state").at("assessed").as_int64(), 3);    // majors need a slip first
  // The deadline passes: the scheduler marks them overdue, and the counts follow.
  advance(4 * kDay);
  auto tick = t.app().hazards().tick();
  ASSERT_TRUE(tick.ok());
  EXPECT_EQ(tick->marked_overdue, 9);
  EXPECT_EQ(t.client()
                .get("/api/v1/hazards/stats?jurisdiction=430426", duty)
                .json()
                .at("total")
                .at("overdue")
                .as_int64(),
            9);
  expectCountsExact();
}

TEST_P(Hazards, TheSchedulerCatchesUpAndNoticesNameOverdueThenClosedHazards) {
  std::int64_t id = majorRectifying(now() + 10 * kDay);
  // Nothing is due yet.
  auto first = t.app().hazards().tick();
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->marked_overdue, 0);
  EXPECT_EQ(first->notices_issued, 0);
  // The server was down for 20 days: on waking it marks the hazard overdue and issues the notice.
  advance(20 * kDay);
  auto woke = t.app().hazards().tick();
  ASSERT_TRUE(woke.ok());
  EXPECT_EQ(woke->marked_overdue, 1);
  EXPECT_EQ(woke->notices_issued, 1);
  auto again = t.app().hazards().tick();
  EXPECT_EQ(again->marked_overdue + again->notices_issued, 0);  // idempotent
  auto h = get(id, duty);
  EXPECT_TRUE(h.at("overdue").as_bool());
  EXPECT_EQ(h.at("timeline").as_array().back().at("kind"), "overdue");
  auto list = t.client().get("/api/v1/hazards?overdue=true&jurisdiction=430426", duty).json();
  ASSERT_EQ(list.at("items").as_array().size(), 1u);

  // The county issues a notice: the hazard is named as overdue, with its days.
  auto issued = t.client().post("/api/v1/notices", "{}", duty);
  ASSERT_EQ(issued.status, 201) << issued.body;
  auto notice = issued.json().as_object();
  EXPECT_EQ(notice.at("number"), "祁东县隐患排查治理通报〔2026〕1号");
  const auto& row = notice.at("rows").as_array()[0];
  ASSERT_EQ(row.at("overdue_items").as_array().size(), 1u);
  EXPECT_EQ(row.at("overdue_items").as_array()[0].at("id").as_int64(), id);
  EXPECT_EQ(row.at("overdue_items").as_array()[0].at("days_overdue").as_int64(), 10);
  EXPECT_EQ(t.client().post("/api/v1/notices", "{}", enterprise).status, 403);

  // Fixed late (an hour on): requested, accepted, closed off; the next notice names it among the
  // closed.
  advance(3'600'000);
  std::int64_t photo = upload(id, enterprise);
  ASSERT_EQ(step(id, {{"to", "acceptance_requested"}, {"note", "完成"}, {"attachments", {photo}}},
                 enterprise)
                .status,
            200);
  EXPECT_FALSE(get(id, duty).at("overdue").as_bool());
  ASSERT_EQ(step(id, {{"to", "accepted"}, {"note", "合格"}}, duty).status, 200);
  ASSERT_EQ(step(id, {{"to", "closed_off"}}, duty).status, 200);
  advance(kDay);
  auto next =
      t.client().post("/api/v1/notices", R"({"jurisdiction":"430426"})", duty).json().as_object();
  const auto& row2 = next.at("rows").as_array()[0];
  EXPECT_TRUE(row2.at("overdue_items").as_array().empty());
  ASSERT_EQ(row2.at("closed_items").as_array().size(), 1u);
  EXPECT_EQ(row2.at("closed_items").as_array()[0].at("id").as_int64(), id);
  EXPECT_EQ(next.at("period_from"), notice.at("period_to"));
  // Issued notices are listed newest first, and export as a table.
  auto notices = t.client().get("/api/v1/notices", duty).json();
  EXPECT_EQ(notices.at("items").as_array()[0].at("id"), next.at("id"));
  auto csv = t.client().get(
      "/api/v1/notices/" + std::to_string(notice.at("id").as_int64()) + "?format=csv", duty);
  EXPECT_EQ(csv.status, 200);
  EXPECT_NE(csv.body.find(std::string(h.at("code").as_string())), std::string::npos);
  // A 石鼓区 duty officer reads the city's notices but not 祁东县's.
  std::string shigu = t.login("duty-430407");
  EXPECT_EQ(
      t.client().get("/api/v1/notices/" + std::to_string(next.at("id").as_int64()), shigu).status,
      404);
  expectCountsExact();
}

TEST_P(Hazards, EachRoleSeesItsOwnScope) {
  std::int64_t mine = registerAt(firm, duty);
  std::int64_t construction = t.addEnterprise("430426", "construction", "祁东县测试建筑有限公司");
  std::int64_t other = registerAt(construction, duty);
  std::string dept =
      t.login("dept-yjj");  // 应急管理局 leads chemicals, mining, industry and trade, fireworks
  std::string shigu = t.login("duty-430407");
  bool chem = sectorOf(firm) == "hazardous_chemicals" || sectorOf(firm) == "mining" ||
              sectorOf(firm) == "industry_trade" || sectorOf(firm) == "fireworks";
  EXPECT_EQ(t.client().get("/api/v1/hazards/" + std::to_string(mine), dept).status,
            chem ? 200 : 404);
  EXPECT_EQ(t.client().get("/api/v1/hazards/" + std::to_string(other), dept).status, 404);
  EXPECT_EQ(t.client().get("/api/v1/hazards/" + std::to_string(mine), shigu).status, 404);
  EXPECT_EQ(t.client().get("/api/v1/hazards/" + std::to_string(other), enterprise).status, 404);
  EXPECT_EQ(t.client().get("/api/v1/hazards/" + std::to_string(mine), enterprise).status, 200);
  auto theirs = t.client().get("/api/v1/hazards", enterprise).json();
  for (const auto& h : theirs.at("items").as_array())
    EXPECT_EQ(h.at("enterprise_id").as_int64(), firm);
  EXPECT_TRUE(t.client().get("/api/v1/hazards", shigu).json().at("items").as_array().empty());
  // Export is exactly the filtered rows.
  auto csv = t.client().get("/api/v1/hazards?format=csv&jurisdiction=430426", duty);
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(std::count(csv.body.begin(), csv.body.end(), '\n'), 3);  // header + 2
}

// A notice is circulated whole to government offices; an enterprise officer reads only the items
// naming their own enterprise's hazards.
TEST_P(Hazards, NoticesShowAnEnterpriseOnlyItsOwnItems) {
  std::int64_t own = majorRectifying(now() + 2 * kDay);
  std::int64_t neighbour = t.addEnterprise("430426", "hazardous_chemicals", "邻家化工有限公司");
  std::int64_t theirs = registerAt(neighbour, duty, "major");
  ASSERT_EQ(
      step(theirs,
           {{"to", "assessed"},
            {"grade", "major"},
            {"confirmation",
             {{"department", "yjgl"}, {"meeting", "县安委会第4次会议"}, {"date", now() - kDay}}}},
           duty)
          .status,
      200);
  ASSERT_EQ(step(theirs,
                 {{"to", "assigned"},
                  {"assignment",
                   {{"slip_no", "祁安交〔2026〕8号"},
                    {"responsible_unit", "邻家化工"},
                    {"assigning_unit", "祁东县安委办"},
                    {"supervising_unit", "祁东县应急管理局"},
                    {"deadline", now() + 2 * kDay}}}},
                 duty)
                .status,
            200);
  std::string own_code(get(own, duty).at("code").as_string()),
      their_code(get(theirs, duty).at("code").as_string());
  advance(3 * kDay);
  ASSERT_EQ(t.app().hazards().tick()->marked_overdue, 2);
  auto issued = t.client().post("/api/v1/notices", "{}", duty);
  ASSERT_EQ(issued.status, 201) << issued.body;
  std::string id = std::to_string(issued.json().at("id").as_int64());

  auto whole = t.client().get("/api/v1/notices/" + id, duty);
  EXPECT_NE(whole.body.find(their_code), std::string::npos);
  EXPECT_NE(whole.body.find(own_code), std::string::npos);
  auto mine = t.client().get("/api/v1/notices/" + id, enterprise);
  ASSERT_EQ(mine.status, 200) << mine.body;
  EXPECT_NE(mine.body.find(own_code), std::string::npos);
  EXPECT_EQ(mine.body.find(their_code), std::string::npos);
  EXPECT_EQ(mine.body.find("邻家化工"), std::string::npos);
  auto csv = t.client().get("/api/v1/notices/" + id + "?format=csv", enterprise);
  ASSERT_EQ(csv.status, 200);
  EXPECT_NE(csv.body.find(own_code), std::string::npos);
  EXPECT_EQ(csv.body.find(their_code), std::string::npos);
  auto list = t.client().get("/api/v1/notices", enterprise).json();
  EXPECT_EQ(list.at("items").as_array()[0].at("overdue_named").as_int64(), 1);
  EXPECT_EQ(t.client()
                .get("/api/v1/notices", duty)
                .json()
                .at("items")
                .as_array()[0]
                .at("overdue_named")
                .as_int64(),
            2);
}

// Attachment names are plain file names; a hazard keeps at most 50 files; they are sent with a
// safe Content-Disposition and never kept by a cache.
TEST_P(Hazards, AttachmentsHaveSafeNamesAndABound) {
  std::int64_t id = registerAt(firm, duty);
  auto post = [&](const std::string& name) {
    return t.client().request(
        "POST", "/api/v1/hazards/" + std::to_string(id) + "/attachments?name=" + name, kPng,
        {{"Authorization", "Bearer " + duty}, {"Content-Type", "application/octet-stream"}});
  };
  for (const char* bad :
       {"a%00b.png", "a%0D%0Ab.png", "a%22b.png", "%FF%FE.png", "a%5Cb.png", "..", "a%09b.png"}) {
    auto r = post(bad);
    EXPECT_EQ(r.status, 400) << bad << ": " << r.body;
    EXPECT_EQ(r.errorField(), "name") << bad;
  }
  // 现场照片.png
  auto ok = post("%E7%8E%B0%E5%9C%BA%E7%85%A7%E7%89%87.png");
  ASSERT_EQ(ok.status, 201) << ok.body;
  EXPECT_EQ(ok.json().at("name"), "现场照片.png");
  auto file = t.client().get("/api/v1/hazards/" + std::to_string(id) + "/attachments/" +
                                 std::to_string(ok.json().at("id").as_int64()),
                             duty);
  ASSERT_EQ(file.status, 200);
  EXPECT_EQ(
      file.headers["content-disposition"],
      "inline; filename=\"____.png\"; filename*=UTF-8''%E7%8E%B0%E5%9C%BA%E7%85%A7%E7%89%87.png");
  EXPECT_EQ(file.headers["cache-control"], "private, no-store");
  EXPECT_EQ(file.body, kPng);
  for (int i = 1; i < 50; ++i) ASSERT_EQ(post("p" + std::to_string(i) + ".png").status, 201);
  auto over = post("p50.png");
  EXPECT_EQ(over.status, 409);
  EXPECT_EQ(over.errorField(), "file");
  auto listed = get(id, duty);
  EXPECT_EQ(listed.at("attachments").as_array().size(), 50u);
}

// 05:00 on 1 January in Beijing is 21:00 on 31 December UTC: the hazard is 2027's in its code,
// its statistics month and the notice's number.
TEST_P(Hazards, NewYearInBeijingIsTheNewYearInEveryNumber) {
  constexpr Millis kNewYearBeijing = 1'798'732'800'000;  // 2026-12-31T16:00:00Z
  advance(kNewYearBeijing + 5 * 3'600'000 - now());
  std::int64_t id = registerAt(firm, duty);
  EXPECT_EQ(get(id, duty).at("code"), "YH-430426-2027-000001");
  auto stats = t.client().get("/api/v1/hazards/stats?jurisdiction=430426", duty).json();
  const auto& months = stats.at("months").as_array();
  EXPECT_EQ(months.back().at("month"), "2027-01");
  EXPECT_EQ(months.back().at("found").as_int64(), 1);
  EXPECT_EQ(months[months.size() - 2].at("month"), "2026-12");
  auto issued = t.client().post("/api/v1/notices", "{}", duty);
  ASSERT_EQ(issued.status, 201);
  EXPECT_EQ(issued.json().at("number"), "祁东县隐患排查治理通报〔2027〕1号");
  auto csv = t.client().get("/api/v1/hazards?format=csv&jurisdiction=430426", duty);
  EXPECT_NE(csv.body.find("2027-01-01 05:00:00"), std::string::npos);  // Beijing time in exports
  // 隐患清单-20270101.csv: the local date in the file name.
  EXPECT_NE(csv.headers["content-disposition"].find(
                "UTF-8''%E9%9A%90%E6%82%A3%E6%B8%85%E5%8D%95-20270101.csv"),
            std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Engines, Hazards,
                         ::testing::Values(db::Engine::kSqlite, db::Engine::kPostgres),
                         [](const auto& info) {
                           return info.param == db::Engine::kSqlite ? "Sqlite" : "Postgres";
                         });

// Demo data: thousands of hazards in every state, consistent counts, two notices.
TEST(HazardDemo, ALivingRegister) {
  TestApp t;
  auto made = app::seedDemoHazards(t.app(), 600);
  ASSERT_TRUE(made.ok()) << made.error().message;
  std::string commander = t.login("commander");
  auto s = t.client().get("/api/v1/hazards/stats", commander).json();
  EXPECT_EQ(s.at("total").at("found").as_int64(), 600);
  for (const auto& [state, n] : s.at("by_state").as_object()) EXPECT_GT(n.as_int64(), 0) << state;
  EXPECT_GT(s.at("total").at("overdue").as_int64(), 0);
  EXPECT_GT(s.at("total").at("major").as_int64(), 0);
  EXPECT_EQ(s.at("by_unit").as_array().size(), 15u);
  EXPECT_EQ(t.client().get("/api/v1/notices", commander).json().at("items").as_array().size(), 2u);
  auto pair = t.app().hazards().countsAndRecount();
  EXPECT_EQ(pair->first, pair->second);
  // Rebuilding the kept counts from the rows (as after a bulk load) gives the same figures.
  ASSERT_TRUE(t.app().hazards().rebuildCounts().ok());
  EXPECT_EQ(t.app().hazards().countsAndRecount()->first, pair->first);
  auto rebuilt = t.client().get("/api/v1/hazards/stats", commander).json();
  EXPECT_EQ(rebuilt.at("months"), s.at("months"));
  EXPECT_EQ(rebuilt.at("by_unit"), s.at("by_unit"));
  // Every demo hazard's timeline ends in its state.
  auto page = t.client().get("/api/v1/hazards?limit=40", commander).json();
  for (const auto& item : page.at("items").as_array()) {
    auto d = t.client()
                 .get("/api/v1/hazards/" + std::to_string(item.at("id").as_int64()), commander)
                 .json();
    std::string last_to;
    for (const auto& e : d.at("timeline").as_array()) {
      if (!e.at("to").is_null()) last_to = std::string(e.at("to").as_string());
    }
    EXPECT_EQ(last_to, std::string(d.at("state").as_string())) << d.at("code");
  }
}

}  // namespace
}  // namespace anlan::test

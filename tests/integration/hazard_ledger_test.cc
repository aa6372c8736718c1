// The 一单四制 workbook and the people of the hazard records, on both engines: the workbook of
// major hazards (titles, two-level headers, one row per major hazard in scope, names not codes,
// people by name, a county sees its own), timelines and notices naming people with their units
// (phones only for those who may see them, the system as the system), a government account taking
// an enterprise's step only on its behalf with a reason, and notices that refuse an empty period.
#include <gtest/gtest.h>

#include "audit/audit.h"
#include "support/test_app.h"
#include "support/xlsx.h"

namespace anlan::test {
namespace {

namespace bj = boost::json;
constexpr Millis kDay = 24LL * 3600 * 1000;

class HazardLedger : public ::testing::TestWithParam<db::Engine> {
 protected:
  TestApp t{TestAppOptions{GetParam()}};
  std::string duty = t.login("duty-430426");      // 祁东县
  std::string hengyang = t.login("duty-430421");  // 衡阳县
  std::string commander = t.login("commander");
  std::string enterprise = t.login("ent-430426");
  std::int64_t firm = *t.app().auth().findByUsername("ent-430426").value()->enterprise_id;
  std::string firm_name = t.client()
                              .get("/api/v1/enterprises/" + std::to_string(firm), commander)
                              .json()
                              .at("name")
                              .as_string()
                              .c_str();

  Millis now() const { return t.clock.now(); }
  std::string nameOf(const std::string& username) {
    return t.app().auth().findByUsername(username).value()->display_name;
  }
  void advance(Millis ms) {
    t.clock.advance(ms);
    duty = t.login("duty-430426");
    hengyang = t.login("duty-430421");
    commander = t.login("commander");
    enterprise = t.login("ent-430426");
  }

  std::int64_t registerAt(const bj::object& where, const std::string& token,
                          const std::string& grade, const std::string& text) {
    bj::object body = where;
    body["description"] = text;
    body["grade"] = grade;
    auto r = t.client().post("/api/v1/hazards", bj::serialize(body), token);
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? r.json().at("id").as_int64() : 0;
  }
  std::int64_t atFirm(const std::string& grade, const std::string& text) {
    std::string sector = std::string(t.client()
                                         .get("/api/v1/enterprises/" + std::to_string(firm), duty)
                                         .json()
                                         .at("sectors")
                                         .as_array()[0]
                                         .as_string());
    return registerAt({{"enterprise_id", firm}, {"sector", sector}}, duty, grade, text);
  }
  HttpResult step(std::int64_t id, bj::object body, const std::string& token) {
    return t.client().post("/api/v1/hazards/" + std::to_string(id) + "/transitions",
                           bj::serialize(body), token);
  }
  void assess(std::int64_t id, const std::string& token) {
    auto r = step(
        id,
        {{"to", "assessed"},
         {"grade", "major"},
         {"confirmation",
          {{"department", "yjgl"}, {"meeting", "县安委会第5次专题会议"}, {"date", now() - kDay}}}},
        token);
    ASSERT_EQ(r.status, 200) << r.body;
  }
  void assign(std::int64_t id, const std::string& token, Millis deadline) {
    auto r = step(id,
                  {{"to", "assigned"},
                   {"assignment",
                    {{"slip_no", "祁安交〔2026〕9号"},
                     {"responsible_unit", firm_name},
                     {"assigning_unit", "祁东县安全生产委员会办公室"},
                     {"supervising_unit", "祁东县应急管理局"},
                     {"deadline", deadline}}}},
                  token);
    ASSERT_EQ(r.status, 200) << r.body;
  }
  bj::object plan(Millis deadline) {
    return {{"responsible_person", "罗德明"},
            {"measures", "更换紧急切断阀并联锁调试"},
            {"funds_fen", 12'500'000},
            {"deadline", deadline},
            {"contingency_plan", "整改期间停用储罐，设置警戒区"}};
  }
  std::int64_t upload(std::int64_t id, const std::string& token) {
    auto r = t.client().request(
        "POST", "/api/v1/hazards/" + std::to_string(id) + "/attachments?name=photo.png", kTinyPng,
        {{"Authorization", "Bearer " + token}, {"Content-Type", "application/octet-stream"}});
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? r.json().at("id").as_int64() : 0;
  }
  std::string code(std::int64_t id) {
    auto r = t.client().get("/api/v1/hazards/" + std::to_string(id), commander);
    return std::string(r.json().at("code").as_string());
  }
  HttpResult ledger(const std::string& token, const std::string& query = "") {
    return t.client().get("/api/v1/hazards/ledger.xlsx" + query, token);
  }
  // The row of the 一单 sheet whose 隐患编号 (column 4) is `c`.
  static const std::vector<std::string>* rowOf(const std::vector<std::vector<std::string>>& sheet,
                                               const std::string& c) {
    for (const auto& r : sheet) {
      if (r.size() > 3 && r[3] == c) return &r;
    }
    return nullptr;
  }
};

TEST_P(HazardLedger, TheWorkbookListsEveryMajorHazardInScopeAsTheProvinceLaysItOut) {
  Millis deadline = t.app().calendar().endOfDay(now() + 20 * kDay);
  // 1. A major hazard of the demo enterprise walked to close-off.
  std::int64_t closed = atFirm("major", "液氨储罐紧急切断阀失效");
  assess(closed, duty);
  ASSERT_EQ(t.client()
                .post("/api/v1/hazards/" + std::to_string(closed) + "/supervision",
                      R"({"level":"county","note":"县级挂牌"})", duty)
                .status,
            200);
  assign(closed, duty, deadline);
  ASSERT_EQ(step(closed, {{"to", "rectifying"}, {"plan", plan(deadline)}}, enterprise).status, 200);
  ASSERT_EQ(t.client()
                .post("/api/v1/hazards/" + std::to_string(closed) + "/progress",
                      R"({"note":"新切断阀已到货，正在安装"})", enterprise)
                .status,
            201);
  std::int64_t photo = upload(closed, enterprise);
  ASSERT_EQ(
      step(closed, {{"to", "acceptance_requested"}, {"note", "整改完成"}, {"attachments", {photo}}},
           enterprise)
          .status,
      200);
  ASSERT_EQ(step(closed, {{"to", "accepted"}, {"note", "现场核查合格"}}, duty).status, 200);
  ASSERT_EQ(step(closed, {{"to", "closed_off"}}, duty).status, 200);
  // 2. A major hazard assigned with a deadline that will pass (overdue, named by the system).
  std::int64_t late = atFirm("major", "重大危险源监控数据未接入平台");
  assess(late, duty);
  assign(late, duty, t.app().calendar().endOfDay(now() + 2 * kDay));
  // 3. A general hazard of 祁东县: not in the list.
  std::int64_t general = atFirm("general", "消防通道被占用");
  // 4. A major hazard of 衡阳县 at a public site.
  std::int64_t other = registerAt(
      {{"jurisdiction", "430421"}, {"sector", "road_traffic"}, {"site", "G107国道K1520处"}},
      hengyang, "major", "临水临崖路段护栏缺失");
  assess(other, hengyang);
  advance(3 * kDay);
  ASSERT_TRUE(t.app().hazards().tick().ok());

  auto r = ledger(commander);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NE(r.headers["content-type"].find("spreadsheetml"), std::string::npos);
  EXPECT_NE(r.headers["content-disposition"].find(".xlsx"), std::string::npos);
  ASSERT_EQ(xlsxSheetNames(r.body), (std::vector<std::string>{"一单", "台账", "销号", "通报"}));
  auto list = xlsxSheet(r.body, 0);
  ASSERT_GE(list.size(), 5u);
  EXPECT_EQ(list[0][0], "衡阳市重大事故隐患“一单四制”台账");
  CivilDate today = t.app().calendar().civil(now()).date;
  EXPECT_EQ(list[1][0], "填报单位：衡阳市应急管理局　　填报日期：" + std::to_string(today.year) +
                            "年" + std::to_string(today.month) + "月" + std::to_string(today.day) +
                            "日");
  // Two header rows: the groups above, their columns below; single columns span both.
  const auto& groups = list[2];
  const auto& heads = list[3];
  EXPECT_EQ(groups[0], "序号");
  EXPECT_EQ(groups[6], "研究认定");
  EXPECT_EQ(heads[6], "认定单位");
  EXPECT_EQ(groups[10], "交办");
  EXPECT_EQ(heads[11], "责任单位");
  EXPECT_EQ(groups[16], "五落实");
  for (const char* h : {"责任人", "措施", "资金（万元）", "时限", "预案", "验收人"})
    EXPECT_NE(std::find(heads.begin(), heads.end(), h), heads.end()) << h;
  for (const char* h : {"县市区", "隐患编号", "挂牌督办级别", "销号时间", "当前状态", "是否逾期"})
    EXPECT_NE(std::find(groups.begin(), groups.end(), h), groups.end()) << h;
  std::string xml = xlsxSheetXml(r.body, 0);
  EXPECT_NE(xml.find("<mergeCell ref=\"A1:AD1\"/>"), std::string::npos);  // the title
  EXPECT_NE(xml.find("<mergeCell ref=\"G3:I3\"/>"), std::string::npos);   // 研究认定
  EXPECT_NE(xml.find("<mergeCell ref=\"A3:A4\"/>"), std::string::npos);   // 序号 spans both
  EXPECT_NE(xml.find("topLeftCell=\"A5\""), std::string::npos);           // header frozen
  EXPECT_NE(xml.find("orientation=\"landscape\""), std::string::npos);
  EXPECT_NE(xml.find("fitToHeight=\"0\""), std::string::npos);
  EXPECT_NE(zipEntry(r.body, "xl/workbook.xml").find("_xlnm.Print_Titles"), std::string::npos);

  // One row per major hazard, the general one absent; names, not codes.
  std::vector<std::vector<std::string>> rows(list.begin() + 4, list.end());
  EXPECT_EQ(rows.size(), 3u);
  EXPECT_EQ(rowOf(list, code(general)), nullptr);
  const auto* c = rowOf(list, code(closed));
  ASSERT_NE(c, nullptr);
  EXPECT_EQ((*c)[1], "祁东县");
  EXPECT_EQ((*c)[2], firm_name);
  EXPECT_EQ((*c)[5], "排查发现");
  EXPECT_EQ((*c)[6], "祁东县应急管理局");
  EXPECT_EQ((*c)[7], "县安委会第5次专题会议");
  EXPECT_EQ((*c)[9], "县级挂牌督办");
  EXPECT_EQ((*c)[10], "祁安交〔2026〕9号");
  EXPECT_EQ((*c)[15], t.app().calendar().dateText(deadline));
  EXPECT_EQ((*c)[16], "罗德明");
  EXPECT_EQ((*c)[18], "12.50");
  EXPECT_EQ((*c)[21], "新切断阀已到货，正在安装");
  EXPECT_EQ((*c)[24], nameOf("duty-430426") + "（祁东县应急管理局）");
  EXPECT_EQ((*c)[25], "现场核查合格");
  EXPECT_FALSE((*c)[26].empty());
  EXPECT_EQ((*c)[27], "已销号");
  EXPECT_EQ((*c)[28], "否");
  const auto* l = rowOf(list, code(late));
  ASSERT_NE(l, nullptr);
  EXPECT_EQ((*l)[27], "已交办");
  EXPECT_EQ((*l)[28], "是");
  EXPECT_EQ((*l)[9], "未挂牌");
  const auto* o = rowOf(list, code(other));
  ASSERT_NE(o, nullptr);
  EXPECT_EQ((*o)[1], "衡阳县");
  EXPECT_EQ((*o)[2], "G107国道K1520处");
  // No codes or usernames anywhere people read.
  std::string all = xlsxText(r.body);
  for (const char* raw : {"430426", "duty-430426", "ent-430426", "rectifying", "closed_off",
                          "county", "yjgl", "system"})
    EXPECT_EQ(all.find(std::string("\t") + raw + "\t"), std::string::npos) << raw;
  EXPECT_EQ(all.find("duty-4304"), std::string::npos);

  // 台账: every step in time order, by name and unit; the scheduler as 系统.
  auto steps = xlsxSheet(r.body, 1);
  ASSERT_GT(steps.size(), 14u);
  EXPECT_EQ(steps[2][5], "办理人");
  EXPECT_EQ(steps[3][5], "姓名");
  EXPECT_EQ(steps[3][6], "单位");
  std::string last_time;
  bool saw_system = false, saw_enterprise = false, saw_evidence = false;
  for (std::size_t i = 4; i < steps.size(); ++i) {
    const auto& s = steps[i];
    EXPECT_GE(s[3], last_time) << "row " << i;
    last_time = s[3];
    if (s[4] == "逾期") saw_system = s[5] == "系统";
    if (s[4] == "申请验收") {
      saw_enterprise = s[5] == nameOf("ent-430426") && s[6] == firm_name;
      saw_evidence = s[8] == "1";
    }
  }
  EXPECT_TRUE(saw_system);
  EXPECT_TRUE(saw_enterprise);
  EXPECT_TRUE(saw_evidence);
  // 销号: the closed one with its acceptance; 通报: the overdue one with its days.
  auto off = xlsxSheet(r.body, 2);
  ASSERT_EQ(off.size(), 5u);
  EXPECT_EQ(off[4][3], code(closed));
  EXPECT_EQ(off[4][7], "1");
  EXPECT_EQ(off[4][9], nameOf("duty-430426") + "（祁东县应急管理局）");
  auto named = xlsxSheet(r.body, 3);
  ASSERT_EQ(named.size(), 4u);  // title, line, header, one hazard
  EXPECT_EQ(named[3][3], code(late));
  EXPECT_EQ(named[3][8], "0");  // less than a day past the end of its deadline's day

  // A county sees its own: its name in the title, its hazards only.
  auto mine = ledger(duty);
  ASSERT_EQ(mine.status, 200);
  auto county = xlsxSheet(mine.body, 0);
  EXPECT_EQ(county[0][0], "祁东县重大事故隐患“一单四制”台账");
  EXPECT_EQ(county[1][0].substr(0, std::string("填报单位：祁东县应急管理局").size()),
            "填报单位：祁东县应急管理局");
  EXPECT_EQ(county.size(), 6u);
  EXPECT_EQ(rowOf(county, code(other)), nullptr);
  EXPECT_EQ(xlsxText(mine.body).find("临水临崖路段护栏缺失"), std::string::npos);
  // The list's filters apply; the city narrowed to 衡阳县 gets its list.
  auto narrowed = xlsxSheet(ledger(commander, "?jurisdiction=430421").body, 0);
  EXPECT_EQ(narrowed[0][0], "衡阳县重大事故隐患“一单四制”台账");
  ASSERT_EQ(narrowed.size(), 5u);
  EXPECT_EQ(narrowed[4][3], code(other));
  auto open = xlsxSheet(ledger(duty, "?open=true").body, 0);
  EXPECT_EQ(open.size(), 5u);
  // The enterprise officer: their enterprise's major hazards only.
  auto own = xlsxSheet(ledger(enterprise).body, 0);
  EXPECT_EQ(own.size(), 6u);
  // Bad filters are refused, naming the field.
  auto bad = ledger(commander, "?state=finished");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.errorField(), "state");
  EXPECT_EQ(ledger("").status, 401);
}

TEST_P(HazardLedger, TimelinesAndNoticesNamePeopleAndShowPhonesOnlyToThoseWhoMaySeeThem) {
  std::int64_t id = atFirm("major", "反应釜温度联锁被摘除");
  assess(id, duty);
  assign(id, duty, t.app().calendar().endOfDay(now() + kDay));
  advance(2 * kDay);
  ASSERT_TRUE(t.app().hazards().tick().ok());
  auto phone = *t.app().auth().findByUsername("duty-430426").value()->phone;
  ASSERT_FALSE(phone.empty());
  auto timeline = [&](const std::string& token) {
    auto r = t.client().get("/api/v1/hazards/" + std::to_string(id), token);
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json().at("timeline").as_array();
  };
  // The county and the city see the officer's name, unit and phone; the system is the system.
  for (const auto* token : {&duty, &commander}) {
    auto tl = timeline(*token);
    const auto& first = tl[0].at("actor").as_object();
    EXPECT_EQ(first.at("name"), bj::value(nameOf("duty-430426")));
    EXPECT_EQ(first.at("unit"), "祁东县应急管理局");
    EXPECT_EQ(first.at("phone"), bj::value(phone));
    EXPECT_EQ(tl.back().at("kind"), "overdue");
    EXPECT_TRUE(tl.back().at("actor").is_null());
  }
  // The enterprise reads who assessed it, but not the officer's phone.
  auto tl = timeline(enterprise);
  EXPECT_EQ(tl[0].at("actor").at("name"), bj::value(nameOf("duty-430426")));
  EXPECT_TRUE(tl[0].at("actor").at("phone").is_null());
  EXPECT_EQ(std::string(bj::serialize(tl)).find("duty-430426"), std::string::npos);
  // A notice names its issuer the same way in the list and in the notice itself.
  auto issued = t.client().post("/api/v1/notices", "{}", duty);
  ASSERT_EQ(issued.status, 201) << issued.body;
  EXPECT_EQ(issued.json().at("issuer").at("name"), bj::value(nameOf("duty-430426")));
  auto listed = t.client().get("/api/v1/notices", duty).json().at("items").as_array();
  const bj::value* mine = nullptr;
  const bj::value* cycle = nullptr;
  for (const auto& n : listed) {
    if (n.at("id") == issued.json().at("id")) mine = &n;
    if (n.at("trigger") == "cycle") cycle = &n;
  }
  ASSERT_NE(mine, nullptr);
  EXPECT_EQ(mine->at("issuer").at("unit"), "祁东县应急管理局");
  auto one =
      t.client().get("/api/v1/notices/" + std::to_string(issued.json().at("id").as_int64()), duty);
  EXPECT_EQ(one.json().at("issuer"), mine->at("issuer"));
  EXPECT_EQ(one.json().at("trigger"), "on_demand");
  if (cycle) {
    EXPECT_TRUE(cycle->at("issuer").is_null());  // the city's cycle: the system
  }
}

TEST_P(HazardLedger, AGovernmentAccountTakesAnEnterprisesStepOnlyOnItsBehalfWithAReason) {
  Millis deadline = t.app().calendar().endOfDay(now() + 10 * kDay);
  std::int64_t id = atFirm("major", "装卸作业未设置静电接地");
  assess(id, duty);
  assign(id, duty, deadline);
  // The detail tells the city which of its steps would be taken for the enterprise.
  auto d = t.client().get("/api/v1/hazards/" + std::to_string(id), commander).json();
  EXPECT_EQ(d.at("allowed"), bj::array({"rectifying"}));
  EXPECT_EQ(d.at("on_behalf"), bj::array({"rectifying"}));
  EXPECT_EQ(
      t.client().get("/api/v1/hazards/" + std::to_string(id), enterprise).json().at("on_behalf"),
      bj::array());
  // Without a reason: refused, naming the field, nothing changed.
  auto bare = step(id, {{"to", "rectifying"}, {"plan", plan(deadline)}}, commander);
  EXPECT_EQ(bare.status, 400);
  EXPECT_EQ(bare.errorField(), "on_behalf_reason");
  EXPECT_EQ(t.client().get("/api/v1/hazards/" + std::to_string(id), commander).json().at("state"),
            "assigned");
  // The enterprise's own step needs no reason and takes none.
  auto own =
      step(id, {{"to", "rectifying"}, {"plan", plan(deadline)}, {"on_behalf_reason", "代填"}},
           enterprise);
  EXPECT_EQ(own.status, 400);
  EXPECT_EQ(own.errorField(), "on_behalf_reason");
  // With a reason: taken, and recorded as on the enterprise's behalf in the timeline and the audit.
  auto done = step(id,
                   {{"to", "rectifying"},
                    {"plan", plan(deadline)},
                    {"on_behalf_reason", "企业账号未开通，按企业报送的纸质方案代为录入"}},
                   commander);
  ASSERT_EQ(done.status, 200) << done.body;
  auto after = t.client().get("/api/v1/hazards/" + std::to_string(id), commander).json();
  const auto& last = after.at("timeline").as_array().back();
  EXPECT_EQ(last.at("data").at("on_behalf"), true);
  EXPECT_EQ(last.at("data").at("on_behalf_reason"), "企业账号未开通，按企业报送的纸质方案代为录入");
  EXPECT_EQ(last.at("actor").at("name"), bj::value(nameOf("commander")));
  auto audit = t.client().get("/api/v1/audit?entity=hazard", t.login("admin")).json();
  bool recorded = false;
  for (const auto& e : audit.at("items").as_array())
    recorded = recorded || e.at("action") == "start_rectification_on_behalf";
  EXPECT_TRUE(recorded);
  // The county's own steps (acceptance) are not on anyone's behalf.
  std::int64_t photo = upload(id, enterprise);
  ASSERT_EQ(step(id, {{"to", "acceptance_requested"}, {"note", "完成"}, {"attachments", {photo}}},
                 enterprise)
                .status,
            200);
  EXPECT_EQ(
      step(id, {{"to", "accepted"}, {"note", "合格"}, {"on_behalf_reason", "x"}}, duty).status,
      400);
  EXPECT_EQ(step(id, {{"to", "accepted"}, {"note", "合格"}}, duty).status, 200);
}

TEST_P(HazardLedger, NoticesGiveThePeriodsFiguresAndRefuseAnEmptyPeriod) {
  std::int64_t id = atFirm("general", "疏散指示标志损坏");
  advance(kDay);
  auto first = t.client().post("/api/v1/notices", "{}", duty);
  ASSERT_EQ(first.status, 201) << first.body;
  auto first_json = first.json();
  const auto& row = first_json.at("rows").as_array()[0];
  EXPECT_EQ(row.at("found").as_int64(), 1);  // found in the period
  EXPECT_EQ(row.at("closed_off").as_int64(), 0);
  EXPECT_EQ(row.at("open").as_int64(), 1);
  // Right after: nothing lies in the period. Refused, and no number is used up.
  auto empty = t.client().post("/api/v1/notices", "{}", duty);
  EXPECT_EQ(empty.status, 409) << empty.body;
  EXPECT_EQ(empty.errorField(), "jurisdiction");
  // A hazard fixed on the spot an hour later: the next notice counts its close-off, not the
  // first one's finding.
  advance(3'600'000);
  std::int64_t photo = upload(id, duty);
  ASSERT_EQ(
      step(id, {{"to", "closed_off"}, {"note", "现场整改"}, {"attachments", {photo}}}, duty).status,
      200);
  advance(kDay);
  auto second = t.client().post("/api/v1/notices", "{}", duty);
  ASSERT_EQ(second.status, 201) << second.body;
  auto second_json = second.json();
  const auto& row2 = second_json.at("rows").as_array()[0];
  EXPECT_EQ(row2.at("found").as_int64(), 0);
  EXPECT_EQ(row2.at("closed_off").as_int64(), 1);
  EXPECT_EQ(row2.at("open").as_int64(), 0);
  EXPECT_DOUBLE_EQ(row2.at("rate").as_double(), 1.0);
  EXPECT_EQ(std::string(second.json().at("number").as_string()),
            "祁东县隐患排查治理通报〔" + std::to_string(t.app().calendar().year(now())) + "〕2号");
}

INSTANTIATE_TEST_SUITE_P(Engines, HazardLedger,
                         ::testing::Values(db::Engine::kSqlite, db::Engine::kPostgres),
                         [](const auto& info) {
                           return info.param == db::Engine::kSqlite ? "Sqlite" : "Postgres";
                         });

}  // namespace
}  // namespace anlan::test

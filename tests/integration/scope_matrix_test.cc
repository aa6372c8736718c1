// Every route, as every role of 祁东县 (430426), against records of a foreign county (石鼓区,
// 430407) and of a foreign enterprise and sector within 祁东县: a write is refused, and a read
// either is refused or carries none of the foreign records. Then the same for the event socket.
// Both engines. A route added without probes here fails the test.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "support/test_app.h"
#include "support/xlsx.h"

namespace anlan::test {
namespace {

namespace bj = boost::json;
constexpr Millis kDay = 24LL * 3600 * 1000;
const std::string& kPng = kTinyPng;

// Markers written into the foreign records; none may reach a viewer who may not see the record.
const std::vector<std::string> kForeignCounty = {"外县企业XQ1",  "外县隐患XQ3", "外县照片XQ3",
                                                 "外县接报XQ6",  "外县日志XQ7", "外县带班XQ8",
                                                 "外县点评XQ10", "duty-430407"};
const std::vector<std::string> kForeignEnterprise = {"邻家企业XQ2", "邻企隐患XQ4", "邻企照片XQ4"};
const std::vector<std::string> kOwnCountyRooms = {"本县接报XQ9"};

struct Viewer {
  std::string username;
  std::vector<std::string> foreign;  // the markers this viewer may not see
  bool foreign_enterprise =
      false;  // 邻家企业 (construction, another enterprise) is foreign to them
};

// What a probe aims at: a record of 石鼓区, of 邻家企业 in 祁东县, or nothing in particular.
enum class Target { kNone, kForeignCounty, kForeignEnterprise };

struct Probe {
  std::string method, pattern, path, body;
  bool must_refuse = true;  // a write at a record foreign to the viewer: never 2xx
  Target target = Target::kForeignCounty;
};

class ScopeMatrix : public ::testing::TestWithParam<db::Engine> {
 protected:
  TestApp t{TestAppOptions{GetParam()}};
  std::map<std::string, std::string> ids;

  std::string post(const std::string& path, const std::string& body, const std::string& token,
                   int expect = 201) {
    auto r = t.client().post(path, body, token);
    EXPECT_EQ(r.status, expect) << path << ": " << r.body;
    return r.status == expect && r.json().is_object() && r.json().as_object().contains("id")
               ? std::to_string(r.json().at("id").as_int64())
               : "";
  }

  std::string hazardAt(const std::string& enterprise, const std::string& sector,
                       const std::string& text, const std::string& token) {
    return post("/api/v1/hazards",
                R"({"enterprise_id":)" + enterprise + R"(,"sector":")" + sector +
                    R"(","description":")" + text + R"(","grade":"major"})",
                token);
  }

  // Assessed and assigned with a deadline, so that it falls overdue and notices name it.
  void assign(const std::string& id, const std::string& token, Millis deadline) {
    auto step = [&](const std::string& body) {
      auto r = t.client().post("/api/v1/hazards/" + id + "/transitions", body, token);
      EXPECT_EQ(r.status, 200) << r.body;
    };
    step(
        R"({"to":"assessed","grade":"major","confirmation":{"department":"yjgl","meeting":"安委会","date":)" +
        std::to_string(t.clock.now() - kDay) + "}}");
    step(
        R"({"to":"assigned","assignment":{"slip_no":"交〔2026〕1号","responsible_unit":"企业","assigning_unit":"安委办",)"
        R"("supervising_unit":"应急管理局","deadline":)" +
        std::to_string(deadline) + "}}");
  }

  std::string upload(const std::string& hazard, const std::string& name, const std::string& token) {
    auto r = t.client().request("POST", "/api/v1/hazards/" + hazard + "/attachments?name=" + name,
                                kPng, {{"Authorization", "Bearer " + token}});
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? std::to_string(r.json().at("id").as_int64()) : "";
  }

  void SetUp() override {
    // The viewers: every role, all of 祁东县.
    for (auto [name, role, department] : {std::tuple{"admin-430426", "admin", ""},
                                          {"commander-430426", "commander", ""},
                                          {"dept-430426", "department_officer", "yjgl"}}) {
      auth::NewUser u{name, name, kPassword, role, "430426", {}, {}, {}};
      if (*department) u.department = department;
      auto made = t.app().auth().createUser(nullptr, u);
      ASSERT_TRUE(made.ok()) << made.error().message;
    }
    std::string shigu = t.login("duty-430407"), qidong = t.login("duty-430426"),
                city = t.login("commander");
    // Records of 石鼓区: an enterprise, a hazard with a photo, an intake report, a log entry, a
    // shift, a spot check with its outcome, a notice; of 祁东县: a construction enterprise
    // (not 应急管理局's sector, not the enterprise officer's own) with a hazard and a photo, and
    // an intake report (a room's record, not an enterprise's).
    ids["E1"] = std::to_string(t.addEnterprise("430407", "hazardous_chemicals", "外县企业XQ1"));
    ids["E2"] = std::to_string(t.addEnterprise("430426", "construction", "邻家企业XQ2"));
    ids["OWN"] =
        std::to_string(*t.app().auth().findByUsername("ent-430426").value()->enterprise_id);
    ids["H1"] = hazardAt(ids["E1"], "hazardous_chemicals", "外县隐患XQ3", shigu);
    ids["H2"] = hazardAt(ids["E2"], "construction", "邻企隐患XQ4", qidong);
    ids["A1"] =
        upload(ids["H1"], "%E5%A4%96%E5%8E%BF%E7%85%A7%E7%89%87XQ3.png", shigu);  // 外县照片XQ3.png
    ids["A2"] = upload(ids["H2"], "%E9%82%BB%E4%BC%81%E7%85%A7%E7%89%87XQ4.png",
                       qidong);  // 邻企照片XQ4.png
    assign(ids["H1"], shigu, t.clock.now() + kDay);
    assign(ids["H2"], qidong, t.clock.now() + kDay);
    // Waiting on each county's government (the inbox): foreign to the other county's.
    hazardAt(ids["E1"], "hazardous_chemicals", "外县隐患XQ3待评估", shigu);
    hazardAt(ids["E2"], "construction", "邻企隐患XQ4待评估", qidong);
    ids["U1"] = std::to_string(t.userId("duty-430407"));
    const std::string intake =
        R"(,"reporter_name":"李四","reporter_phone":"13800000000","event_type":"火灾",)"
        R"("occurred_at":1780000000000})";
    ids["I1"] = post("/api/v1/intake", R"({"room":"430407","place":"外县接报XQ6")" + intake, shigu);
    ids["I2"] =
        post("/api/v1/intake", R"({"room":"430426","place":"本县接报XQ9")" + intake, qidong);
    post("/api/v1/duty/log", R"({"room":"430407","text":"外县日志XQ7"})", shigu);
    Millis now = t.clock.now();
    post("/api/v1/duty/shifts",
         R"({"room":"430407","starts_at":)" + std::to_string(now) + R"(,"ends_at":)" +
             std::to_string(now + kDay) + R"(,"leader":"外县带班XQ8","officers":["duty-430407"]})",
         shigu);
    ids["RC"] = post("/api/v1/roll-calls", R"({"rooms":["430407","430426"]})", city);
    for (const char* action : {"ring", "answer"}) {
      post("/api/v1/roll-calls/" + ids["RC"] + "/rooms/430407/" + action, "",
           action[0] == 'r' ? city : shigu, 200);
    }
    post("/api/v1/roll-calls/" + ids["RC"] + "/rooms/430407/assess",
         R"({"assessment":"good","remarks":"外县点评XQ10"})", city, 200);
    ids["RC2"] = post("/api/v1/roll-calls", R"({"rooms":["430407"]})", city);
    // Both hazards fall overdue; 石鼓区 and the city issue notices naming them.
    t.clock.advance(2 * kDay);
    ASSERT_EQ(t.app().hazards().tick()->marked_overdue, 2);
    ids["N1"] = std::to_string(t.app().hazards().issueNotice(nullptr, "430407").value().id);
    ids["N2"] = std::to_string(t.app().hazards().issueNotice(nullptr, "430400").value().id);
  }

  std::string fill(std::string s) const {
    for (const auto& [k, v] : ids) {
      for (auto at = s.find("{" + k + "}"); at != std::string::npos; at = s.find("{" + k + "}")) {
        s.replace(at, k.size() + 2, v);
      }
    }
    return s;
  }
};

const std::vector<Viewer>& viewers() {
  static const std::vector<Viewer> all = [] {
    auto join = [](std::initializer_list<const std::vector<std::string>*> lists) {
      std::vector<std::string> out;
      for (const auto* l : lists) out.insert(out.end(), l->begin(), l->end());
      return out;
    };
    return std::vector<Viewer>{
        {"admin-430426", kForeignCounty},
        {"commander-430426", kForeignCounty},
        {"duty-430426", kForeignCounty},
        {"dept-430426", join({&kForeignCounty, &kForeignEnterprise}), true},
        {"ent-430426", join({&kForeignCounty, &kForeignEnterprise, &kOwnCountyRooms}), true},
    };
  }();
  return all;
}

std::vector<Probe> probes() {
  const std::string period = "from=1779000000000&to=1790000000000";
  const std::string hazard = R"(,"description":"越权登记","grade":"general"})";
  std::vector<Probe> p = {
      {"GET", "/api/v1/audit", "/api/v1/audit", "", false},
      {"GET", "/api/v1/audit", "/api/v1/audit?format=csv", "", false},
      {"GET", "/api/v1/departments", "/api/v1/departments", "", false},
      {"GET", "/api/v1/duty/log", "/api/v1/duty/log?room=430407", "", false},
      {"GET", "/api/v1/duty/log", "/api/v1/duty/log", "", false},
      {"GET", "/api/v1/duty/presence", "/api/v1/duty/presence", "", false},
      {"GET", "/api/v1/duty/room-stats", "/api/v1/duty/room-stats?" + period, "", false},
      {"GET", "/api/v1/duty/rota-problems", "/api/v1/duty/rota-problems?room=430407&" + period, "",
       false},
      {"GET", "/api/v1/duty/rtc-config", "/api/v1/duty/rtc-config", "", false},
      {"GET", "/api/v1/duty/shifts", "/api/v1/duty/shifts?room=430407&" + period, "", false},
      {"GET", "/api/v1/enterprises", "/api/v1/enterprises", "", false},
      {"GET", "/api/v1/enterprises", "/api/v1/enterprises?jurisdiction=430407", "", false},
      {"GET", "/api/v1/enterprises", "/api/v1/enterprises?q=XQ&format=csv", "", false},
      {"GET", "/api/v1/enterprises/figures", "/api/v1/enterprises/figures", "", false},
      {"GET", "/api/v1/enterprises/{id}", "/api/v1/enterprises/{E1}", "", false},
      {"GET", "/api/v1/enterprises/{id}", "/api/v1/enterprises/{E2}", "", false},
      {"GET", "/api/v1/hazards", "/api/v1/hazards", "", false},
      {"GET", "/api/v1/hazards", "/api/v1/hazards?jurisdiction=430407", "", false},
      {"GET", "/api/v1/hazards", "/api/v1/hazards?q=XQ&format=csv", "", false},
      {"GET", "/api/v1/hazards", "/api/v1/hazards?enterprise_id={E2}&sort=deadline", "", false},
      {"GET", "/api/v1/hazards/stats", "/api/v1/hazards/stats", "", false},
      {"GET", "/api/v1/hazards/stats",
       "/api/v1/hazards/stats?jurisdiction=430407&sector=construction", "", false},
      {"GET", "/api/v1/hazards/ledger.xlsx", "/api/v1/hazards/ledger.xlsx", "", false},
      {"GET", "/api/v1/hazards/ledger.xlsx", "/api/v1/hazards/ledger.xlsx?jurisdiction=430407", "",
       false},
      {"GET", "/api/v1/hazards/ledger.xlsx", "/api/v1/hazards/ledger.xlsx?q=XQ&state=assigned", "",
       false},
      {"GET", "/api/v1/hazards/{id}", "/api/v1/hazards/{H1}", "", false},
      {"GET", "/api/v1/hazards/{id}", "/api/v1/hazards/{H2}", "", false},
      {"GET", "/api/v1/hazards/{id}/attachments/{attachment_id}",
       "/api/v1/hazards/{H1}/attachments/{A1}", "", false},
      {"GET", "/api/v1/hazards/{id}/attachments/{attachment_id}",
       "/api/v1/hazards/{H2}/attachments/{A2}", "", false},
      {"GET", "/api/v1/inbox", "/api/v1/inbox", "", false},
      {"GET", "/api/v1/enterprises/import-template", "/api/v1/enterprises/import-template", "",
       false},
      {"GET", "/api/v1/inbox", "/api/v1/inbox?source=hazard&limit=200", "", false},
      {"GET", "/api/v1/inbox/summary", "/api/v1/inbox/summary", "", false},
      {"GET", "/api/v1/intake", "/api/v1/intake", "", false},
      {"GET", "/api/v1/intake/{id}", "/api/v1/intake/{I1}", "", false},
      {"GET", "/api/v1/intake/{id}", "/api/v1/intake/{I2}", "", false},
      {"GET", "/api/v1/jurisdictions", "/api/v1/jurisdictions", "", false},
      {"GET", "/api/v1/jurisdictions/{code}", "/api/v1/jurisdictions/430407", "", false},
      {"GET", "/api/v1/map/locate", "/api/v1/map/locate?lon=112.6&lat=26.9", "", false},
      {"GET", "/api/v1/map/units", "/api/v1/map/units", "", false},
      {"GET", "/api/v1/me", "/api/v1/me", "", false},
      {"GET", "/api/v1/notices", "/api/v1/notices", "", false},
      {"GET", "/api/v1/notices/{id}", "/api/v1/notices/{N1}", "", false},
      {"GET", "/api/v1/notices/{id}", "/api/v1/notices/{N2}", "", false},
      {"GET", "/api/v1/notices/{id}", "/api/v1/notices/{N2}?format=csv", "", false},
      {"GET", "/api/v1/openapi.json", "/api/v1/openapi.json", "", false},
      {"GET", "/api/v1/roll-calls", "/api/v1/roll-calls", "", false},
      {"GET", "/api/v1/roll-calls/{id}", "/api/v1/roll-calls/{RC}", "", false},
      {"GET", "/api/v1/roll-calls/{id}", "/api/v1/roll-calls/{RC2}", "", false},
      {"GET", "/api/v1/sectors", "/api/v1/sectors", "", false},
      {"GET", "/api/v1/users", "/api/v1/users", "", false},
      {"GET", "/api/v1/users", "/api/v1/users?format=csv&q=duty", "", false},
      {"GET", "/api/v1/users/{id}", "/api/v1/users/{U1}", "", false},
      {"GET", "/healthz", "/healthz", "", false},
      {"GET", "/metrics", "/metrics", "", false},
      {"PATCH", "/api/v1/enterprises/{id}", "/api/v1/enterprises/{E1}",
       R"({"version":1,"address":"越权"})"},
      {"PATCH", "/api/v1/enterprises/{id}", "/api/v1/enterprises/{E2}",
       R"({"version":1,"address":"越权"})", true, Target::kForeignEnterprise},
      {"PATCH", "/api/v1/users/{id}", "/api/v1/users/{U1}", R"({"version":1,"phone":"0734-1"})"},
      {"POST", "/api/v1/auth/login", "/api/v1/auth/login",
       R"({"username":"duty-430407","password":"Wrong-pass-1"})"},
      {"POST", "/api/v1/auth/logout", "/api/v1/auth/logout", "", false},
      {"POST", "/api/v1/duty/log", "/api/v1/duty/log", R"({"room":"430407","text":"越权"})"},
      {"POST", "/api/v1/duty/shifts", "/api/v1/duty/shifts",
       R"({"room":"430407","starts_at":1790000000000,"ends_at":1790028800000,"leader":"x","officers":["x"]})"},
      {"POST", "/api/v1/enterprises", "/api/v1/enterprises",
       R"({"name":"越权企业","credit_code":")" + creditCode("430407", 990001) +
           R"(","sectors":["hazardous_chemicals"],"jurisdiction":"430407"})"},
      {"POST", "/api/v1/enterprises/import", "/api/v1/enterprises/import",
       "name,credit_code,sectors,jurisdiction\n越权导入," + creditCode("430407", 990002) +
           ",hazardous_chemicals,430407\n"},
      {"POST", "/api/v1/hazards", "/api/v1/hazards",
       R"({"enterprise_id":{E1},"sector":"hazardous_chemicals")" + hazard},
      {"POST", "/api/v1/hazards", "/api/v1/hazards",
       R"({"enterprise_id":{E2},"sector":"construction")" + hazard, true,
       Target::kForeignEnterprise},
      {"POST", "/api/v1/hazards", "/api/v1/hazards",
       R"({"site":"石鼓区某地","jurisdiction":"430407","sector":"hazardous_chemicals")" + hazard},
      {"POST", "/api/v1/intake", "/api/v1/intake",
       R"({"room":"430407","reporter_name":"x","reporter_phone":"13800000000","event_type":"火灾","occurred_at":1780000000000,"place":"x"})"},
      {"POST", "/api/v1/intake/{id}/pass-up", "/api/v1/intake/{I1}/pass-up", ""},
      {"POST", "/api/v1/intake/{id}/receive", "/api/v1/intake/{I1}/receive", ""},
      {"POST", "/api/v1/notices", "/api/v1/notices", R"({"jurisdiction":"430407"})"},
      {"POST", "/api/v1/roll-calls", "/api/v1/roll-calls", R"({"rooms":["430407"]})"},
      {"POST", "/api/v1/roll-calls/{id}/finish", "/api/v1/roll-calls/{RC2}/finish", ""},
      {"POST", "/api/v1/users", "/api/v1/users",
       R"({"username":"overreach","display_name":"x","password":"Hengyang-safe-7","role":"duty_officer","jurisdiction":"430407"})"},
      {"POST", "/api/v1/users/{id}/password", "/api/v1/users/{U1}/password",
       R"({"password":"Hengyang-safe-7"})"},
  };
  for (auto [h, target] :
       {std::pair{"{H1}", Target::kForeignCounty}, {"{H2}", Target::kForeignEnterprise}}) {
    std::string base = std::string("/api/v1/hazards/") + h;
    p.push_back({"POST", "/api/v1/hazards/{id}/attachments", base + "/attachments?name=p.png", kPng,
                 true, target});
    p.push_back({"POST", "/api/v1/hazards/{id}/progress", base + "/progress", R"({"note":"越权"})",
                 true, target});
    p.push_back({"POST", "/api/v1/hazards/{id}/supervision", base + "/supervision",
                 R"({"level":"county"})", true, target});
    p.push_back(
        {"POST", "/api/v1/hazards/{id}/transitions", base + "/transitions",
         R"({"to":"rectifying","plan":{"responsible_person":"x","measures":"x","funds_fen":1,"deadline":1790000000000,"contingency_plan":"x"}})",
         true, target});
    p.push_back({"POST", "/api/v1/hazards/{id}/escalations", base + "/escalations",
                 R"({"kind":"suggestion_letter","note":"越权"})", true, target});
  }
  for (const char* action : {"ring", "answer", "no_answer", "assess"}) {
    p.push_back({"POST", std::string("/api/v1/roll-calls/{id}/rooms/{room}/") + action,
                 std::string("/api/v1/roll-calls/{RC2}/rooms/430407/") + action,
                 std::string(action) == "assess" ? R"({"assessment":"good"})" : ""});
  }
  return p;
}

TEST_P(ScopeMatrix, NoRouteGivesAnyRoleAForeignRecord) {
  auto table = probes();
  std::set<std::string> covered;
  for (const auto& p : table) covered.insert(p.method + " " + p.pattern);
  for (const auto& route : t.app().router().routes()) {
    if (route.pattern == "/api/v1/testing/clock") continue;  // only with testing_clock, not here
    EXPECT_TRUE(covered.count(route.method + " " + route.pattern))
        << "no scope probe for " << route.method << " " << route.pattern;
  }
  int probes_run = 0, refused = 0;
  for (const auto& v : viewers()) {
    for (const auto& p : table) {
      // A write at 邻家企业 is allowed to the county's own government: not a probe for them.
      if (p.target == Target::kForeignEnterprise && p.must_refuse && !v.foreign_enterprise)
        continue;
      std::string token = t.login(v.username);  // a fresh session: logout is among the probes
      std::string path = fill(p.path), body = fill(p.body);
      std::map<std::string, std::string> headers{{"Authorization", "Bearer " + token}};
      auto r = t.client().request(p.method, path, body, headers);
      ++probes_run;
      bool ok = r.status / 100 == 2;
      if (!ok) ++refused;
      if (p.must_refuse) {
        EXPECT_FALSE(ok) << p.method << " " << path << " as " << v.username << ": " << r.body;
      }
      if (!ok) continue;
      // A workbook is a zip: its cells are what a reader sees.
      std::string seen = r.headers["content-type"].find("spreadsheetml") != std::string::npos
                             ? xlsxText(r.body)
                             : r.body;
      for (const auto& marker : v.foreign) {
        EXPECT_EQ(seen.find(marker), std::string::npos)
            << p.method << " " << path << " as " << v.username << " shows " << marker;
      }
    }
  }
  EXPECT_GT(refused, probes_run / 3);  // the table does reach foreign records
  // Nothing foreign was changed by any of it.
  std::string admin = t.login("admin");
  for (const char* e : {"E1", "E2"}) {
    EXPECT_EQ(
        t.client().get("/api/v1/enterprises/" + ids[e], admin).json().at("version").as_int64(), 1)
        << e;
  }
  EXPECT_EQ(t.app().auth().findByUsername("duty-430407").value()->version, 1);
  for (const char* h : {"H1", "H2"}) {
    auto got = t.client().get("/api/v1/hazards/" + ids[h], admin).json();
    EXPECT_EQ(got.at("state"), "assigned") << h;
    EXPECT_EQ(got.at("attachments").as_array().size(), 1u) << h;
  }
  auto rc2 = t.client().get("/api/v1/roll-calls/" + ids["RC2"], t.login("commander")).json();
  EXPECT_EQ(rc2.at("state"), "running");
}

TEST_P(ScopeMatrix, NoEventOfAForeignRecordReachesAnyRole) {
  std::vector<std::unique_ptr<WsClient>> sockets;
  for (const auto& v : viewers()) {
    sockets.push_back(std::make_unique<WsClient>(
        t.port(), "/api/v1/events",
        std::map<std::string, std::string>{{"Authorization", "Bearer " + t.login(v.username)}}));
    ASSERT_TRUE(sockets.back()->ok()) << v.username;
  }
  WsClient control(t.port(), "/api/v1/events",
                   {{"Authorization", "Bearer " + t.login("commander")}});
  ASSERT_TRUE(control.ok());
  for (int i = 0; i < 100 && t.app().server().wsClients() < sockets.size() + 1; ++i) usleep(10'000);
  // Foreign writes of every kind that publishes an event.
  std::string admin = t.login("admin"), shigu = t.login("duty-430407"),
              qidong = t.login("duty-430426");
  ASSERT_EQ(t.client()
                .patch("/api/v1/enterprises/" + ids["E1"],
                       R"({"version":1,"address":"外县企业XQ1新址"})", admin)
                .status,
            200);
  ASSERT_EQ(t.client()
                .patch("/api/v1/enterprises/" + ids["E2"],
                       R"({"version":1,"address":"邻家企业XQ2新址"})", admin)
                .status,
            200);
  ASSERT_EQ(t.client()
                .patch("/api/v1/users/" + ids["U1"],
                       R"({"version":1,"display_name":"duty-430407 值班"})", admin)
                .status,
            200);
  // A minute after the set-up's notices, so that the next notice's period holds these hazards.
  t.clock.advance(60'000);
  hazardAt(ids["E1"], "hazardous_chemicals", "外县隐患XQ3又一", shigu);
  hazardAt(ids["E2"], "construction", "邻企隐患XQ4又一", qidong);
  post("/api/v1/intake/" + ids["I1"] + "/pass-up", "", shigu, 200);
  post("/api/v1/notices", "{}", shigu);
  post("/api/v1/roll-calls/" + ids["RC2"] + "/rooms/430407/ring", "", t.login("commander"), 200);
  // The control sees them all; the foreign-record markers never reach a viewer not allowed them.
  int seen = 0;
  for (std::string m; !(m = control.next(1000)).empty();) ++seen;
  EXPECT_GE(seen, 8);
  for (std::size_t i = 0; i < sockets.size(); ++i) {
    const Viewer& v = viewers()[i];
    for (std::string m; !(m = sockets[i]->next(300)).empty();) {
      auto msg = bj::parse(m).as_object();
      std::string type(msg.at("type").as_string()), where(msg.at("jurisdiction").as_string());
      for (const auto& marker : v.foreign) {
        EXPECT_EQ(m.find(marker), std::string::npos) << v.username << " got " << type << ": " << m;
      }
      EXPECT_NE(where, "430407") << v.username << " got " << m;
      // None of these writes concern the enterprise officer's own enterprise.
      if (v.username == "ent-430426") {
        ADD_FAILURE() << "ent-430426 got " << m;
      }
      // 应急管理局 leads no construction: nothing of 邻家企业 or its hazards.
      if (v.username == "dept-430426") {
        const auto& data = msg.at("data");
        EXPECT_FALSE(data.is_object() && data.as_object().contains("sector") &&
                     data.at("sector") == "construction")
            << m;
        EXPECT_FALSE(type.rfind("enterprise.", 0) == 0 &&
                     std::to_string(data.at("id").as_int64()) == ids["E2"])
            << m;
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Engines, ScopeMatrix,
                         ::testing::Values(db::Engine::kSqlite, db::Engine::kPostgres),
                         [](const auto& info) {
                           return info.param == db::Engine::kSqlite ? "Sqlite" : "Postgres";
                         });

}  // namespace
}  // namespace anlan::test

// The API end to end: a real server on a free port, real HTTP, a real database.
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <thread>

#include "audit/audit.h"
#include "core/csv.h"
#include "support/test_app.h"

namespace anlan::test {
namespace {

namespace bj = boost::json;

std::string loginBody(const std::string& user, const std::string& pw) {
  return bj::serialize(bj::object{{"username", user}, {"password", pw}});
}

class Api : public ::testing::TestWithParam<db::Engine> {
 protected:
  TestApp t{{.engine = GetParam()}};
};

TEST_P(Api, LoginMeLogout) {
  auto r = t.client().post("/api/v1/auth/login", loginBody("duty-430426", kPassword));
  ASSERT_EQ(r.status, 200) << r.body;
  std::string token(r.json().at("token").as_string());
  EXPECT_NE(r.headers["set-cookie"].find("anlan_session=" + token), std::string::npos);
  EXPECT_NE(r.headers["set-cookie"].find("HttpOnly"), std::string::npos);
  EXPECT_NE(r.headers["set-cookie"].find("SameSite=Strict"), std::string::npos);
  EXPECT_EQ(r.json().at("user").at("jurisdiction").as_string(), "430426");

  auto me = t.client().get("/api/v1/me", token);
  ASSERT_EQ(me.status, 200);
  EXPECT_EQ(me.json().at("username").as_string(), "duty-430426");
  EXPECT_EQ(me.json().at("jurisdiction_name").as_string(), "祁东县");
  EXPECT_FALSE(me.json().as_object().contains("password_hash"));

  ASSERT_EQ(t.client().post("/api/v1/auth/logout", "", token).status, 200);
  auto after = t.client().get("/api/v1/me", token);
  EXPECT_EQ(after.status, 401);
  EXPECT_EQ(after.errorCode(), "unauthenticated");
}

TEST_P(Api, ConcurrentUpdatesOneWinsTheOtherGets409) {
  std::string admin = t.login("admin");
  std::int64_t id = t.userId("duty-430407");
  std::string path = "/api/v1/users/" + std::to_string(id);
  std::atomic<int> ok{0}, conflict{0}, other{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 6; ++i) {
    threads.emplace_back([&, i] {
      auto r = t.client().patch(
          path, R"({"version":1,"display_name":"改名)" + std::to_string(i) + "\"}", admin);
      (r.status == 200 ? ok : r.status == 409 ? conflict : other)++;
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(ok.load(), 1);
  EXPECT_EQ(conflict.load(), 5);
  EXPECT_EQ(other.load(), 0);
  auto now = t.client().get(path, admin);
  EXPECT_EQ(now.json().at("version").as_int64(), 2);
  // Exactly one audit record of the update.
  audit::Filter f;
  f.entity = "user";
  f.entity_id = std::to_string(id);
  f.action = "update";
  EXPECT_EQ(audit::list(t.app().db(), f).value().size(), 1u);
}

TEST_P(Api, CreateUserValidatesAndAudits) {
  std::string admin = t.login("admin");
  auto bad = t.client().post(
      "/api/v1/users",
      R"({"username":"new-officer","display_name":"新值班员","password":"short","role":"duty_officer","jurisdiction":"430426"})",
      admin);
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.errorField(), "password");
  auto badj = t.client().post(
      "/api/v1/users",
      R"({"username":"new-officer","display_name":"新值班员","password":"Long-enough-1","role":"duty_officer","jurisdiction":"999999"})",
      admin);
  EXPECT_EQ(badj.errorField(), "jurisdiction");
  auto typo = t.client().post("/api/v1/users", R"({"usernme":"x"})", admin);
  EXPECT_EQ(typo.errorField(), "usernme");
  EXPECT_FALSE(
      t.app().auth().findByUsername("new-officer").value().has_value());  // nothing changed

  auto good = t.client().post(
      "/api/v1/users",
      R"({"username":"new-officer","display_name":"新值班员","password":"Long-enough-1","role":"duty_officer","jurisdiction":"430426"})",
      admin);
  ASSERT_EQ(good.status, 201) << good.body;
  auto dup = t.client().post(
      "/api/v1/users",
      R"({"username":"new-officer","display_name":"x","password":"Long-enough-1","role":"duty_officer","jurisdiction":"430426"})",
      admin);
  EXPECT_EQ(dup.status, 409);
  EXPECT_EQ(dup.errorField(), "username");
  EXPECT_EQ(t.client().post("/api/v1/auth/login", loginBody("new-officer", "Long-enough-1")).status,
            200);

  audit::Filter f;
  f.entity = "user";
  f.action = "create";
  f.entity_id = std::to_string(good.json().at("id").as_int64());
  auto records = audit::list(t.app().db(), f).value();
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].actor.name, "admin");
  EXPECT_TRUE(audit::verify(t.app().db()).value().ok);
}

TEST_P(Api, RestartKeepsEveryAcknowledgedWrite) {
  std::string admin = t.login("admin");
  std::vector<std::string> made;
  for (int i = 0; i < 20; ++i) {
    std::string name = "kept-" + std::to_string(i);
    auto r = t.client().post(
        "/api/v1/users",
        R"({"username":")" + name +
            R"(","display_name":"x","password":"Long-enough-1","role":"duty_officer","jurisdiction":"430421"})",
        admin);
    if (r.status == 201) made.push_back(name);
  }
  ASSERT_EQ(made.size(), 20u);
  t.restart();
  for (const auto& name : made) {
    EXPECT_TRUE(t.app().auth().findByUsername(name).value().has_value()) << name;
  }
  // The old session survives the restart too: sessions live in the database.
  EXPECT_EQ(t.client().get("/api/v1/me", admin).status, 200);
  EXPECT_TRUE(audit::verify(t.app().db()).value().ok);
}

// An administrator binds an enterprise officer only to an enterprise that exists, lies in their
// own jurisdiction, and only for that role.
TEST_P(Api, EnterpriseOfficersAreBoundOnlyToEnterprisesInTheAdministratorsScope) {
  auth::NewUser county_admin{
      "admin-430426", "祁东县管理员", kPassword, "admin", "430426", {}, {}, {}};
  ASSERT_TRUE(t.app().auth().createUser(nullptr, county_admin).ok());
  std::string admin = t.login("admin-430426");
  std::int64_t own = t.addEnterprise("430426", "mining", "祁东县某矿业有限公司");
  std::int64_t foreign = t.addEnterprise("430407", "mining", "石鼓区某矿业有限公司");
  int n = 0;
  auto create = [&](const std::string& role, const std::string& enterprise) {
    std::string body = R"({"username":"ent-officer-)" + std::to_string(n++) +
                       R"(","display_name":"安全员","password":"Hengyang-safe-7","role":")" + role +
                       R"(","jurisdiction":"430426")" +
                       (enterprise.empty() ? "" : R"(,"enterprise_id":)" + enterprise) + "}";
    return t.client().post("/api/v1/users", body, admin);
  };
  for (const std::string& bad : {std::to_string(foreign), std::string("999999")}) {
    auto r = create("enterprise_officer", bad);
    EXPECT_EQ(r.status, 400) << r.body;
    EXPECT_EQ(r.errorField(), "enterprise_id");
  }
  // The two refusals read the same: nothing tells whether a foreign enterprise exists.
  EXPECT_EQ(create("enterprise_officer", std::to_string(foreign)).json().at("error").at("message"),
            create("enterprise_officer", "999999").json().at("error").at("message"));
  EXPECT_EQ(create("duty_officer", std::to_string(own)).errorField(), "enterprise_id");
  EXPECT_EQ(create("enterprise_officer", "").errorField(), "enterprise_id");
  auto made = create("enterprise_officer", std::to_string(own));
  ASSERT_EQ(made.status, 201) << made.body;
  EXPECT_EQ(made.json().at("enterprise_id").as_int64(), own);
  auto users = t.client().get("/api/v1/users?q=ent-officer", admin).json();
  EXPECT_EQ(users.at("items").as_array().size(), 1u);  // nothing of the refused ones was kept
  // Nor does a change of role make an unbound enterprise officer, or keep a binding without it.
  std::int64_t duty = t.userId("duty-430426");
  auto rebound = t.client().patch("/api/v1/users/" + std::to_string(duty),
                                  R"({"version":1,"role":"enterprise_officer"})", admin);
  EXPECT_EQ(rebound.status, 400) << rebound.body;
  EXPECT_EQ(rebound.errorField(), "role");
  std::string id = std::to_string(made.json().at("id").as_int64());
  auto away =
      t.client().patch("/api/v1/users/" + id, R"({"version":1,"role":"duty_officer"})", admin);
  ASSERT_EQ(away.status, 200) << away.body;
  EXPECT_TRUE(away.json().at("enterprise_id").is_null());
}

// Passwords equal to or built on the username, and common ones, are refused at the field.
TEST_P(Api, WeakPasswordsAreRefusedAtTheirField) {
  std::string admin = t.login("admin");
  for (const char* pw : {"Password123", "newuser-2026", "qwertyuiop1"}) {
    auto r =
        t.client().post("/api/v1/users",
                        std::string(R"({"username":"newuser","display_name":"x","password":")") +
                            pw + R"(","role":"duty_officer","jurisdiction":"430426"})",
                        admin);
    EXPECT_EQ(r.status, 400) << pw << ": " << r.body;
    EXPECT_EQ(r.errorField(), "password") << pw;
  }
  auto reset =
      t.client().post("/api/v1/users/" + std::to_string(t.userId("duty-430407")) + "/password",
                      R"({"password":"duty-430407-a"})", admin);
  EXPECT_EQ(reset.errorField(), "password");
}

INSTANTIATE_TEST_SUITE_P(Engines, Api,
                         ::testing::Values(db::Engine::kSqlite, db::Engine::kPostgres),
                         [](const auto& info) { return std::string(engineName(info.param)); });

// The rest runs on SQLite only: it exercises the HTTP layer and the services, not the engine.
class Http : public ::testing::Test {
 protected:
  TestApp t;
};

TEST_F(Http, ErrorsHaveOneShape) {
  auto unknown = t.client().get("/api/v1/nothing-here");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(unknown.errorCode(), "not_found");
  auto method = t.client().request("DELETE", "/api/v1/me");
  EXPECT_EQ(method.status, 405);
  EXPECT_EQ(method.errorCode(), "method_not_allowed");
  auto malformed = t.client().post("/api/v1/auth/login", "{\"username\": ");
  EXPECT_EQ(malformed.status, 400);
  EXPECT_EQ(malformed.errorField(), "body");
  auto missing = t.client().post("/api/v1/auth/login", R"({"username":"admin"})");
  EXPECT_EQ(missing.status, 400);
  EXPECT_EQ(missing.errorField(), "password");
  // A body over the limit is refused from its Content-Length, before it is read.
  int fd = connectTo(t.port());
  ASSERT_TRUE(sendAll(
      fd, "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: 9000000\r\n\r\n{"));
  auto big = readResponse(fd);
  ::close(fd);
  EXPECT_EQ(big.status, 413);
  EXPECT_EQ(big.errorCode(), "payload_too_large");
  auto bigHeader =
      t.client().request("GET", "/healthz", "", {{"X-Big", std::string(64 * 1024, 'h')}});
  EXPECT_EQ(bigHeader.status, 413);
  auto badId = t.client().get("/api/v1/users/abc", t.login("admin"));
  EXPECT_EQ(badId.status, 404);
  EXPECT_FALSE(unknown.headers["x-request-id"].empty());
}

TEST_F(Http, HealthMetricsAndOpenApi) {
  auto h = t.client().get("/healthz");
  ASSERT_EQ(h.status, 200);
  EXPECT_EQ(h.json().at("database").as_string(), "reachable");
  t.client().get("/api/v1/me");
  auto m = t.client().get("/metrics");
  ASSERT_EQ(m.status, 200);
  EXPECT_NE(
      m.body.find("anlan_http_requests_total{method=\"GET\",route=\"/api/v1/me\",status=\"401\"}"),
      std::string::npos);
  EXPECT_NE(m.body.find("anlan_db_pool_connections"), std::string::npos);
  EXPECT_NE(m.body.find("anlan_websocket_clients 0"), std::string::npos);
  auto spec = t.client().get("/api/v1/openapi.json");
  ASSERT_EQ(spec.status, 200);
  auto doc = spec.json();
  ASSERT_TRUE(doc.is_object());
  EXPECT_EQ(std::string(doc.at("openapi").as_string()).substr(0, 2), "3.");
}

TEST_F(Http, EveryRouteIsInTheOpenApiDocumentAndNothingElse) {
  auto doc = t.client().get("/api/v1/openapi.json").json();
  std::set<std::string> documented, served;
  for (const auto& [path, item] : doc.at("paths").as_object()) {
    for (const auto& [method, op] : item.as_object()) {
      std::string m(method);
      if (m == "parameters" || m == "summary" || m == "description") continue;
      for (auto& c : m) c = static_cast<char>(std::toupper(c));
      documented.insert(m + " " + std::string(path));
    }
  }
  for (const auto& r : t.app().router().routes()) served.insert(r.method + " " + r.pattern);
  served.insert("GET /api/v1/events");  // the WebSocket upgrade
  EXPECT_EQ(documented, served);
}

TEST_F(Http, SessionsExpireWhenIdleAndAbsolutely) {
  std::string token = t.login("commander");
  t.clock.advance(29 * 60 * 1000);
  EXPECT_EQ(t.client().get("/api/v1/me", token).status, 200);  // activity renews the idle timer
  t.clock.advance(29 * 60 * 1000);
  EXPECT_EQ(t.client().get("/api/v1/me", token).status, 200);
  t.clock.advance(31 * 60 * 1000);
  auto idle = t.client().get("/api/v1/me", token);
  EXPECT_EQ(idle.status, 401);

  std::string busy = t.login("commander");
  for (int i = 0; i < 12 * 3; ++i) {  // 12 hours of activity every 20 minutes
    t.clock.advance(20 * 60 * 1000);
    if (t.client().get("/api/v1/me", busy).status != 200) break;
  }
  EXPECT_EQ(t.client().get("/api/v1/me", busy).status, 401);
}

TEST_F(Http, ThrottlesSignInsWithRetryAfterAndSameAnswerForUnknownUsers) {
  auto wrong = t.client().post("/api/v1/auth/login", loginBody("commander", "Wrong-pass-1"));
  auto unknown = t.client().post("/api/v1/auth/login", loginBody("nobody-here", "Wrong-pass-1"));
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(wrong.body, unknown.body);
  for (int i = 0; i < 3; ++i)
    t.client().post("/api/v1/auth/login", loginBody("commander", "Wrong-pass-1"));
  auto fifth = t.client().post("/api/v1/auth/login", loginBody("commander", "Wrong-pass-1"));
  EXPECT_EQ(fifth.status, 401);
  auto blocked = t.client().post("/api/v1/auth/login", loginBody("commander", kPassword));
  EXPECT_EQ(blocked.status, 429);  // even the right password waits
  EXPECT_FALSE(blocked.headers["retry-after"].empty());
  EXPECT_EQ(blocked.errorCode(), "resource_exhausted");
  EXPECT_EQ(t.client().post("/api/v1/auth/login", loginBody("admin", kPassword)).status, 200);
  t.clock.advance(15 * 60 * 1000 + 1);
  EXPECT_EQ(t.client().post("/api/v1/auth/login", loginBody("commander", kPassword)).status, 200);
}

// Guessing at the administrator's password from one address holds that address back; the
// administrator still signs in from their own.
TEST_F(Http, NobodyLocksAnAccountOutFromElsewhere) {
  auto login = [&](const std::string& password, const std::string& addr) {
    return t.app().auth().login({"admin", password, addr, "test"});
  };
  for (int i = 0; i < 5; ++i)
    EXPECT_EQ(login("Wrong-pass-1", "10.0.0.9").error().code, Code::kUnauthenticated);
  EXPECT_EQ(login(kPassword, "10.0.0.9").error().code, Code::kResourceExhausted);
  EXPECT_TRUE(login(kPassword, "10.0.0.1").ok());
  // Twenty failures from one address, over any usernames, hold the address back.
  for (int i = 0; i < 20; ++i)
    (void)t.app().auth().login({"user-" + std::to_string(i), "Wrong-pass-1", "10.0.0.7", ""});
  EXPECT_EQ(t.app().auth().login({"commander", kPassword, "10.0.0.7", ""}).error().code,
            Code::kResourceExhausted);
  EXPECT_TRUE(t.app().auth().login({"commander", kPassword, "10.0.0.8", ""}).ok());
}

TEST_F(Http, CookieWritesNeedTheCsrfToken) {
  auto r = t.client().post("/api/v1/auth/login", loginBody("admin", kPassword));
  std::string token(r.json().at("token").as_string());
  std::string csrf(r.json().at("csrf_token").as_string());
  std::map<std::string, std::string> cookie{{"Cookie", "anlan_session=" + token}};
  EXPECT_EQ(t.client().request("GET", "/api/v1/me", "", cookie).status, 200);
  std::int64_t id = t.userId("duty-430405");
  std::string path = "/api/v1/users/" + std::to_string(id);
  std::string body = R"({"version":1,"phone":"0734-1234567"})";
  auto without = t.client().request("PATCH", path, body, cookie);
  EXPECT_EQ(without.status, 403);
  auto forged = cookie;
  forged["X-CSRF-Token"] = "0123456789abcdef0123456789abcdef";
  EXPECT_EQ(t.client().request("PATCH", path, body, forged).status, 403);
  EXPECT_EQ(t.app().auth().findByUsername("duty-430405").value()->version, 1);  // nothing changed
  auto with = cookie;
  with["X-CSRF-Token"] = csrf;
  EXPECT_EQ(t.client().request("PATCH", path, body, with).status, 200);
  // Bearer clients are not cookie-borne and need no CSRF token.
  EXPECT_EQ(t.client().patch(path, R"({"version":2,"phone":""})", token).status, 200);
}

TEST_F(Http, DeactivatingOrResettingEndsSessions) {
  std::string admin = t.login("admin");
  std::string duty = t.login("duty-430423");
  std::int64_t id = t.userId("duty-430423");
  auto r = t.client().patch("/api/v1/users/" + std::to_string(id),
                            R"({"version":1,"active":false})", admin);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(t.client().get("/api/v1/me", duty).status, 401);
  EXPECT_EQ(t.client().post("/api/v1/auth/login", loginBody("duty-430423", kPassword)).status, 401);

  std::string other = t.login("duty-430424");
  std::int64_t oid = t.userId("duty-430424");
  ASSERT_EQ(t.client()
                .post("/api/v1/users/" + std::to_string(oid) + "/password",
                      R"({"password":"Brand-new-pass-9"})", admin)
                .status,
            200);
  EXPECT_EQ(t.client().get("/api/v1/me", other).status, 401);
  EXPECT_EQ(
      t.client().post("/api/v1/auth/login", loginBody("duty-430424", "Brand-new-pass-9")).status,
      200);
}

TEST_F(Http, ACountyNeverSeesAnotherCounty) {
  // A county-level administrator of 祁东县, created by the city administrator.
  std::string city = t.login("admin");
  ASSERT_EQ(
      t.client()
          .post(
              "/api/v1/users",
              R"({"username":"admin-430426","display_name":"祁东县管理员","password":"County-admin-1","role":"admin","jurisdiction":"430426"})",
              city)
          .status,
      201);
  auto login = t.client().post("/api/v1/auth/login", loginBody("admin-430426", "County-admin-1"));
  std::string county(login.json().at("token").as_string());
  std::int64_t shigu = t.userId("duty-430407");
  std::string path = "/api/v1/users/" + std::to_string(shigu);
  EXPECT_EQ(t.client().get(path, county).status, 404);
  EXPECT_EQ(t.client().patch(path, R"({"version":1,"display_name":"x"})", county).status, 404);
  EXPECT_EQ(t.client().post(path + "/password", R"({"password":"Hijacked-pass-1"})", county).status,
            404);
  EXPECT_EQ(t.client().get("/api/v1/jurisdictions/430407", county).status, 404);
  auto create = t.client().post(
      "/api/v1/users",
      R"({"username":"spy","display_name":"x","password":"Long-enough-1","role":"duty_officer","jurisdiction":"430407"})",
      county);
  EXPECT_EQ(create.status, 403);
  // Moving its own user into 石鼓区 is refused too.
  std::int64_t own = t.userId("duty-430426");
  auto move = t.client().patch("/api/v1/users/" + std::to_string(own),
                               R"({"version":1,"jurisdiction":"430407"})", county);
  EXPECT_EQ(move.status, 403);
  auto list = t.client().get("/api/v1/users?limit=500", county);
  ASSERT_EQ(list.status, 200);
  auto users = list.json();
  for (const auto& u : users.at("items").as_array()) {
    EXPECT_EQ(u.at("jurisdiction").as_string(), "430426");
  }
  auto firms = t.client().get("/api/v1/enterprises?limit=500", county).json();
  ASSERT_FALSE(firms.at("items").as_array().empty());
  for (const auto& e : firms.at("items").as_array()) {
    EXPECT_EQ(std::string(e.at("jurisdiction").as_string()).substr(0, 6), "430426");
  }
  auto other = t.client().get("/api/v1/enterprises?jurisdiction=430407", county).json();
  EXPECT_TRUE(other.at("items").as_array().empty());
  auto audit = t.client().get("/api/v1/audit?limit=500", county);
  ASSERT_EQ(audit.status, 200);
  auto records = audit.json();
  ASSERT_FALSE(records.at("items").as_array().empty());
  for (const auto& a : records.at("items").as_array()) {
    EXPECT_EQ(std::string(a.at("jurisdiction").as_string()).substr(0, 6),
              "430426");  // it or a township
  }
  auto tree = t.client().get("/api/v1/jurisdictions", county).json();
  EXPECT_EQ(tree.at("items").as_array().size(), 25u);  // the county and its 24 townships
  for (const auto& j : tree.at("items").as_array()) {
    EXPECT_EQ(std::string(j.at("code").as_string()).substr(0, 6), "430426");
  }
}

TEST_F(Http, ListsPageByCursor) {
  std::string admin = t.login("admin");
  std::set<std::int64_t> seen;
  std::string cursor;
  int pages = 0;
  for (;;) {
    auto r = t.client().get("/api/v1/users?limit=5" + (cursor.empty() ? "" : "&cursor=" + cursor),
                            admin);
    ASSERT_EQ(r.status, 200);
    auto page = r.json();
    for (const auto& u : page.at("items").as_array())
      EXPECT_TRUE(seen.insert(u.at("id").as_int64()).second);
    ++pages;
    auto next = page.at("next_cursor");
    if (next.is_null()) break;
    cursor = std::string(next.as_string());
  }
  EXPECT_EQ(seen.size(), 19u);
  EXPECT_EQ(pages, 4);
  // The same list as a file: every user the filters select.
  auto file = t.client().get("/api/v1/users?format=csv&role=duty_officer", admin);
  ASSERT_EQ(file.status, 200);
  auto rows = csv::parse(file.body).value();
  EXPECT_EQ(rows.size(), 1u + 15u);  // header and the 15 duty officers
  for (std::size_t i = 1; i < rows.size(); ++i)
    EXPECT_EQ(rows[i][3], "县区值班员");  // names, not codes
  auto audit = t.client().get("/api/v1/audit?format=xlsx&entity=user", admin);
  EXPECT_EQ(audit.status, 200);
  EXPECT_EQ(audit.body.substr(0, 2), "PK");
  auto audit_csv =
      csv::parse(t.client().get("/api/v1/audit?format=csv&entity=user&action=create", admin).body)
          .value();
  EXPECT_EQ(audit_csv.size(), 1u + 19u);  // one creation record per demo account
  // As people read it: Chinese headers and names of object types, actions and places.
  EXPECT_EQ(audit_csv[0][3], "对象类型");
  for (std::size_t i = 1; i < audit_csv.size(); ++i) {
    EXPECT_EQ(audit_csv[i][3], "用户");
    EXPECT_EQ(audit_csv[i][5], "新建");
  }
  auto coded =
      csv::parse(t.client()
                     .get("/api/v1/audit?format=csv&codes=true&entity=user&action=create", admin)
                     .body)
          .value();
  EXPECT_EQ(coded[0][3], "entity");
  EXPECT_EQ(coded[1][5], "create");
  EXPECT_EQ(t.client().get("/api/v1/users?format=pdf", admin).errorField(), "format");
  EXPECT_EQ(t.client().get("/api/v1/users?limit=0", admin).errorField(), "limit");
  EXPECT_EQ(t.client().get("/api/v1/users?cursor=x", admin).errorField(), "cursor");
}

}  // namespace
}  // namespace anlan::test

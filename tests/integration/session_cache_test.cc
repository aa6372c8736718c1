// Sessions held in the in-process cache (auth/session_cache.h) behave as if every request read
// the database: what this server changes takes effect at once, activity still keeps a session
// alive, and changes made elsewhere (another node, the CLI) are seen within the cache lifetime.
#include <gtest/gtest.h>

#include "auth/store.h"
#include "support/test_app.h"

namespace anlan::test {
namespace {

// A signed-in user whose session is in the cache: asked for twice, so the second answer came
// from it.
std::string cachedLogin(TestApp& t, const std::string& username) {
  std::string token = t.login(username);
  EXPECT_EQ(t.client().get("/api/v1/me", token).status, 200);
  EXPECT_EQ(t.client().get("/api/v1/me", token).status, 200);
  return token;
}

std::string versionOf(TestApp& t, const std::string& admin, std::int64_t id) {
  auto u = t.client().get("/api/v1/users/" + std::to_string(id), admin);
  return std::to_string(u.json().at("version").as_int64());
}

// When the stored session was last seen (its idle timer), read straight from the database.
Millis lastSeen(TestApp& t, const std::string& username) {
  Millis out = 0;
  Status s = t.app().db().read([&](db::Conn& c) -> Status {
    TRY(auto rows, c.query("SELECT MAX(last_seen_at) FROM sessions WHERE user_id = ?",
                           {db::Value(t.userId(username))}));
    out = rows[0].i64(0);
    return {};
  });
  EXPECT_TRUE(s.ok());
  return out;
}

TEST(SessionCache, ChangesMadeHereTakeEffectAtOnce) {
  TestApp t;
  std::string admin = t.login("admin");

  std::string leaving = cachedLogin(t, "duty-430421");
  ASSERT_EQ(t.client().post("/api/v1/auth/logout", "", leaving).status, 200);
  EXPECT_EQ(t.client().get("/api/v1/me", leaving).status, 401);

  std::string deactivated = cachedLogin(t, "duty-430422");
  std::int64_t id = t.userId("duty-430422");
  ASSERT_EQ(t.client()
                .patch("/api/v1/users/" + std::to_string(id),
                       R"({"version":)" + versionOf(t, admin, id) + R"(,"active":false})", admin)
                .status,
            200);
  EXPECT_EQ(t.client().get("/api/v1/me", deactivated).status, 401);

  std::string reset = cachedLogin(t, "duty-430423");
  ASSERT_EQ(t.client()
                .post("/api/v1/users/" + std::to_string(t.userId("duty-430423")) + "/password",
                      R"({"password":"Brand-new-pass-9"})", admin)
                .status,
            200);
  EXPECT_EQ(t.client().get("/api/v1/me", reset).status, 401);

  // A commander may list users; moved to duty officer, the very next request may not.
  std::string demoted = cachedLogin(t, "commander");
  ASSERT_EQ(t.client().get("/api/v1/users", demoted).status, 200);
  std::int64_t cid = t.userId("commander");
  ASSERT_EQ(
      t.client()
          .patch("/api/v1/users/" + std::to_string(cid),
                 R"({"version":)" + versionOf(t, admin, cid) + R"(,"role":"duty_officer"})", admin)
          .status,
      200);
  auto me = t.client().get("/api/v1/me", demoted);
  ASSERT_EQ(me.status, 200);
  EXPECT_EQ(me.json().at("role").as_string(), "duty_officer");
  EXPECT_EQ(t.client().get("/api/v1/users", demoted).status, 403);
}

TEST(SessionCache, RequestsAnsweredFromTheCacheStillCountAsActivity) {
  TestApp t;
  std::string token = t.login("commander");
  Millis signed_in = t.clock.now();
  // A request every 3 s (well inside the cache lifetime) for 40 minutes, longer than the
  // 30-minute idle limit: the session stays alive throughout.
  for (int i = 1; i <= 40 * 20; ++i) {
    t.clock.advance(3'000);
    ASSERT_EQ(t.client().get("/api/v1/me", token).status, 200) << "after " << i * 3 << " s";
    Millis seen = lastSeen(t, "commander");
    // The idle timer is written at most once a minute, and never falls further behind.
    ASSERT_GT(seen + 60'000, t.clock.now()) << "after " << i * 3 << " s";
    if (i * 3'000 < 60'000) {
      ASSERT_EQ(seen, signed_in);  // not yet due
    }
  }
  t.clock.advance(31 * 60'000);
  EXPECT_EQ(t.client().get("/api/v1/me", token).status, 401);
}

// What another process does to the database directly, as the CLI or a second node would.
void revokeElsewhere(TestApp& t, const std::string& username) {
  Status s = t.app().db().write([&](db::Conn& c) {
    return auth::store::revokeUserSessions(c, t.userId(username), t.clock.now());
  });
  ASSERT_TRUE(s.ok()) << s.error().message;
}

TEST(SessionCache, ChangesMadeElsewhereAreSeenWithinTheCacheLifetime) {
  TestApp t;
  ASSERT_EQ(t.config.session_cache_seconds, 5);
  std::string token = cachedLogin(t, "duty-430426");
  revokeElsewhere(t, "duty-430426");
  t.clock.advance(5'000);
  EXPECT_EQ(t.client().get("/api/v1/me", token).status, 401);
}

TEST(SessionCache, ALifetimeOfZeroReadsTheDatabaseEveryTime) {
  TestApp t({.tweak = [](Config& c) { c.session_cache_seconds = 0; }});
  std::string token = cachedLogin(t, "duty-430426");
  revokeElsewhere(t, "duty-430426");
  EXPECT_EQ(t.client().get("/api/v1/me", token).status, 401);
}

}  // namespace
}  // namespace anlan::test

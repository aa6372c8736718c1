#include "auth/session_cache.h"

#include <gtest/gtest.h>

namespace anlan::auth {
namespace {

SessionCache::Entry entry(std::int64_t user_id, Millis read_at) {
  return {access::User{.id = user_id, .username = "u" + std::to_string(user_id)},
          access::Scope(),
          "csrf",
          read_at + 3'600'000,
          read_at,
          read_at};
}

TEST(SessionCache, AnswersOnlyWithinItsLifetime) {
  SessionCache cache(5'000, 100);
  cache.put("a", entry(1, 1'000), cache.ticket());
  ASSERT_TRUE(cache.find("a", 1'000).has_value());
  EXPECT_EQ(cache.find("a", 5'999)->user.username, "u1");
  EXPECT_FALSE(cache.find("a", 6'000).has_value());  // read 5 s ago: ask the database again
  EXPECT_FALSE(cache.find("a", 999).has_value());    // a clock that went back trusts nothing
  EXPECT_FALSE(cache.find("b", 1'000).has_value());
}

TEST(SessionCache, ForgetsASessionOrEverySessionOfAUser) {
  SessionCache cache(5'000, 100);
  cache.put("a", entry(1, 0), cache.ticket());
  cache.put("b", entry(1, 0), cache.ticket());
  cache.put("c", entry(2, 0), cache.ticket());
  cache.forgetSession("a");
  EXPECT_FALSE(cache.find("a", 0).has_value());
  EXPECT_TRUE(cache.find("b", 0).has_value());
  cache.forgetUser(1);
  EXPECT_FALSE(cache.find("b", 0).has_value());
  EXPECT_TRUE(cache.find("c", 0).has_value());
}

TEST(SessionCache, AReadOlderThanARevocationIsNotStored) {
  SessionCache cache(5'000, 100);
  std::uint64_t before = cache.ticket();  // a request starts reading the database…
  cache.forgetUser(7);                    // …meanwhile the user is deactivated and forgotten…
  cache.put("a", entry(7, 0), before);    // …so what that request read is stale
  EXPECT_FALSE(cache.find("a", 0).has_value());
  cache.put("a", entry(7, 0), cache.ticket());
  EXPECT_TRUE(cache.find("a", 0).has_value());
}

TEST(SessionCache, StaysWithinItsCapacity) {
  SessionCache cache(5'000, 3);
  for (int i = 0; i < 3; ++i) cache.put("old" + std::to_string(i), entry(i, 0), cache.ticket());
  cache.put("new", entry(9, 10'000), cache.ticket());  // the old ones are stale by now
  EXPECT_EQ(cache.size(), 1u);
  for (int i = 0; i < 10; ++i) cache.put("n" + std::to_string(i), entry(i, 10'000), cache.ticket());
  EXPECT_LE(cache.size(), 3u);
  EXPECT_TRUE(cache.find("n9", 10'000).has_value());
}

TEST(SessionCache, ALifetimeOfZeroTurnsItOff) {
  SessionCache cache(0, 100);
  cache.put("a", entry(1, 0), cache.ticket());
  EXPECT_FALSE(cache.find("a", 0).has_value());
  EXPECT_EQ(cache.size(), 0u);
}

}  // namespace
}  // namespace anlan::auth

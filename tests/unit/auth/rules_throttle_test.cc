#include <gtest/gtest.h>

#include "auth/password.h"
#include "auth/rules.h"
#include "auth/throttle.h"

namespace anlan::auth {
namespace {

TEST(Rules, PasswordsAndUsernames) {
  EXPECT_TRUE(validatePassword("Hengyang-duty-7", "duty-430426").ok());
  EXPECT_TRUE(validatePassword("衡阳应急管理局2026", "duty-430426").ok());
  EXPECT_EQ(validatePassword("short1", "x").error().field, "password");
  EXPECT_FALSE(validatePassword("onlyletterslong", "x").ok());
  EXPECT_FALSE(validatePassword("1234567890123", "x").ok());
  // Common passwords (the cracklib dictionary) and the username are refused, naming the field.
  for (const char* common : {"Password123", "qwertyuiop1", "abcdefghi1"}) {
    auto r = validatePassword(common, "duty-430426", "new_password");
    ASSERT_FALSE(r.ok()) << common;
    EXPECT_EQ(r.error().field, "new_password");
  }
  EXPECT_FALSE(validatePassword("admin12345", "admin").ok());
  EXPECT_FALSE(validatePassword("duty-430426-x1", "duty-430426").ok());
  EXPECT_TRUE(passwordDictionaryReady().ok());
  EXPECT_TRUE(validateUsername("duty-430426").ok());
  EXPECT_EQ(validateUsername("a b").error().field, "username");
  EXPECT_FALSE(validateUsername("ab").ok());
}

TEST(Throttle, BlocksAfterLimitUntilWindowPasses) {
  FakeClock clock;
  Throttle t(clock, 60'000);
  for (int i = 0; i < 3; ++i) {
    EXPECT_FALSE(t.blocked("k", 3).has_value());
    t.fail("k");
    clock.advance(1000);
  }
  auto wait = t.blocked("k", 3);
  ASSERT_TRUE(wait.has_value());
  EXPECT_EQ(*wait, 57);  // the first failure leaves the window 60 s after it
  EXPECT_FALSE(t.blocked("other", 3).has_value());
  clock.advance(57'000);
  EXPECT_FALSE(t.blocked("k", 3).has_value());
  t.fail("k");
  t.clear("k");
  EXPECT_FALSE(t.blocked("k", 1).has_value());
}

TEST(Password, HashAndVerify) {
  PasswordHasher h(1, 64, 2);
  auto hash = h.hash("Correct-horse-1");
  ASSERT_TRUE(hash.ok());
  EXPECT_EQ(hash->rfind("$argon2id$", 0), 0u);
  EXPECT_TRUE(h.verify(*hash, "Correct-horse-1"));
  EXPECT_FALSE(h.verify(*hash, "Correct-horse-2"));
  EXPECT_FALSE(h.verify("garbage", "Correct-horse-1"));
}

}  // namespace
}  // namespace anlan::auth

#include <gtest/gtest.h>

#include "auth/password.h"
#include "auth/rules.h"
#include "auth/throttle.h"

namespace anlan::auth {
namespace {

TEST(Rules, RoleTable) {
  EXPECT_TRUE(allowed(Role::kAdmin, Action::kManageUsers));
  EXPECT_TRUE(allowed(Role::kAdmin, Action::kReadAudit));
  EXPECT_FALSE(allowed(Role::kCommander, Action::kManageUsers));
  EXPECT_TRUE(allowed(Role::kCommander, Action::kReadUsers));
  EXPECT_FALSE(allowed(Role::kCommander, Action::kReadAudit));
  for (Role r : {Role::kDutyOfficer, Role::kDepartmentOfficer, Role::kEnterpriseOfficer}) {
    EXPECT_FALSE(allowed(r, Action::kReadUsers));
    EXPECT_FALSE(allowed(r, Action::kManageUsers));
    EXPECT_FALSE(allowed(r, Action::kReadAudit));
    EXPECT_TRUE(allowed(r, Action::kReadJurisdictions));
  }
}

TEST(Rules, RoleNamesRoundTrip) {
  for (Role r : {Role::kAdmin, Role::kCommander, Role::kDutyOfficer, Role::kDepartmentOfficer,
                 Role::kEnterpriseOfficer}) {
    EXPECT_EQ(parseRole(roleName(r)), r);
  }
  EXPECT_FALSE(parseRole("root").has_value());
}

TEST(Rules, ScopeIsTheSubtree) {
  org::Registry reg({{"430000", "湖南省", "", "province", "", true},
                     {"430400", "衡阳市", "", "city", "430000", true},
                     {"430426", "祁东县", "", "county", "430400", true},
                     {"430407", "石鼓区", "", "county", "430400", true}});
  Principal county{User{.role = Role::kDutyOfficer, .jurisdiction = "430426"}, "", "", false};
  Principal city{User{.role = Role::kCommander, .jurisdiction = "430400"}, "", "", false};
  EXPECT_TRUE(inScope(county, reg, "430426"));
  EXPECT_FALSE(inScope(county, reg, "430407"));
  EXPECT_FALSE(inScope(county, reg, "430400"));
  EXPECT_TRUE(inScope(city, reg, "430407"));
  EXPECT_FALSE(inScope(city, reg, "430000"));
  EXPECT_FALSE(inScope(city, reg, "999999"));
}

TEST(Rules, PasswordsAndUsernames) {
  EXPECT_TRUE(validatePassword("abcdefghi1").ok());
  EXPECT_EQ(validatePassword("short1").error().field, "password");
  EXPECT_FALSE(validatePassword("onlyletterslong").ok());
  EXPECT_FALSE(validatePassword("1234567890123").ok());
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

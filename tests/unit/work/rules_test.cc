// The inbox's rules: the order of items, due soon and overdue at their edges, roles as bits, and
// who acts for which party.
#include "work/rules.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace anlan::work {
namespace {

using access::Role;
constexpr Millis kNow = 1'790'000'000'000;
constexpr Millis kDay = 24LL * 3600 * 1000;

WorkItem item(std::optional<Millis> due, bool urgent, Millis since) {
  WorkItem w;
  w.record = "hazard";
  w.kind = "hazard.assess";
  w.title = "t";
  w.link = "/hazards/1";
  w.roles = {Role::kDutyOfficer};
  w.due = due;
  w.urgent = urgent;
  w.since = since;
  return w;
}

TEST(WorkRules, UrgentFirstThenEarliestDueThenOldestWithoutDue) {
  std::vector<WorkItem> items = {
      item(std::nullopt, false, kNow - 2 * kDay),     // 3
      item(kNow + kDay, false, kNow),                 // 1
      item(std::nullopt, true, kNow),                 // 0 (urgent, no due: by since)
      item(std::nullopt, false, kNow - 5 * kDay),     // 2
      item(kNow + 9 * kDay, false, kNow - 9 * kDay),  // 1b
  };
  std::vector<std::int64_t> keys;
  for (const auto& w : items) keys.push_back(sortKey(w));
  EXPECT_LT(keys[2], keys[1]);
  EXPECT_LT(keys[1], keys[4]);
  EXPECT_LT(keys[4], keys[3]);  // any due date before no due date, however old
  EXPECT_LT(keys[3], keys[0]);
  // An urgent item with a due date a century on still comes before any other.
  EXPECT_LT(sortKey(item(kNow + 36500 * kDay, true, kNow)), keys[1]);
}

TEST(WorkRules, DueSoonIsTheThreeDaysFromNowAndOverdueIsPast) {
  EXPECT_FALSE(isOverdue(item(kNow, false, 0), kNow));
  EXPECT_TRUE(isDueSoon(item(kNow, false, 0), kNow));
  EXPECT_TRUE(isOverdue(item(kNow - 1, false, 0), kNow));
  EXPECT_FALSE(isDueSoon(item(kNow - 1, false, 0), kNow));
  EXPECT_TRUE(isDueSoon(item(kNow + kDueSoon - 1, false, 0), kNow));
  EXPECT_FALSE(isDueSoon(item(kNow + kDueSoon, false, 0), kNow));
  EXPECT_FALSE(isDueSoon(item(std::nullopt, false, 0), kNow));
  EXPECT_FALSE(isOverdue(item(std::nullopt, false, 0), kNow));
}

TEST(WorkRules, RolesRoundTripAsBits) {
  for (Role r : access::kAllRoles) {
    EXPECT_EQ(rolesOf(roleMask({r})), std::vector<Role>{r});
  }
  std::vector<Role> all(std::begin(access::kAllRoles), std::end(access::kAllRoles));
  EXPECT_EQ(rolesOf(roleMask(all)), all);
  EXPECT_EQ(roleMask({}), 0);
}

TEST(WorkRules, ItemsAModuleMustNotFeedAreRefused) {
  WorkItem w = item(std::nullopt, false, 0);
  EXPECT_TRUE(checkItem(w).ok());
  w.kind = "assess";  // no module
  EXPECT_FALSE(checkItem(w).ok());
  w = item(std::nullopt, false, 0);
  w.roles.clear();
  EXPECT_FALSE(checkItem(w).ok());
  w = item(std::nullopt, false, 0);
  w.party = Party::kEnterprise;  // without an enterprise
  EXPECT_FALSE(checkItem(w).ok());
  w.subject.enterprise_id = 3;
  EXPECT_TRUE(checkItem(w).ok());
  w.subject.sectors = {"a", "b"};
  EXPECT_FALSE(checkItem(w).ok());
}

TEST(WorkRules, AdministratorsAndUnboundEnterpriseOfficersActForNoParty) {
  access::Principal p;
  p.user.role = Role::kAdmin;
  EXPECT_EQ(partyOf(p), std::nullopt);  // scope none as well
  p.user.role = Role::kEnterpriseOfficer;
  EXPECT_EQ(partyOf(p), std::nullopt);
}

}  // namespace
}  // namespace anlan::work

// The one answer to "who sees what": the role table, the scope each role gets, Scope::admits
// against records of every kind, narrowing by filters, and the SQL a store gets for it.
#include <gtest/gtest.h>

#include "access/rules.h"
#include "access/sql.h"
#include "org/registry.h"

namespace anlan::access {
namespace {

const org::Registry& registry() {
  static const org::Registry reg({{"430000", "湖南省", "", "province", "", true},
                                  {"430400", "衡阳市", "", "city", "430000", true},
                                  {"430426", "祁东县", "", "county", "430400", true},
                                  {"430426100", "洪桥街道", "", "township", "430426", true},
                                  {"430426101", "金桥镇", "", "township", "430426", true},
                                  {"430407", "石鼓区", "", "county", "430400", true}});
  return reg;
}

Scope scopeOf(Role role, const std::string& jurisdiction,
              std::optional<std::int64_t> enterprise = {}, std::vector<std::string> led = {}) {
  User u{.role = role, .jurisdiction = jurisdiction, .enterprise_id = enterprise};
  return scopeFor(u, registry().treeOf(jurisdiction), std::move(led));
}

TEST(Access, RoleTable) {
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
  EXPECT_EQ(parseAction(actionName(Action::kReadUsers)), Action::kReadUsers);
  EXPECT_FALSE(parseAction("users").has_value());
}

TEST(Access, RoleNamesRoundTrip) {
  for (Role r : kAllRoles) EXPECT_EQ(parseRole(roleName(r)), r);
  EXPECT_FALSE(parseRole("root").has_value());
}

TEST(Access, ACountySeesItsSubtreeOnly) {
  Scope county = scopeOf(Role::kDutyOfficer, "430426");
  EXPECT_TRUE(county.admits({"430426", {}, {}}));
  EXPECT_TRUE(county.admits({"430426101", {"hazardous_chemicals"}, 7}));
  EXPECT_FALSE(county.admits({"430407", {}, {}}));
  EXPECT_FALSE(county.admits({"430400", {}, {}}));
  EXPECT_FALSE(county.admits({"999999", {}, {}}));
  EXPECT_FALSE(county.admits({"", {}, {}}));
  Scope city = scopeOf(Role::kCommander, "430400");
  EXPECT_TRUE(city.admits({"430407", {}, {}}));
  EXPECT_FALSE(city.admits({"430000", {}, {}}));
  EXPECT_TRUE(city.tree().whole);
  EXPECT_FALSE(county.tree().whole);
  EXPECT_EQ(county.tree().unit, "430426");
  EXPECT_EQ(registry().treeOf("430426101").unit, "430426");
}

TEST(Access, ADepartmentSeesTheSectorsItLeads) {
  Scope dept = scopeOf(Role::kDepartmentOfficer, "430400", {}, {"hazardous_chemicals", "mining"});
  EXPECT_TRUE(dept.admits({"430426", {"mining"}, 3}));
  EXPECT_FALSE(dept.admits({"430426", {"construction"}, 3}));
  EXPECT_TRUE(dept.admits({"430426", {"construction", "mining"}, 3}));  // an enterprise in several
  EXPECT_TRUE(dept.admits({"430426", {}, {}}));                         // records without a sector
  EXPECT_FALSE(
      scopeOf(Role::kDepartmentOfficer, "430400").admits({"430426", {}, {}}));  // leads none
  EXPECT_TRUE(
      scopeOf(Role::kDepartmentOfficer, "430400").inTree("430426"));  // still browses the map
}

TEST(Access, AnEnterpriseOfficerSeesTheirEnterpriseOnly) {
  Scope own = scopeOf(Role::kEnterpriseOfficer, "430426", 42);
  EXPECT_TRUE(own.admits({"430426", {"mining"}, 42}));
  EXPECT_TRUE(own.admits({"430407", {"mining"}, 42}));  // wherever it lies
  EXPECT_FALSE(own.admits({"430426", {"mining"}, 43}));
  EXPECT_FALSE(own.admits({"430426", {}, {}}));  // a duty room's records, a notice of the unit
  EXPECT_TRUE(own.inTree("430426"));
  EXPECT_TRUE(scopeOf(Role::kEnterpriseOfficer, "430426").none());  // not bound to one yet
  EXPECT_FALSE(Scope().admits({"430426", {}, {}}));
}

TEST(Access, FiltersNarrowAndNeverWiden) {
  Scope city = scopeOf(Role::kCommander, "430400");
  Scope county = scopeOf(Role::kDutyOfficer, "430426");
  EXPECT_FALSE(city.within(registry().treeOf("430426")).admits({"430407", {}, {}}));
  EXPECT_TRUE(city.within(registry().treeOf("430426")).admits({"430426100", {}, {}}));
  // A filter above the caller changes nothing; one beside it selects nothing.
  EXPECT_FALSE(county.within(registry().treeOf("430400")).admits({"430407", {}, {}}));
  EXPECT_TRUE(county.within(registry().treeOf("430400")).admits({"430426", {}, {}}));
  EXPECT_TRUE(county.within(registry().treeOf("430407")).none());
  EXPECT_TRUE(county.within(registry().treeOf("nowhere")).none());
  Scope dept = scopeOf(Role::kDepartmentOfficer, "430400", {}, {"mining"});
  EXPECT_TRUE(dept.inSector("construction").none());
  EXPECT_TRUE(dept.inSector("mining").admits({"430426", {"mining"}, {}}));
  EXPECT_FALSE(city.inSector("mining").admits({"430426", {"construction"}, {}}));
  Scope own = scopeOf(Role::kEnterpriseOfficer, "430426", 42);
  EXPECT_FALSE(own.within(registry().treeOf("430426101")).admits({"430426100", {}, 42}));
}

TEST(Access, SqlSaysWhatAdmitsSays) {
  Columns cols{.jurisdiction = "h.jurisdiction",
               .unit = "h.unit",
               .sector = "h.sector",
               .enterprise = "h.enterprise_id"};
  std::vector<db::Value> params;
  EXPECT_EQ(*whereOf(scopeOf(Role::kCommander, "430400"), cols, params), "");
  EXPECT_EQ(*whereOf(scopeOf(Role::kDutyOfficer, "430426"), cols, params), " AND h.unit = ?");
  params.clear();
  EXPECT_EQ(*whereOf(scopeOf(Role::kDutyOfficer, "430426101"), cols, params),
            " AND h.unit = ? AND h.jurisdiction IN (?)");
  EXPECT_EQ(params.size(), 2u);
  params.clear();
  EXPECT_EQ(*whereOf(scopeOf(Role::kDepartmentOfficer, "430400", {}, {"mining", "construction"}),
                     cols, params),
            " AND h.sector IN (?, ?)");
  params.clear();
  EXPECT_EQ(*whereOf(scopeOf(Role::kEnterpriseOfficer, "430426", 42), cols, params),
            " AND h.enterprise_id = ?");
  EXPECT_EQ(*whereOf(Scope(), cols, params), " AND 1 = 0");
  // A table without an enterprise column shows an enterprise officer nothing.
  EXPECT_EQ(
      *whereOf(scopeOf(Role::kEnterpriseOfficer, "430426", 42), {.jurisdiction = "room"}, params),
      " AND 1 = 0");
  // Below a unit on a table keyed by unit only is a programming error, not a silent widening.
  EXPECT_FALSE(whereOf(scopeOf(Role::kDutyOfficer, "430426101"), {.unit = "unit"}, params).ok());
  params.clear();
  EXPECT_EQ(*whereOf(scopeOf(Role::kDepartmentOfficer, "430426", {}, {"mining"}),
                     {.jurisdiction = "e.jurisdiction",
                      .sector = "EXISTS (SELECT 1 FROM s WHERE s.sector IN {})"},
                     params),
            " AND e.jurisdiction IN (?, ?, ?) AND EXISTS (SELECT 1 FROM s WHERE s.sector IN (?))");
}

}  // namespace
}  // namespace anlan::access

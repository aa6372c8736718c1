#include "org/registry.h"

#include <gtest/gtest.h>

#include "app/app.h"
#include "db/migrate.h"
#include "support/test_db.h"

namespace anlan::org {
namespace {

TEST(Registry, HengyangTreeFromTheMigrations) {
  test::TestDb tdb(db::Engine::kSqlite);
  auto db = db::open(tdb.url(), 1).value();
  FakeClock clock;
  ASSERT_TRUE(db::migrate(*db, app::allMigrations(), clock).ok());
  auto reg = Registry::load(*db).value();
  // 12 county-level units and 3 parks under the city.
  auto units = reg.children("430400");
  EXPECT_EQ(units.size(), 15u);
  int counties = 0;
  for (auto* u : units) counties += u->level == "county";
  EXPECT_EQ(counties, 12);
  EXPECT_EQ(reg.find("430412")->name, "南岳区");
  EXPECT_TRUE(reg.contains("430000", "430426"));
  EXPECT_TRUE(reg.contains("430426", "430426"));
  EXPECT_FALSE(reg.contains("430426", "430407"));
  auto path = reg.path("430426");
  ASSERT_EQ(path.size(), 3u);
  EXPECT_EQ(path[0]->code, "430000");
  EXPECT_EQ(path[2]->code, "430426");
  // 1 city + 12 units + 3 parks + 193 townships.
  EXPECT_EQ(reg.subtree("430400").size(), 209u);
  EXPECT_EQ(reg.children("430426").size(), 24u);
  EXPECT_EQ(reg.find("430426200") == nullptr, false);
  // Boundaries: a point in central 祁东县, and one far outside the city.
  EXPECT_EQ(reg.unitAt({112.09, 26.80}), "430426");
  EXPECT_EQ(reg.unitAt({113.5, 28.2}), "");
  EXPECT_TRUE(reg.locatedIn("430426200", {112.09, 26.80}));  // a township: its county decides
  EXPECT_FALSE(reg.locatedIn("430407", {112.09, 26.80}));
  EXPECT_TRUE(reg.locatedIn("430472", {112.09, 26.80}));  // a park: anywhere in the city
  EXPECT_FALSE(reg.boundary("430426").empty());
  EXPECT_TRUE(reg.boundary("430472").empty());
  // Departments and sectors, each sector led by a known department.
  EXPECT_NE(reg.department("yjgl"), nullptr);
  ASSERT_NE(reg.sector("hazardous_chemicals"), nullptr);
  for (const auto& s : reg.sectors())
    EXPECT_NE(reg.department(s.lead_department), nullptr) << s.code;
  EXPECT_EQ(reg.subtree("nope").size(), 0u);
}

}  // namespace
}  // namespace anlan::org

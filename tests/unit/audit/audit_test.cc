#include "audit/audit.h"

#include <gtest/gtest.h>

#include <thread>

#include "app/app.h"
#include "db/migrate.h"
#include "support/test_db.h"

namespace anlan::audit {
namespace {

class Audit : public ::testing::TestWithParam<db::Engine> {
 protected:
  void SetUp() override {
    db_ = db::open(tdb_.url(), 4).value();
    ASSERT_TRUE(db::migrate(*db_, app::allMigrations(), clock_).ok());
  }
  void appendN(int n, const std::string& jurisdiction = "430426") {
    for (int i = 0; i < n; ++i) {
      ASSERT_TRUE(db_->write([&](db::Conn& c) -> Status {
                       TRY(auto id, append(c, clock_, {7, "alice"}, "user", std::to_string(i),
                                           "update", jurisdiction, boost::json::object{{"n", i}},
                                           boost::json::object{{"n", i + 1}}));
                       (void)id;
                       return {};
                     })
                      .ok());
      clock_.advance(1000);
    }
  }
  Status sql(const std::string& text) {
    return db_->write([&](db::Conn& c) { return c.execScript(text); });
  }
  test::TestDb tdb_{GetParam()};
  std::unique_ptr<db::Database> db_;
  FakeClock clock_;
};

TEST_P(Audit, IntactChainVerifies) {
  appendN(5);
  auto v = verify(*db_);
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v->ok) << v->problem;
  EXPECT_EQ(v->records, 5);
}

TEST_P(Audit, AnEditedRecordIsFound) {
  appendN(5);
  ASSERT_TRUE(sql("UPDATE audit_log SET after_json = '{\"n\":99}' WHERE id = 3").ok());
  auto v = verify(*db_).value();
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.first_broken_id, 3);
}

TEST_P(Audit, ARecomputedHashStillBreaksTheNextLink) {
  appendN(5);
  ASSERT_TRUE(sql("UPDATE audit_log SET hash = 'forged' WHERE id = 2").ok());
  auto v = verify(*db_).value();
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.first_broken_id, 2);
}

TEST_P(Audit, ADeletedRecordIsFound) {
  appendN(5);
  ASSERT_TRUE(sql("DELETE FROM audit_log WHERE id = 4").ok());
  auto v = verify(*db_).value();
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.first_broken_id, 4);
}

TEST_P(Audit, RemovingTheNewestRecordsIsFound) {
  appendN(5);
  ASSERT_TRUE(sql("DELETE FROM audit_log WHERE id >= 4").ok());
  auto v = verify(*db_).value();
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.first_broken_id, 4);
}

TEST_P(Audit, ConcurrentAppendsKeepOneChain) {
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 10; ++i) {
        Status s = db_->write([&](db::Conn& c) -> Status {
          TRY(auto id, append(c, clock_, {std::nullopt, "system"}, "x", "1", "touch", "430400",
                              std::nullopt, std::nullopt));
          (void)id;
          return {};
        });
        EXPECT_TRUE(s.ok()) << s.error().message;
      }
    });
  }
  for (auto& t : threads) t.join();
  auto v = verify(*db_).value();
  EXPECT_TRUE(v.ok) << v.problem;
  EXPECT_EQ(v.records, 40);
}

TEST_P(Audit, ListFiltersAndPagesNewestFirst) {
  appendN(3, "430426");
  appendN(2, "430407");
  Filter f;
  f.scope = access::Scope::of(
      {"430426", std::make_shared<std::vector<std::string>>(std::vector<std::string>{"430426"}),
       "430426", false});
  f.limit = 2;
  auto page1 = list(*db_, f).value();
  ASSERT_EQ(page1.size(), 2u);
  EXPECT_EQ(page1[0].id, 3);
  EXPECT_EQ(page1[1].id, 2);
  f.before_id = page1.back().id;
  auto page2 = list(*db_, f).value();
  ASSERT_EQ(page2.size(), 1u);
  EXPECT_EQ(page2[0].id, 1);
  EXPECT_EQ(page2[0].actor.name, "alice");
  ASSERT_TRUE(page2[0].after.has_value());
  EXPECT_EQ(page2[0].after->at("n").as_int64(), 1);
}

INSTANTIATE_TEST_SUITE_P(Engines, Audit,
                         ::testing::Values(db::Engine::kSqlite, db::Engine::kPostgres),
                         [](const auto& info) {
                           return std::string(test::engineName(info.param));
                         });

}  // namespace
}  // namespace anlan::audit

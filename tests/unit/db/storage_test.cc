// The storage suite: every test runs against SQLite and against a real PostgreSQL 15.
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <thread>

#include "app/app.h"
#include "db/database.h"
#include "db/migrate.h"
#include "support/test_db.h"

namespace anlan::db {
namespace {

class Storage : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    auto opened = open(tdb_.url(), 4);
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    db_ = std::move(opened).value();
    ASSERT_TRUE(db_->write([](Conn& c) {
                     return c.execScript(dialect(c.engine(),
                                                 "CREATE TABLE things (id {{id}}, name TEXT NOT "
                                                 "NULL UNIQUE, n BIGINT, x DOUBLE PRECISION, "
                                                 "note TEXT, version BIGINT NOT NULL DEFAULT 1)"));
                   })
                    .ok());
  }
  test::TestDb tdb_{GetParam()};
  std::unique_ptr<Database> db_;
  FakeClock clock_;
};

TEST_P(Storage, RoundTripsEveryValueType) {
  std::string text = "衡阳 'quoted' ? \"dq\" \n";
  auto id = write<std::int64_t>(*db_, [&](Conn& c) -> Result<std::int64_t> {
    TRY(auto rows,
        c.query("INSERT INTO things (name, n, x, note) VALUES (?, ?, ?, ?) RETURNING id",
                {Value(text), Value(std::int64_t{1} << 40), Value(2.5), Value(nullptr)}));
    return rows[0].i64(0);
  });
  ASSERT_TRUE(id.ok()) << id.error().message;
  auto row = read<Rows>(*db_, [&](Conn& c) {
    return c.query("SELECT name, n, x, note FROM things WHERE id = ?", {Value(*id)});
  });
  ASSERT_TRUE(row.ok());
  ASSERT_EQ(row->size(), 1u);
  EXPECT_EQ((*row)[0].str(0), text);
  EXPECT_EQ((*row)[0].i64(1), std::int64_t{1} << 40);
  EXPECT_DOUBLE_EQ((*row)[0].f64(2), 2.5);
  EXPECT_TRUE((*row)[0].isNull(3));
  EXPECT_FALSE((*row)[0].optStr(3).has_value());
}

TEST_P(Storage, UniqueViolationIsConflictAndRollsBackTheWholeTransaction) {
  ASSERT_TRUE(db_->write([](Conn& c) -> Status {
                   TRY(auto n, c.exec("INSERT INTO things (name) VALUES (?)", {Value("a")}));
                   (void)n;
                   return {};
                 })
                  .ok());
  Status s = db_->write([](Conn& c) -> Status {
    TRY(auto n, c.exec("INSERT INTO things (name) VALUES (?)", {Value("b")}));
    TRY(auto m, c.exec("INSERT INTO things (name) VALUES (?)", {Value("a")}));
    (void)n;
    (void)m;
    return {};
  });
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, Code::kConflict);
  auto count = read<std::int64_t>(*db_, [](Conn& c) -> Result<std::int64_t> {
    TRY(auto r, c.query("SELECT COUNT(*) FROM things"));
    return r[0].i64(0);
  });
  EXPECT_EQ(count.value(), 1);  // "b" was rolled back with the failed statement
}

TEST_P(Storage, ErrorReturnedByTheFunctionRollsBack) {
  Status s = db_->write([](Conn& c) -> Status {
    TRY(auto n, c.exec("INSERT INTO things (name) VALUES (?)", {Value("gone")}));
    (void)n;
    return Error::invalid("x", "changed my mind");
  });
  EXPECT_EQ(s.error().field, "x");
  auto rows = read<Rows>(*db_, [](Conn& c) { return c.query("SELECT id FROM things"); });
  EXPECT_TRUE(rows->empty());
}

TEST_P(Storage, OfTwoConcurrentVersionedUpdatesExactlyOneWins) {
  ASSERT_TRUE(db_->write([](Conn& c) -> Status {
                   TRY(auto n, c.exec("INSERT INTO things (name, n) VALUES ('v', 0)"));
                   (void)n;
                   return {};
                 })
                  .ok());
  constexpr int kThreads = 8;
  std::atomic<int> wins{0}, losses{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      // Every thread read version 1 and tries to move it to 2.
      Status s = db_->write([&](Conn& c) -> Status {
        TRY(auto n, c.exec("UPDATE things SET n = ?, version = 2 WHERE name = 'v' AND version = 1",
                           {Value(std::int64_t{i})}));
        if (n != 1) return Error::conflict("stale");
        return {};
      });
      (s.ok() ? wins : losses)++;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(wins.load(), 1);
  EXPECT_EQ(losses.load(), kThreads - 1);
}

TEST_P(Storage, MigrationsApplyOnceAndAreRecorded) {
  auto first = migrate(*db_, app::allMigrations(), clock_);
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(*first, static_cast<int>(app::allMigrations().size()));
  auto second = migrate(*db_, app::allMigrations(), clock_);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(*second, 0);
  auto rows = read<Rows>(*db_, [](Conn& c) {
    return c.query("SELECT module, version FROM schema_migrations ORDER BY module, version");
  });
  EXPECT_EQ(rows->size(), app::allMigrations().size());
  auto j = read<Rows>(*db_, [](Conn& c) {
    return c.query("SELECT name FROM jurisdictions WHERE code = ?", {Value("430426")});
  });
  ASSERT_EQ(j->size(), 1u);
  EXPECT_EQ((*j)[0].str(0), "祁东县");
}

TEST_P(Storage, PlaceholdersInsideLiteralsAreLeftAlone) {
  auto rows = read<Rows>(*db_, [](Conn& c) { return c.query("SELECT '?' , ?", {Value("x")}); });
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  EXPECT_EQ((*rows)[0].str(0), "?");
  EXPECT_EQ((*rows)[0].str(1), "x");
}

TEST_P(Storage, PingAndPoolStats) {
  EXPECT_TRUE(db_->ping().ok());
  EXPECT_GE(db_->stats().size, 1);
  EXPECT_EQ(db_->stats().in_use, 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, Storage, ::testing::Values(Engine::kSqlite, Engine::kPostgres),
                         [](const auto& info) {
                           return std::string(test::engineName(info.param));
                         });

TEST(SqliteStorage, BackupIsAConsistentCopy) {
  test::TestDb tdb(Engine::kSqlite);
  auto db = open(tdb.url(), 2).value();
  FakeClock clock;
  ASSERT_TRUE(migrate(*db, app::allMigrations(), clock).ok());
  test::TempDir out;
  std::string path = out.path() + "/copy.db";
  ASSERT_TRUE(db->backupTo(path).ok());
  auto copy = open("sqlite:" + path, 1).value();
  auto rows =
      read<Rows>(*copy, [](Conn& c) { return c.query("SELECT COUNT(*) FROM jurisdictions"); });
  EXPECT_EQ((*rows)[0].i64(0), 210);  // province, city, 12 units, 3 parks, 193 townships
  EXPECT_EQ(db->backupTo(path).error().field, "to");  // never overwrites
}

TEST(OpenDatabase, RefusesUnknownSchemes) {
  auto r = open("mysql://x", 1);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "db");
}

}  // namespace
}  // namespace anlan::db

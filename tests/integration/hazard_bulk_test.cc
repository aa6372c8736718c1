// Bulk loading hazards, the path of the 10-million-row benchmark (bench/hazards/load.cc), on both
// engines: a multi-row insert stores what one-at-a-time inserts store and gives the ids in input
// order across its statements, all or nothing; serials are reserved in blocks; the generator gives
// hazards in the order they were found; kept counts rebuilt after a bulk load equal a recount.
#include <gtest/gtest.h>

#include "db/serial.h"
#include "hazard/codec.h"
#include "hazard/store.h"
#include "hazard/synthetic.h"
#include "support/test_app.h"

namespace anlan::test {
namespace {

namespace bj = boost::json;
constexpr Millis kDay = 24LL * 3600 * 1000;

class HazardBulk : public ::testing::TestWithParam<db::Engine> {
 protected:
  TestApp t{TestAppOptions{GetParam()}};

  // n hazards found in order over five years, one in ten at an enterprise, coded "<prefix>-<i>".
  std::vector<hazard::Hazard> make(int n, const std::string& prefix, std::uint64_t seed = 7) {
    std::int64_t firm = t.addEnterprise("430426", "construction", "测试建设有限公司" + prefix);
    std::vector<hazard::Site> sites = {
        {firm, "测试建设有限公司" + prefix, "测试路1号", "430426", {"construction"}, {}}};
    hazard::Generator gen(t.app().registry(), sites, seed, t.clock.now(), 5);
    std::vector<hazard::Hazard> out;
    for (int i = 0; i < n; ++i) {
      auto s = gen.nextAt((i + 0.5) / n, false);
      s.hazard.code = prefix + "-" + std::to_string(i);
      out.push_back(std::move(s.hazard));
    }
    return out;
  }

  Result<std::vector<std::int64_t>> insertMany(const std::vector<hazard::Hazard>& hs) {
    return db::write<std::vector<std::int64_t>>(
        t.app().db(), [&](db::Conn& c) { return hazard::store::insertMany(c, hs); });
  }

  std::optional<hazard::Hazard> find(std::int64_t id) {
    auto h = db::read<std::optional<hazard::Hazard>>(
        t.app().db(), [&](db::Conn& c) { return hazard::store::find(c, id); });
    EXPECT_TRUE(h.ok());
    return h.ok() ? *h : std::nullopt;
  }
};

TEST_P(HazardBulk, ManyRowsAtOnceAreStoredAsOneAtATimeWithIdsInInputOrder) {
  // 2,345 rows: three statements of at most 1,000 rows.
  auto hs = make(2345, "BULK");
  auto ids = insertMany(hs);
  ASSERT_TRUE(ids.ok()) << ids.error().message;
  ASSERT_EQ(ids->size(), hs.size());
  for (std::size_t i = 0; i < hs.size(); i += 97) {
    auto got = find((*ids)[i]);
    ASSERT_TRUE(got);
    EXPECT_EQ(got->code, hs[i].code);
    EXPECT_EQ(got->found_at, hs[i].found_at);
  }
  // The same hazard inserted alone reads back exactly as the bulk one (but for id and code).
  hazard::Hazard one = hs[1234];
  one.code = "ALONE-1";
  auto id = db::write<std::int64_t>(t.app().db(),
                                    [&](db::Conn& c) { return hazard::store::insert(c, one); });
  ASSERT_TRUE(id.ok()) << id.error().message;
  auto alone = find(*id), bulk = find((*ids)[1234]);
  ASSERT_TRUE(alone && bulk);
  bj::object a = hazard::toJson(*alone), b = hazard::toJson(*bulk);
  for (const char* k : {"id", "code"}) {
    a.erase(k);
    b.erase(k);
  }
  EXPECT_EQ(a, b);
}

TEST_P(HazardBulk, ABatchWithADuplicateCodeStoresNothing) {
  auto hs = make(1500, "DUP");
  hs[1200].code = hs[3].code;
  auto ids = insertMany(hs);
  ASSERT_FALSE(ids.ok());
  EXPECT_EQ(ids.error().code, Code::kConflict) << ids.error().message;
  EXPECT_EQ(*t.app().hazards().countDemo(), 0);
}

TEST_P(HazardBulk, SerialsAreReservedInBlocks) {
  auto serial = [&](std::int64_t year, std::int64_t n) {
    auto r = db::write<std::int64_t>(
        t.app().db(), [&](db::Conn& c) { return db::nextSerial(c, "YH-430426", year, n); });
    EXPECT_TRUE(r.ok());
    return r.ok() ? *r : -1;
  };
  EXPECT_EQ(serial(2024, 5000), 5000);
  EXPECT_EQ(serial(2024, 1), 5001);
  EXPECT_EQ(serial(2025, 1), 1);
  EXPECT_EQ(serial(2024, 10), 5011);
}

TEST_P(HazardBulk, KeptCountsRebuiltAfterABulkLoadEqualARecount) {
  auto hs = make(1200, "CNT");
  ASSERT_TRUE(insertMany(hs).ok());
  ASSERT_TRUE(t.app().hazards().rebuildCounts().ok());
  auto pair = t.app().hazards().countsAndRecount();
  ASSERT_TRUE(pair.ok());
  EXPECT_EQ(pair->first, pair->second);
  std::int64_t total = 0;
  for (const auto& c : pair->first) total += c.n;
  EXPECT_EQ(total, 1200);
  // The statistics' sums made by the database equal those made from a recount, city-wide and
  // for one unit.
  std::vector<hazard::State> closed = {hazard::State::kClosedOff, hazard::State::kRechecked};
  for (const char* root : {"430400", "430426"}) {
    access::Scope v = access::Scope::of(t.app().registry().treeOf(root));
    auto sums = db::read<std::pair<hazard::store::Tallies, hazard::store::Tallies>>(
        t.app().db(),
        [&](db::Conn& c) -> Result<std::pair<hazard::store::Tallies, hazard::store::Tallies>> {
          TRY(auto kept, hazard::store::tallies(c, v, closed));
          TRY(auto cells, hazard::store::recount(c, v));
          return std::pair{kept, hazard::store::tally(cells, closed)};
        });
    ASSERT_TRUE(sums.ok()) << sums.error().message;
    EXPECT_EQ(sums->first, sums->second);
    EXPECT_FALSE(sums->first.cells.empty());
    std::int64_t found = 0, by_state = 0;
    for (const auto& c : sums->first.cells) found += c.found;
    for (const auto& [state, n] : sums->first.states) by_state += n;
    EXPECT_EQ(found, by_state);
    if (std::string(root) == "430400") {
      EXPECT_EQ(found, 1200);
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Engines, HazardBulk,
                         ::testing::Values(db::Engine::kSqlite, db::Engine::kPostgres),
                         [](const auto& info) {
                           return info.param == db::Engine::kSqlite ? "Sqlite" : "Postgres";
                         });

// Rising quantiles give hazards in the order they were found, spread over the years asked for, and
// the same seed gives the same hazards.
TEST(HazardGenerator, RisingQuantilesGiveHazardsInFoundOrder) {
  TestApp t;
  Millis now = t.clock.now();
  auto stream = [&] {
    hazard::Generator gen(t.app().registry(), {}, 11, now, 5);
    std::vector<hazard::Hazard> out;
    for (int i = 0; i < 2000; ++i) out.push_back(gen.nextAt((i + 0.5) / 2000, i % 100 == 0).hazard);
    return out;
  };
  auto hs = stream();
  for (std::size_t i = 1; i < hs.size(); ++i) ASSERT_LE(hs[i - 1].found_at, hs[i].found_at) << i;
  EXPECT_LT(hs.front().found_at, now - 4 * 365 * kDay);
  EXPECT_GE(hs.front().found_at, now - 5 * 365 * kDay - kDay);
  EXPECT_GT(hs.back().found_at, now - 2 * kDay);
  EXPECT_LT(hs.back().found_at, now);
  // More are found in recent years (work has grown): the newer half of the span holds most.
  auto newer = std::count_if(hs.begin(), hs.end(),
                             [&](const auto& h) { return h.found_at > now - 912 * kDay; });
  EXPECT_GT(newer, 1300);
  auto again = stream();
  for (std::size_t i = 0; i < hs.size(); i += 111) {
    EXPECT_EQ(hazard::toJson(hs[i]), hazard::toJson(again[i])) << i;
  }
}

}  // namespace
}  // namespace anlan::test

// Duty room rules: the spot check's random draw (reproducible from its seed, weighted toward rooms
// checked least recently) and the rota's gaps, double bookings and understaffed shifts.
#include "duty/rules.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

namespace anlan::duty {
namespace {

constexpr Millis kHour = 3600 * 1000;

const std::vector<std::string> kRooms = {"430405", "430406", "430407", "430408", "430412",
                                         "430421", "430422", "430423", "430424", "430426",
                                         "430471", "430472", "430473", "430481", "430482"};

TEST(DutyDraw, TheSameSeedOverTheSameRoomsDrawsTheSameRooms) {
  auto a = draw(kRooms, 3, "2026-11-29-a");
  EXPECT_EQ(a.size(), 3u);
  EXPECT_EQ(draw(kRooms, 3, "2026-11-29-a"), a);
  EXPECT_EQ(std::set<std::string>(a.begin(), a.end()).size(), 3u);
  for (const auto& r : a) EXPECT_NE(std::find(kRooms.begin(), kRooms.end(), r), kRooms.end());
  // A different seed draws differently (for at least one of a few seeds), and every room can be
  // drawn.
  std::set<std::string> seen;
  bool differs = false;
  for (int i = 0; i < 200; ++i) {
    auto d = draw(kRooms, 3, "seed-" + std::to_string(i));
    differs = differs || d != a;
    seen.insert(d.begin(), d.end());
  }
  EXPECT_TRUE(differs);
  EXPECT_EQ(seen.size(), kRooms.size());
  // Asking for more than there are draws them all.
  EXPECT_EQ(draw(kRooms, 99, "x").size(), kRooms.size());
}

TEST(DutyDraw, WeightsFavourRoomsCheckedLeastRecently) {
  std::vector<double> weights(kRooms.size(), 1.0);
  weights[9] = 30.0;  // 430426: a month without a check
  int drawn = 0;
  for (int i = 0; i < 400; ++i) {
    auto d = draw(kRooms, 1, "w-" + std::to_string(i), &weights);
    drawn += d[0] == "430426";
  }
  // Expected share 30/44 ≈ 68 %, against 1/15 ≈ 7 % unweighted.
  EXPECT_GT(drawn, 200);
  EXPECT_LT(drawn, 340);
}

Shift shift(std::int64_t id, Millis from, Millis to, int officers = 1) {
  Shift s;
  s.id = id;
  s.room = "430426";
  s.starts_at = from;
  s.ends_at = to;
  s.leader = "带班领导";
  for (int i = 0; i < officers; ++i) s.officers.push_back("值班员" + std::to_string(i));
  return s;
}

TEST(DutyRota, GapsDoubleBookingsAndUnderstaffedShiftsAreFound) {
  // 08–20 and 20–08 cover a day; a hole from 08 to 09 the next day; 12–14 booked twice; one shift
  // without officers.
  std::vector<Shift> shifts = {shift(1, 8 * kHour, 20 * kHour), shift(2, 20 * kHour, 32 * kHour),
                               shift(3, 33 * kHour, 44 * kHour),
                               shift(4, 36 * kHour, 38 * kHour, 0)};
  auto problems = checkRota(shifts, 8 * kHour, 44 * kHour);
  ASSERT_EQ(problems.size(), 3u);
  EXPECT_EQ(problems[0].kind, "gap");
  EXPECT_EQ(problems[0].from, 32 * kHour);
  EXPECT_EQ(problems[0].to, 33 * kHour);
  EXPECT_EQ(problems[1].kind, "understaffed");
  EXPECT_EQ(problems[1].shifts, std::vector<std::int64_t>{4});
  EXPECT_EQ(problems[2].kind, "double_booking");
  EXPECT_EQ(problems[2].from, 36 * kHour);
  EXPECT_EQ(problems[2].to, 38 * kHour);
  EXPECT_EQ(problems[2].shifts, (std::vector<std::int64_t>{3, 4}));
  // A complete rota has no problems; an empty one is one gap.
  EXPECT_TRUE(
      checkRota({shift(1, 0, 12 * kHour, 2), shift(2, 12 * kHour, 24 * kHour)}, 0, 24 * kHour)
          .empty());
  auto empty = checkRota({}, 0, 24 * kHour);
  ASSERT_EQ(empty.size(), 1u);
  EXPECT_EQ(empty[0].kind, "gap");
  // Three officers is understaffed too: the rule is one or two.
  EXPECT_EQ(checkRota({shift(1, 0, 24 * kHour, 3)}, 0, 24 * kHour)[0].kind, "understaffed");
}

TEST(DutyCall, RoomsMoveOnlyAlongTheirSteps) {
  CallRoom r;
  r.room = "430426";
  EXPECT_TRUE(checkCallStep(r, "ring").ok());
  EXPECT_EQ(checkCallStep(r, "answer").error().code, Code::kConflict);
  r.state = "ringing";
  EXPECT_TRUE(checkCallStep(r, "answer").ok());
  EXPECT_TRUE(checkCallStep(r, "no_answer").ok());
  EXPECT_EQ(checkCallStep(r, "assess").error().code, Code::kConflict);
  r.state = "answered";
  EXPECT_TRUE(checkCallStep(r, "assess").ok());
  EXPECT_EQ(checkCallStep(r, "fly").error().field, "action");
  RollCall c;
  c.rooms = {r};
  EXPECT_FALSE(finished(c));
  c.rooms[0].state = "assessed";
  EXPECT_TRUE(finished(c));
}

}  // namespace
}  // namespace anlan::duty

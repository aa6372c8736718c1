#include "core/calendar.h"

#include <gtest/gtest.h>

namespace anlan {
namespace {

// 2026-12-31T16:00:00Z: New Year's midnight in Beijing.
constexpr Millis kNewYearBeijing = 1'798'732'800'000;

TEST(Calendar, NewYearInBeijingIsTheNewYearInEveryFigure) {
  Calendar cal;
  EXPECT_EQ(cal.year(kNewYearBeijing), 2027);
  EXPECT_EQ(cal.monthKey(kNewYearBeijing), "2027-01");
  EXPECT_EQ(cal.dateText(kNewYearBeijing), "2027-01-01");
  EXPECT_EQ(cal.compactDate(kNewYearBeijing), "20270101");
  EXPECT_EQ(cal.dateTimeText(kNewYearBeijing), "2027-01-01 00:00:00");
  EXPECT_EQ(cal.startOfDay(kNewYearBeijing), kNewYearBeijing);
  // One millisecond earlier is still the old year.
  EXPECT_EQ(cal.year(kNewYearBeijing - 1), 2026);
  EXPECT_EQ(cal.monthKey(kNewYearBeijing - 1), "2026-12");
  EXPECT_EQ(cal.dateTimeText(kNewYearBeijing - 1), "2026-12-31 23:59:59");
  // 05:00 on 1 January in Beijing is 21:00 on 31 December UTC: still 2027 here.
  EXPECT_EQ(cal.year(kNewYearBeijing + 5 * 3'600'000), 2027);
  EXPECT_EQ(cal.civil(kNewYearBeijing).weekday, 5);  // a Friday
}

TEST(Calendar, DaysEndAt235959InBeijing) {
  Calendar cal;
  CivilDate june30{2027, 6, 30};
  // 2027-06-30T23:59:59.999+08:00
  EXPECT_EQ(cal.endOf(june30), 1'814'371'199'999);
  EXPECT_EQ(cal.dateTimeText(cal.endOf(june30)), "2027-06-30 23:59:59");
  EXPECT_EQ(cal.dateText(cal.endOf(june30) + 1), "2027-07-01");
  EXPECT_EQ(cal.endOfDay(cal.at(june30, 9, 30)), cal.endOf(june30));
  EXPECT_EQ(cal.startOfDay(cal.endOf(june30)), cal.at(june30));
}

TEST(Calendar, MonthEnds) {
  Calendar cal;
  EXPECT_EQ(cal.monthKey(cal.endOf({2026, 1, 31})), "2026-01");
  EXPECT_EQ(cal.monthKey(cal.endOf({2026, 1, 31}) + 1), "2026-02");
  EXPECT_EQ(cal.dateText(cal.endOf({2028, 2, 28}) + 1), "2028-02-29");  // a leap year
  EXPECT_EQ(cal.dateText(cal.endOf({2027, 2, 28}) + 1), "2027-03-01");
  EXPECT_EQ(cal.dateText(cal.endOf({2026, 4, 30}) + 1), "2026-05-01");
  EXPECT_EQ(Calendar::addMonths("2026-12", 1), "2027-01");
  EXPECT_EQ(Calendar::addMonths("2027-01", -1), "2026-12");
  EXPECT_EQ(Calendar::addMonths("2026-11", -11), "2025-12");
  EXPECT_EQ(Calendar::addMonths("2026-13", 0), "");
  EXPECT_EQ(cal.startOfMonth("2027-01"), kNewYearBeijing);
  EXPECT_EQ(cal.startOfMonth("2027-1"), std::nullopt);
}

TEST(Calendar, ParsesRealDaysOnly) {
  EXPECT_EQ(Calendar::parseDate("2027-06-30"), (CivilDate{2027, 6, 30}));
  EXPECT_EQ(Calendar::parseDate("2028-02-29"), (CivilDate{2028, 2, 29}));
  EXPECT_EQ(Calendar::parseDate("2027-02-29"), std::nullopt);
  EXPECT_EQ(Calendar::parseDate("2027-6-30"), std::nullopt);
  EXPECT_EQ(Calendar::parseDate("2027-06-31"), std::nullopt);
  EXPECT_EQ(Calendar::parseDate("２０２７-06-30"), std::nullopt);
}

TEST(Calendar, TheZoneIsASetting) {
  auto utc = Calendar::parseOffset("+00:00");
  ASSERT_TRUE(utc.ok());
  EXPECT_EQ(utc->year(kNewYearBeijing), 2026);
  auto ny = Calendar::parseOffset("-05:00");
  ASSERT_TRUE(ny.ok());
  EXPECT_EQ(ny->dateTimeText(kNewYearBeijing), "2026-12-31 11:00:00");
  EXPECT_EQ(ny->offsetText(), "-05:00");
  EXPECT_EQ(Calendar().offsetText(), "+08:00");
  for (const char* bad : {"8", "+8:00", "+08", "UTC+8", "+15:00", "+08:60", "Asia/Shanghai"}) {
    auto r = Calendar::parseOffset(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().field, "calendar_utc_offset");
  }
}

TEST(Calendar, InstantsBefore1970) {
  Calendar cal;
  EXPECT_EQ(cal.dateTimeText(-1), "1970-01-01 07:59:59");
  EXPECT_EQ(cal.startOfDay(-1), -8 * 3'600'000);
  EXPECT_EQ(cal.dateTimeText(-9 * 3'600'000), "1969-12-31 23:00:00");
}

}  // namespace
}  // namespace anlan

// The one calendar of the server. Instants are UTC epoch milliseconds; every day, month, year,
// end-of-day deadline, serial-number year and statistics bucket is counted in the deployment's
// zone, a fixed offset from UTC: China Standard Time (UTC+8, no daylight saving) unless the
// configuration says otherwise (`calendar_utc_offset`). Nothing else may turn an instant into a
// date. Immutable, so one value is shared by every thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/result.h"

namespace anlan {

struct CivilDate {
  int year = 1970, month = 1, day = 1;
  bool operator==(const CivilDate&) const = default;
};

struct CivilTime {
  CivilDate date;
  int hour = 0, minute = 0, second = 0, millisecond = 0;
  int weekday = 4;  // 0 = Sunday … 6 = Saturday (1 January 1970 was a Thursday)
};

class Calendar {
 public:
  static constexpr int kChinaOffsetMinutes = 8 * 60;

  // China Standard Time.
  Calendar() = default;
  explicit Calendar(int utc_offset_minutes) : offset_ms_(Millis{utc_offset_minutes} * 60'000) {}
  // "+08:00", "-05:30", "+00:00"; anything else is invalid_argument on "calendar_utc_offset".
  static Result<Calendar> parseOffset(std::string_view text);

  int offsetMinutes() const { return static_cast<int>(offset_ms_ / 60'000); }
  // "+08:00"
  std::string offsetText() const;

  CivilTime civil(Millis t) const;
  int year(Millis t) const { return civil(t).date.year; }
  // "2026-11"
  std::string monthKey(Millis t) const;
  // "2026-11-29"
  std::string dateText(Millis t) const;
  // "20261129", for file names.
  std::string compactDate(Millis t) const;
  // "2026-11-29 19:25:35", for tables and exports (the zone is the calendar's).
  std::string dateTimeText(Millis t) const;

  // The first and the last millisecond of the day containing `t`.
  Millis startOfDay(Millis t) const;
  Millis endOfDay(Millis t) const { return startOfDay(t) + kDayMs - 1; }
  // The instant of a wall-clock time on `d`.
  Millis at(const CivilDate& d, int hour = 0, int minute = 0, int second = 0) const;
  // The last millisecond of day `d` (a deadline "by 30 June" ends at 23:59:59.999).
  Millis endOf(const CivilDate& d) const { return at(d) + kDayMs - 1; }
  // The first millisecond of month `key` ("2026-11"), or nullopt when it is not one.
  std::optional<Millis> startOfMonth(std::string_view key) const;

  // "2026-11" shifted by `n` months (negative: back), or "" when `key` is not a month.
  static std::string addMonths(std::string_view key, int n);
  // "2027-06-30" as a date; nullopt unless it is a real day (no 2027-02-30).
  static std::optional<CivilDate> parseDate(std::string_view text);

  static constexpr Millis kDayMs = 24LL * 3600 * 1000;

 private:
  Millis offset_ms_ = Millis{kChinaOffsetMinutes} * 60'000;
};

}  // namespace anlan

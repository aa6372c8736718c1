#include "core/calendar.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>

namespace anlan {
namespace {

namespace chr = std::chrono;

// Floor division: days before 1970 (negative instants) still land on the right day.
Millis floorDiv(Millis a, Millis b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

CivilDate fromDays(std::int64_t days) {
  chr::year_month_day ymd{chr::sys_days{chr::days{days}}};
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

std::int64_t toDays(const CivilDate& d) {
  chr::year_month_day ymd{chr::year{d.year}, chr::month{static_cast<unsigned>(d.month)},
                          chr::day{static_cast<unsigned>(d.day)}};
  return chr::sys_days{ymd}.time_since_epoch().count();
}

bool digits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return !s.empty();
}

int number(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

}  // namespace

Result<Calendar> Calendar::parseOffset(std::string_view text) {
  auto bad = [&] {
    return Error::invalid(
        "calendar_utc_offset",
        "calendar_utc_offset must look like +08:00 (got '" + std::string(text) + "')");
  };
  if (text.size() != 6 || (text[0] != '+' && text[0] != '-') || text[3] != ':' ||
      !digits(text.substr(1, 2)) || !digits(text.substr(4, 2))) {
    return bad();
  }
  int hours = number(text.substr(1, 2)), minutes = number(text.substr(4, 2));
  if (hours > 14 || minutes > 59) return bad();
  int total = hours * 60 + minutes;
  return Calendar(text[0] == '-' ? -total : total);
}

std::string Calendar::offsetText() const {
  int m = offsetMinutes();
  char buf[16];
  std::snprintf(buf, sizeof buf, "%c%02d:%02d", m < 0 ? '-' : '+', std::abs(m) / 60,
                std::abs(m) % 60);
  return buf;
}

CivilTime Calendar::civil(Millis t) const {
  Millis local = t + offset_ms_;
  std::int64_t days = floorDiv(local, kDayMs);
  Millis in_day = local - days * kDayMs;
  CivilTime out;
  out.date = fromDays(days);
  out.hour = static_cast<int>(in_day / 3'600'000);
  out.minute = static_cast<int>(in_day / 60'000 % 60);
  out.second = static_cast<int>(in_day / 1000 % 60);
  out.millisecond = static_cast<int>(in_day % 1000);
  out.weekday = static_cast<int>(((days % 7) + 7 + 4) % 7);
  return out;
}

std::string Calendar::monthKey(Millis t) const {
  CivilDate d = civil(t).date;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month);
  return buf;
}

std::string Calendar::dateText(Millis t) const {
  CivilDate d = civil(t).date;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

std::string Calendar::compactDate(Millis t) const {
  CivilDate d = civil(t).date;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d%02d%02d", d.year, d.month, d.day);
  return buf;
}

std::string Calendar::dateTimeText(Millis t) const {
  CivilTime c = civil(t);
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d:%02d", c.date.year, c.date.month,
                c.date.day, c.hour, c.minute, c.second);
  return buf;
}

Millis Calendar::startOfDay(Millis t) const {
  return floorDiv(t + offset_ms_, kDayMs) * kDayMs - offset_ms_;
}

Millis Calendar::at(const CivilDate& d, int hour, int minute, int second) const {
  return toDays(d) * kDayMs + (Millis{hour} * 3600 + Millis{minute} * 60 + second) * 1000 -
         offset_ms_;
}

std::optional<Millis> Calendar::startOfMonth(std::string_view key) const {
  if (addMonths(key, 0).empty()) return std::nullopt;
  return at({number(key.substr(0, 4)), number(key.substr(5, 2)), 1});
}

std::string Calendar::addMonths(std::string_view key, int n) {
  if (key.size() != 7 || key[4] != '-' || !digits(key.substr(0, 4)) || !digits(key.substr(5, 2))) {
    return "";
  }
  int year = number(key.substr(0, 4)), month = number(key.substr(5, 2));
  if (month < 1 || month > 12) return "";
  int index = year * 12 + (month - 1) + n;
  int y = index >= 0 ? index / 12 : (index - 11) / 12;
  int m = index - y * 12 + 1;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
  return buf;
}

std::optional<CivilDate> Calendar::parseDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !digits(text.substr(0, 4)) ||
      !digits(text.substr(5, 2)) || !digits(text.substr(8, 2))) {
    return std::nullopt;
  }
  CivilDate d{number(text.substr(0, 4)), number(text.substr(5, 2)), number(text.substr(8, 2))};
  chr::year_month_day ymd{chr::year{d.year}, chr::month{static_cast<unsigned>(d.month)},
                          chr::day{static_cast<unsigned>(d.day)}};
  if (!ymd.ok()) return std::nullopt;
  return d;
}

}  // namespace anlan

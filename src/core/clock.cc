#include "core/clock.h"

#include <sodium.h>

#include <chrono>
#include <cstdio>
#include <ctime>

namespace anlan {

Millis SystemClock::now() const {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

std::string SystemRandom::bytes(std::size_t n) {
  std::string out(n, '\0');
  randombytes_buf(out.data(), n);
  return out;
}

std::string SeededRandom::bytes(std::size_t n) {
  std::lock_guard lock(mu_);
  std::string out(n, '\0');
  for (auto& c : out) c = static_cast<char>(gen_() & 0xff);
  return out;
}

std::string compactDate(Millis t) {
  std::string iso = formatIso(t);
  return iso.substr(0, 4) + iso.substr(5, 2) + iso.substr(8, 2);
}

std::string formatIso(Millis t) {
  std::time_t secs = static_cast<std::time_t>(t / 1000);
  int ms = static_cast<int>(t % 1000);
  if (ms < 0) {
    ms += 1000;
    --secs;
  }
  std::tm tm{};
  gmtime_r(&secs, &tm);
  int year = tm.tm_year + 1900;
  if (year < 0 || year > 9999) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", year, tm.tm_mon + 1,
                  tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, ms);
    return buf;
  }
  // The usual years by hand rather than with snprintf: every log line carries one.
  std::string out = "0000-00-00T00:00:00.000Z";
  auto put = [&out](std::size_t at, int v, int digits) {
    for (int i = digits - 1; i >= 0; --i, v /= 10) out[at + i] = static_cast<char>('0' + v % 10);
  };
  put(0, year, 4);
  put(5, tm.tm_mon + 1, 2);
  put(8, tm.tm_mday, 2);
  put(11, tm.tm_hour, 2);
  put(14, tm.tm_min, 2);
  put(17, tm.tm_sec, 2);
  put(20, ms, 3);
  return out;
}

}  // namespace anlan

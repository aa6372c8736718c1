#include "core/clock.h"

#include <gtest/gtest.h>

namespace anlan {
namespace {

TEST(Time, FormatsIsoUtcWithMilliseconds) {
  EXPECT_EQ(formatIso(0), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(formatIso(1'780'000'000'123), "2026-05-28T20:26:40.123Z");
  EXPECT_EQ(formatIso(-1), "1969-12-31T23:59:59.999Z");
  EXPECT_EQ(formatIso(253'402'300'799'999), "9999-12-31T23:59:59.999Z");
  EXPECT_EQ(formatIso(253'402'300'800'000), "10000-01-01T00:00:00.000Z");
  EXPECT_EQ(compactDate(1'780'000'000'123), "20260528");
}

}  // namespace
}  // namespace anlan

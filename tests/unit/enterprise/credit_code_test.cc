#include <gtest/gtest.h>

#include "enterprise/rules.h"

namespace anlan::enterprise {
namespace {

// Codes of real registered companies (public registration records) and the standard's example.
const char* kReal[] = {"91350100M000100Y43", "9144030071526726XG", "914403001922038216",
                       "91110000600037341L", "91330100716105852F", "91110108551385082Q",
                       "91440300708461136T"};

TEST(CreditCode, RealCodesAreAccepted) {
  for (const char* c : kReal) EXPECT_TRUE(validateCreditCode(c).ok()) << c;
}

TEST(CreditCode, EverySingleCharacterCorruptionIsRefused) {
  const std::string charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  int refused = 0, tried = 0;
  for (const char* c : kReal) {
    for (std::size_t i = 0; i < 18; ++i) {
      for (char sub : charset) {
        std::string bad = c;
        if (bad[i] == sub) continue;
        bad[i] = sub;
        ++tried;
        auto s = validateCreditCode(bad);
        if (!s.ok()) {
          ++refused;
          EXPECT_EQ(s.error().field, "credit_code");
        } else {
          ADD_FAILURE() << "accepted a corruption of " << c << ": " << bad;
        }
      }
    }
  }
  EXPECT_EQ(refused, tried);
  EXPECT_GT(tried, 3000);
}

TEST(CreditCode, ShapeErrorsSayWhatIsWrong) {
  EXPECT_NE(validateCreditCode("91350100M000100Y4").error().message.find("18"), std::string::npos);
  EXPECT_NE(validateCreditCode("91350100M000100Y4I").error().message.find("'I'"),
            std::string::npos);
  EXPECT_NE(validateCreditCode("91350100m000100Y43").error().message.find("'m'"),
            std::string::npos);
  EXPECT_NE(validateCreditCode("91350100M000100Y44").error().message.find("should be 3"),
            std::string::npos);
  EXPECT_FALSE(validateCreditCode("91A50100M000100Y43").ok());  // the division code is digits
  EXPECT_EQ(creditCheckChar("91350100M000100Y4"), '3');
  EXPECT_EQ(creditCheckChar("too short"), '\0');
}

}  // namespace
}  // namespace anlan::enterprise

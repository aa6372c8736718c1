// Unified social credit codes (GB 32100-2015): enterprise/rules.cc validateCreditCode and
// creditCheckChar, on any bytes. A code is accepted exactly when it is 18 characters of the
// code's alphabet, digits in places 3 to 8, ending in the check character of the first 17.
#include <cstdint>
#include <string>
#include <string_view>

#include "enterprise/rules.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using anlan::enterprise::creditCheckChar;
  using anlan::enterprise::validateCreditCode;
  constexpr std::string_view kCharset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  std::string code(reinterpret_cast<const char*>(data), size);
  auto s = validateCreditCode(code);
  if (s.ok()) {
    FUZZ_CHECK(code.size() == 18);
    for (char c : code) FUZZ_CHECK(kCharset.find(c) != std::string_view::npos);
    for (std::size_t i = 2; i < 8; ++i) FUZZ_CHECK(code[i] >= '0' && code[i] <= '9');
    FUZZ_CHECK(creditCheckChar(std::string_view(code).substr(0, 17)) == code[17]);
  } else {
    FUZZ_CHECK(s.error().field == "credit_code");
  }
  // The first 17 characters with their check character appended form a valid code whenever the
  // division code (places 3 to 8) is digits.
  if (code.size() >= 17) {
    std::string first17 = code.substr(0, 17);
    char check = creditCheckChar(first17);
    if (check != '\0') {
      FUZZ_CHECK(kCharset.find(check) != std::string_view::npos);
      bool division_digits = true;
      for (std::size_t i = 2; i < 8; ++i)
        division_digits = division_digits && first17[i] >= '0' && first17[i] <= '9';
      FUZZ_CHECK(validateCreditCode(first17 + check).ok() == division_digits);
    }
  } else {
    FUZZ_CHECK(creditCheckChar(code) == '\0');
  }
  return 0;
}

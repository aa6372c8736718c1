// The configuration (core/config.cc): the bytes up to the first NUL are a TOML file
// (loadConfigText, toml++ compiled in), every line after it a command-line --set KEY=VALUE
// (applySetting). Errors are values naming the key; nothing throws.
#include <cstdint>
#include <string>
#include <string_view>

#include "core/config.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view all(reinterpret_cast<const char*>(data), size);
  std::size_t nul = all.find('\0');
  std::string_view toml = all.substr(0, nul);
  anlan::Config cfg;
  auto loaded = anlan::loadConfigText(toml, "anlan.toml", cfg);
  if (!loaded.ok()) FUZZ_CHECK(loaded.error().code == anlan::Code::kInvalidArgument);
  if (nul == std::string_view::npos) return 0;
  std::string_view sets = all.substr(nul + 1);
  while (!sets.empty()) {
    std::size_t nl = sets.find('\n');
    std::string_view line = sets.substr(0, nl);
    anlan::Config before = cfg;
    auto set = anlan::applySetting(cfg, line);
    if (!set.ok()) {
      FUZZ_CHECK(set.error().code == anlan::Code::kInvalidArgument);
      FUZZ_CHECK(cfg.listen == before.listen && cfg.max_connections == before.max_connections);
    } else {
      FUZZ_CHECK(line.find('=') != std::string_view::npos);
    }
    if (nl == std::string_view::npos) break;
    sets.remove_prefix(nl + 1);
  }
  return 0;
}

#include "fuzz_registry.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "core/clock.h"
#include "core/log.h"
#include "db/migrate.h"

namespace anlan::fuzz {

const org::Registry& registry() {
  static const org::Registry* kRegistry = [] {
    char dir[] = "/tmp/anlan-fuzz-XXXXXX";
    if (!::mkdtemp(dir)) std::abort();
    std::string path = std::string(dir) + "/org.db";
    const org::Registry* loaded = nullptr;
    log::setLevel(log::Level::kWarn);  // the migrations' lines would bury the fuzzer's
    {
      auto db = db::open("sqlite:" + path, 1);
      FakeClock clock;
      if (db.ok() && db::migrate(**db, org::migrations(), clock).ok()) {
        auto r = org::Registry::load(**db);
        if (r.ok()) loaded = new org::Registry(std::move(r).value());
      }
    }
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
    if (!loaded) {
      std::fprintf(stderr, "fuzz: cannot load the registry\n");
      std::abort();
    }
    return loaded;
  }();
  return *kRegistry;
}

}  // namespace anlan::fuzz

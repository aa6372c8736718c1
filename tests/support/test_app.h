// The whole server in-process on a free port, with a simulated clock, cheap password hashing and
// the demo accounts seeded (password kPassword).
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "app/app.h"
#include "support/http_client.h"
#include "support/test_db.h"

namespace anlan::test {

// A valid unified social credit code for county `county`, different for each `n`.
std::string creditCode(const std::string& county, int n);

inline constexpr const char* kPassword = "Test-pass-2026";

// The smallest PNG whose content says what it is (uploads in tests).
inline const std::string kTinyPng =
    std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16) + std::string(64, '\0');

struct TestAppOptions {
  db::Engine engine = db::Engine::kSqlite;
  std::function<void(Config&)> tweak;  // adjust the configuration before start
  int demo_hazards = 0;                // demo hazards to seed (the demo set has thousands)
  bool demo_duty = false;              // the demo rotas, logs, intake and past spot checks
};

class TestApp {
 public:
  explicit TestApp(TestAppOptions options = {});
  ~TestApp();

  app::App& app() { return *app_; }
  HttpClient client() const { return HttpClient(app_->port()); }
  unsigned short port() const { return app_->port(); }
  // Signs `username` in with kPassword and returns the bearer token (fails the test otherwise).
  std::string login(const std::string& username);
  // The id of a user by name.
  std::int64_t userId(const std::string& username);
  // Registers an enterprise as the system and returns its id.
  std::int64_t addEnterprise(const std::string& jurisdiction, const std::string& sector,
                             const std::string& name = "测试化工有限公司");
  // Stops the server and opens the same database again (a restart).
  void restart();
  // A second server on the same database (another node), started on its own port, with the same
  // clock; `tweak` adjusts its configuration.
  std::unique_ptr<app::App> openNode(const std::function<void(Config&)>& tweak = {});

  FakeClock clock;
  SystemRandom random;
  Config config;

 private:
  void open();
  TestAppOptions options_;
  TestDb db_;
  TempDir files_dir_;
  std::unique_ptr<app::App> app_;
};

}  // namespace anlan::test

#include "support/test_app.h"

#include <gtest/gtest.h>

#include "app/demo.h"
#include "enterprise/rules.h"

namespace anlan::test {

std::string creditCode(const std::string& county, int n) {
  char body[16];
  std::snprintf(body, sizeof body, "%09d", n);
  std::string first17 = "91" + county.substr(0, 6) + body;
  return first17 + enterprise::creditCheckChar(first17);
}

std::int64_t TestApp::addEnterprise(const std::string& jurisdiction, const std::string& sector,
                                    const std::string& name) {
  static int n = 1;
  enterprise::Enterprise e;
  e.name = name;
  e.credit_code = creditCode(jurisdiction, 700000 + n++);
  e.jurisdiction = jurisdiction;
  e.sectors = {sector};
  e.address = "测试路1号";
  auto made = app_->enterprises().create(nullptr, e);
  EXPECT_TRUE(made.ok()) << (made.ok() ? "" : made.error().message);
  return made.ok() ? made->id : 0;
}

TestApp::TestApp(TestAppOptions options) : options_(std::move(options)), db_(options_.engine) {
  config.db = db_.url();
  config.listen = "127.0.0.1:0";
  config.argon2_ops = 1;
  config.argon2_mem_kib = 64;
  config.worker_threads = 4;
  config.io_threads = 2;
  config.read_timeout_ms = 3000;
  config.scheduler_seconds = 0;  // tests call the scheduler themselves, on the fake clock
  config.files_dir = files_dir_.path();
  if (options_.tweak) options_.tweak(config);
  open();
  if (app_) {
    app::DemoOptions demo;
    demo.hazards = options_.demo_hazards;
    demo.duty_history = options_.demo_duty;
    auto seeded = app::seedDemo(*app_, kPassword, demo);
    if (!seeded.ok()) ADD_FAILURE() << "seeding: " << seeded.error().message;
  }
}

TestApp::~TestApp() {
  if (app_) app_->stop();
}

void TestApp::open() {
  auto app = app::App::open(config, clock, random);
  if (!app.ok()) {
    ADD_FAILURE() << "cannot open the app: " << app.error().message;
    return;
  }
  app_ = std::move(app).value();
  app_->start();
}

void TestApp::restart() {
  app_->stop();
  app_.reset();
  open();
}

std::unique_ptr<app::App> TestApp::openNode(const std::function<void(Config&)>& tweak) {
  Config c = config;
  if (tweak) tweak(c);
  auto app = app::App::open(c, clock, random);
  if (!app.ok()) {
    ADD_FAILURE() << "cannot open a second node: " << app.error().message;
    return nullptr;
  }
  (*app)->start();
  return std::move(app).value();
}

std::string TestApp::login(const std::string& username) {
  auto r = client().post("/api/v1/auth/login",
                         R"({"username":")" + username + R"(","password":")" + kPassword + R"("})");
  EXPECT_EQ(r.status, 200) << r.body;
  auto v = r.json();
  if (!v.is_object() || !v.as_object().contains("token")) return {};
  return std::string(v.as_object()["token"].as_string());
}

std::int64_t TestApp::userId(const std::string& username) {
  auto u = app_->auth().findByUsername(username);
  EXPECT_TRUE(u.ok() && u.value().has_value()) << username;
  return u.ok() && *u ? (*u)->id : 0;
}

}  // namespace anlan::test

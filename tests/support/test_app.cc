#include "support/test_app.h"

#include <gtest/gtest.h>

#include "app/demo.h"

namespace anlan::test {

TestApp::TestApp(TestAppOptions options) : options_(std::move(options)), db_(options_.engine) {
  config.db = db_.url();
  config.listen = "127.0.0.1:0";
  config.argon2_ops = 1;
  config.argon2_mem_kib = 64;
  config.worker_threads = 4;
  config.io_threads = 2;
  config.read_timeout_ms = 3000;
  if (options_.tweak) options_.tweak(config);
  open();
  if (app_) {
    auto seeded = app::seedDemo(*app_, kPassword);
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

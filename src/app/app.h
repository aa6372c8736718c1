// Wiring: the only place that knows every module. Opens the database, applies migrations, builds
// the services and their routes, and runs the server. Used by main and by the integration tests.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "auth/service.h"
#include "bus/bus.h"
#include "core/calendar.h"
#include "core/clock.h"
#include "core/config.h"
#include "db/database.h"
#include "duty/presence.h"
#include "duty/service.h"
#include "enterprise/service.h"
#include "hazard/service.h"
#include "http/metrics.h"
#include "http/origin.h"
#include "http/router.h"
#include "http/server.h"
#include "org/registry.h"
#include "work/notifier.h"
#include "work/service.h"

namespace anlan::app {

// Every module's migrations in dependency order.
std::vector<db::Migration> allMigrations();

class App {
 public:
  // Opens the database named in `cfg`, migrates it and builds every module. The clock and
  // random source must outlive the App.
  static Result<std::unique_ptr<App>> open(const Config& cfg, const Clock& clock, Random& random);
  ~App();

  // Adds POST /api/v1/testing/clock, which moves `clock` (the App's clock) forward and runs the
  // scheduler once. For browser tests: refused unless cfg.testing_clock and a loopback listen
  // address. Call before start().
  Status enableTestingClock(OffsetClock& clock);

  // Starts serving on cfg.listen; throws std::runtime_error when it cannot listen.
  void start();
  void stop();
  // Closes the event sockets of sessions that are no longer live (ended by another node, the CLI,
  // or expired); returns how many. The watcher thread runs it every session_watch_ms.
  std::size_t closeEndedSockets();
  // Sends the notifications that are due on every channel; returns how many were delivered. The
  // notifier thread runs it every notify_poll_ms.
  std::size_t deliverNotifications();
  unsigned short port() const { return server_->port(); }

  db::Database& db() { return *db_; }
  auth::AuthService& auth() { return *auth_; }
  enterprise::EnterpriseService& enterprises() { return *enterprises_; }
  hazard::HazardService& hazards() { return *hazards_; }
  duty::DutyService& duty() { return *duty_; }
  work::Inbox& inbox() { return *inbox_; }
  work::Notifier& notifier() { return *notifier_; }
  bus::Bus& bus() { return bus_; }
  const org::Registry& registry() const { return *registry_; }
  const http::Router& router() const { return router_; }
  http::Server& server() { return *server_; }
  const Config& config() const { return cfg_; }
  const Clock& clock() const { return clock_; }
  const Calendar& calendar() const { return calendar_; }

 private:
  App(const Config& cfg, const Clock& clock) : cfg_(cfg), clock_(clock) {}
  void addSystemRoutes();
  // Runs the scheduled work (hazard deadlines and notices, spot-check answer timeouts) once.
  void runScheduledWork();
  // Runs it every cfg.scheduler_seconds until stop() (0: not at all).
  void runScheduler();
  // Closes the event sockets whose sessions ended elsewhere, every cfg.session_watch_ms.
  void watchSessions();
  void runNotifier();
  // The notification channels cfg names (the webhook).
  Result<std::vector<std::unique_ptr<work::Channel>>> openChannels() const;

  Config cfg_;
  const Clock& clock_;
  Calendar calendar_;
  std::unique_ptr<db::Database> db_;
  std::unique_ptr<org::Registry> registry_;
  bus::Bus bus_;
  std::unique_ptr<auth::AuthService> auth_;
  std::unique_ptr<work::Feed> work_feed_;
  std::unique_ptr<work::Inbox> inbox_;
  std::unique_ptr<work::Notifier> notifier_;
  std::unique_ptr<enterprise::EnterpriseService> enterprises_;
  std::unique_ptr<hazard::HazardService> hazards_;
  std::unique_ptr<duty::DutyService> duty_;
  std::unique_ptr<duty::Presence> presence_;
  http::Router router_;
  http::Metrics metrics_;
  std::unique_ptr<http::Server> server_;
  std::uint64_t ws_subscription_ = 0;
  http::OriginPolicy origins_;
  std::thread scheduler_, watcher_, notifying_;
  std::mutex scheduler_mu_;
  std::condition_variable scheduler_cv_;
  bool stopping_ = false;  // guarded by scheduler_mu_
};

}  // namespace anlan::app

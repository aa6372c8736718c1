#include "app/app.h"

#include <boost/json/serialize.hpp>
#include <sstream>
#include <thread>

#include "access/rules.h"
#include "audit/audit.h"
#include "audit/routes.h"
#include "auth/routes.h"
#include "auth/rules.h"
#include "core/json.h"
#include "core/log.h"
#include "core/messages.h"
#include "db/migrate.h"
#include "db/serial.h"
#include "duty/routes.h"
#include "duty/rules.h"
#include "enterprise/routes.h"
#include "hazard/routes.h"
#include "hazard/rules.h"
#include "http/static_files.h"
#include "org/routes.h"
#include "work/routes.h"
#include "work/rules.h"

namespace anlan {
namespace app {

const std::string& openApiDocument();  // generated from docs/openapi.json

std::vector<db::Migration> allMigrations() {
  std::vector<db::Migration> all;
  for (const auto* list : {&db::migrations(), &org::migrations(), &audit::migrations(),
                           &auth::migrations(), &work::migrations(), &enterprise::migrations(),
                           &hazard::migrations(), &duty::migrations()}) {
    all.insert(all.end(), list->begin(), list->end());
  }
  return all;
}

namespace {

int cores() { return static_cast<int>(std::max(1u, std::thread::hardware_concurrency())); }

}  // namespace

Result<std::unique_ptr<App>> App::open(const Config& cfg, const Clock& clock, Random& random) {
  std::unique_ptr<App> app(new App(cfg, clock));
  TRY(app->calendar_, Calendar::parseOffset(cfg.calendar_utc_offset));
  TRY_STATUS(auth::passwordDictionaryReady());
  TRY_STATUS(messages::check());
  int workers = cfg.worker_threads > 0 ? cfg.worker_threads : std::max(4, 2 * cores());
  TRY(app->db_, db::open(cfg.db, std::max(cfg.db_pool_size, workers)));
  TRY(auto applied, db::migrate(*app->db_, allMigrations(), clock));
  (void)applied;
  TRY(auto registry, org::Registry::load(*app->db_));
  app->registry_ = std::make_unique<org::Registry>(std::move(registry));
  app->auth_ = std::make_unique<auth::AuthService>(*app->db_, *app->registry_, app->bus_, clock,
                                                   random, cfg);

  TRY(auto channels, app->openChannels());
  std::vector<std::string> channel_names;
  for (const auto& ch : channels) channel_names.push_back(ch->name());
  app->work_feed_ = std::make_unique<work::Feed>(app->bus_, channel_names);
  app->inbox_ = std::make_unique<work::Inbox>(*app->db_, clock);

  app->enterprises_ =
      std::make_unique<enterprise::EnterpriseService>(*app->db_, *app->registry_, app->bus_, clock);
  app->auth_->setEnterpriseLookup([enterprises = app->enterprises_.get()](std::int64_t id) {
    return enterprises->subject(id);
  });

  hazard::Options hazard_options;
  hazard_options.files_dir = cfg.files_dir;
  hazard_options.max_upload_bytes = cfg.max_upload_bytes;
  hazard_options.notice_cycle_days = cfg.notice_cycle_days;
  hazard_options.calendar = app->calendar_;
  app->hazards_ = std::make_unique<hazard::HazardService>(
      *app->db_, *app->registry_, app->bus_, *app->work_feed_, clock, *app->enterprises_,
      *app->auth_, hazard_options);

  duty::Options duty_options;
  duty_options.answer_timeout_ms = static_cast<Millis>(cfg.roll_call_answer_seconds) * 1000;
  duty_options.calendar = app->calendar_;
  app->duty_ = std::make_unique<duty::DutyService>(*app->db_, *app->registry_, app->bus_,
                                                   *app->work_feed_, clock, random, duty_options);

  std::map<std::string, std::string> kinds;
  for (const auto* list : {&hazard::workKinds(), &duty::workKinds()})
    kinds.insert(list->begin(), list->end());
  app->notifier_ = std::make_unique<work::Notifier>(
      *app->db_, clock, app->calendar_, std::move(channels),
      [auth = app->auth_.get()](const work::WorkItem& w) -> Result<std::vector<work::Recipient>> {
        TRY(auto who, auth->activePrincipals(
                          [&](const access::Principal& p) { return work::waitsOn(w, p); }));
        std::vector<work::Recipient> out;
        for (const auto& p : who)
          out.push_back({p.user.username, p.user.display_name, p.user.phone});
        return out;
      },
      std::move(kinds));

  app->origins_ = http::OriginPolicy::parse(cfg.public_origins);
  const Calendar& cal = app->calendar_;
  auth::addRoutes(app->router_, *app->auth_, app->origins_, clock, cal);
  enterprise::addRoutes(app->router_, *app->auth_, *app->enterprises_, clock, cal);
  hazard::addRoutes(app->router_, *app->auth_, *app->hazards_, clock, cal);
  app->presence_ = std::make_unique<duty::Presence>(app->bus_, clock);
  duty::RtcConfig rtc;
  std::istringstream urls(cfg.ice_servers);
  for (std::string u; urls >> u;) {
    if (u.rfind("stun:", 0) != 0 && u.rfind("turn:", 0) != 0 && u.rfind("turns:", 0) != 0) {
      return Error::invalid("ice_servers",
                            "ice_servers are stun:, turn: or turns: URLs, got '" + u + "'");
    }
    rtc.urls.push_back(u);
  }
  rtc.username = cfg.turn_username;
  rtc.credential = cfg.turn_password;
  rtc.answer_timeout_seconds = cfg.roll_call_answer_seconds;
  duty::addRoutes(app->router_, *app->auth_, *app->duty_, *app->presence_, *app->registry_,
                  std::move(rtc));
  org::addRoutes(app->router_, *app->auth_, *app->registry_);
  work::addRoutes(app->router_, *app->auth_, *app->inbox_, clock);
  audit::addRoutes(app->router_, *app->auth_, *app->db_, clock, cal,
                   [registry = app->registry_.get()](const std::string& code) {
                     return registry->fullName(code);
                   });
  app->addSystemRoutes();
  if (!cfg.web_root.empty()) {
    auto web = http::StaticFiles::load(cfg.web_root);
    if (web.ok()) {
      auto files = std::make_shared<http::StaticFiles>(std::move(web).value());
      app->router_.setFallback([files](const http::Request& req) { return files->serve(req); });
      log::info("web application loaded", {{"web_root", cfg.web_root}, {"files", files->files()}});
    } else {
      log::warn("no web application to serve",
                {{"web_root", cfg.web_root}, {"reason", web.error().message}});
    }
  }

  http::ServerOptions so;
  TRY(auto listen, http::parseListen(cfg.listen));
  so.host = listen.first;
  so.port = listen.second;
  so.tls_cert = cfg.tls_cert;
  so.tls_key = cfg.tls_key;
  so.max_header_bytes = cfg.max_header_bytes;
  so.max_body_bytes = cfg.max_body_bytes;
  so.read_timeout_ms = cfg.read_timeout_ms;
  so.max_connections = cfg.max_connections;
  so.io_threads = cfg.io_threads > 0 ? cfg.io_threads : cores();
  so.worker_threads = workers;
  try {
    app->server_ = std::make_unique<http::Server>(so, app->router_, app->metrics_);
  } catch (const std::exception& e) {
    return Error::invalid("tls_cert",
                          std::string("cannot load the TLS certificate or key: ") + e.what());
  }

  // Events reach each WebSocket client whose scope admits what they describe (access::receives).
  // Clients may also send: call signalling (WebRTC offers, answers, ICE candidates) relayed by the
  // duty module to the other party of a spot-check call only. Open consoles make a duty room's
  // presence. A client is labelled with its session and its user, so that it is closed as soon
  // as either ends.
  auth::AuthService& auth = *app->auth_;
  duty::DutyService& duty = *app->duty_;
  duty::Presence& presence = *app->presence_;
  const http::OriginPolicy& origins = app->origins_;
  app->server_->setWebSocket(
      "/api/v1/events",
      [&auth, &duty, &presence, &origins](http::Request& req) -> Result<http::WsSession> {
        TRY_STATUS(origins.check(req));
        TRY(auto p, access::requirePrincipal(auth, req));
        TRY_STATUS(access::authorize(p, access::Action::kSubscribeEvents));
        http::WsSession session;
        session.keys = {"session:" + p.session_hash, "user:" + std::to_string(p.user.id)};
        session.filter = [p](const http::WsAudience& a) { return access::receives(p, a); };
        session.on_message = [&duty, p](const std::string& text) { duty.relay(p, text); };
        session.on_open = [&presence, user = p.user] { presence.opened(user); };
        session.on_close = [&presence, user = p.user] { presence.closed(user); };
        return session;
      });
  http::Server* server = app->server_.get();
  app->ws_subscription_ = app->bus_.subscribe([server](const bus::Event& e) {
    boost::json::object msg{
        {"type", e.type}, {"jurisdiction", e.subject.jurisdiction}, {"at", e.at}, {"data", e.data}};
    server->broadcast({e.subject, e.to_user, e.permission}, boost::json::serialize(msg));
  });
  auth.onSessionsEnded([server](const std::string& key) { server->closeClients(key); });

  app->metrics_.addGauge("anlan_db_pool_connections", "Database connections open.",
                         [db = app->db_.get()] { return db->stats().size; });
  app->metrics_.addGauge("anlan_db_pool_in_use", "Database connections lent out now.",
                         [db = app->db_.get()] { return db->stats().in_use; });
  app->metrics_.addGauge("anlan_websocket_clients", "WebSocket clients connected.",
                         [server] { return static_cast<double>(server->wsClients()); });
  app->metrics_.addGauge("anlan_http_connections", "HTTP connections open.",
                         [server] { return server->connections(); });
  return app;
}

App::~App() {
  stop();
  bus_.unsubscribe(ws_subscription_);
}

void App::start() {
  server_->start();
  if (cfg_.scheduler_seconds > 0 && !scheduler_.joinable())
    scheduler_ = std::thread([this] { runScheduler(); });
  if (cfg_.session_watch_ms > 0 && !watcher_.joinable())
    watcher_ = std::thread([this] { watchSessions(); });
  if (cfg_.notify_poll_ms > 0 && !notifier_->channels().empty() && !notifying_.joinable())
    notifying_ = std::thread([this] { runNotifier(); });
  log::info("serving", {{"listen", cfg_.listen},
                        {"port", server_->port()},
                        {"tls", !cfg_.tls_cert.empty()},
                        {"db", db_->engine() == db::Engine::kSqlite ? "sqlite" : "postgresql"}});
}

void App::stop() {
  {
    std::lock_guard lock(scheduler_mu_);
    stopping_ = true;
  }
  scheduler_cv_.notify_all();
  if (scheduler_.joinable()) scheduler_.join();
  if (watcher_.joinable()) watcher_.join();
  if (notifying_.joinable()) notifying_.join();
  if (server_) server_->stop();
}

void App::runScheduledWork() {
  auto report = hazards_->tick();
  if (!report.ok()) {
    log::error("hazard scheduler failed", {{"reason", report.error().message}});
  } else if (report->marked_overdue || report->notices_issued) {
    log::info("hazard scheduler", {{"marked_overdue", report->marked_overdue},
                                   {"notices_issued", report->notices_issued}});
  }
  auto unanswered = duty_->tick();
  if (!unanswered.ok()) {
    log::error("spot-check timeouts failed", {{"reason", unanswered.error().message}});
  } else if (*unanswered) {
    log::info("spot-check rooms not answering", {{"rooms", *unanswered}});
  }
}

void App::runScheduler() {
  // The interval only paces the work; what is due is decided from the injected clock.
  std::unique_lock lock(scheduler_mu_);
  while (!stopping_) {
    lock.unlock();
    runScheduledWork();
    lock.lock();
    scheduler_cv_.wait_for(lock, std::chrono::seconds(cfg_.scheduler_seconds),
                           [this] { return stopping_; });
  }
}

std::size_t App::closeEndedSockets() {
  std::vector<std::string> hashes;
  for (auto& key : server_->clientKeys("session:")) hashes.push_back(key.substr(8));
  std::sort(hashes.begin(), hashes.end());
  hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
  auto ended = auth_->endedSessions(hashes);
  if (!ended.ok()) {
    log::warn("cannot check the sessions of open event sockets",
              {{"reason", ended.error().message}});
    return 0;
  }
  std::size_t closed = 0;
  for (const auto& h : *ended) closed += server_->closeClients("session:" + h);
  if (closed)
    log::info("event sockets of ended sessions closed",
              {{"sockets", static_cast<std::int64_t>(closed)}});
  return closed;
}

Result<std::vector<std::unique_ptr<work::Channel>>> App::openChannels() const {
  std::vector<std::unique_ptr<work::Channel>> out;
  if (cfg_.webhook_url.empty()) return out;
  TRY(auto target, http::parseTarget(cfg_.webhook_url, "webhook_url"));
  if (cfg_.webhook_secret.size() < 16) {
    return Error::invalid("webhook_secret",
                          "webhook_secret must be at least 16 bytes when webhook_url is set");
  }
  if (cfg_.webhook_timeout_ms < 100)
    return Error::invalid("webhook_timeout_ms", "webhook_timeout_ms must be at least 100");
  http::ClientOptions options;
  options.timeout_ms = cfg_.webhook_timeout_ms;
  options.ca_file = cfg_.webhook_ca_file;
  out.push_back(std::make_unique<work::WebhookChannel>(std::move(target), cfg_.webhook_secret,
                                                       std::move(options)));
  return out;
}

std::size_t App::deliverNotifications() {
  auto sent = notifier_->tick();
  if (!sent.ok()) {
    log::error("notifier failed", {{"reason", sent.error().message}});
    return 0;
  }
  return static_cast<std::size_t>(*sent);
}

void App::runNotifier() {
  std::unique_lock lock(scheduler_mu_);
  while (!stopping_) {
    lock.unlock();
    deliverNotifications();
    lock.lock();
    scheduler_cv_.wait_for(lock, std::chrono::milliseconds(cfg_.notify_poll_ms),
                           [this] { return stopping_; });
  }
}

void App::watchSessions() {
  // Sessions ended through this process close their sockets at once (onSessionsEnded); this
  // catches what another node or the CLI ended, and sessions that expired, within a second.
  std::unique_lock lock(scheduler_mu_);
  while (!stopping_) {
    scheduler_cv_.wait_for(lock, std::chrono::milliseconds(cfg_.session_watch_ms),
                           [this] { return stopping_; });
    if (stopping_) break;
    lock.unlock();
    closeEndedSockets();
    lock.lock();
  }
}

Status App::enableTestingClock(OffsetClock& clock) {
  if (!cfg_.testing_clock) return Error::invalid("testing_clock", "testing_clock is off");
  if (&clock != &clock_)
    return Error::invalid("testing_clock", "the testing clock must be the server's clock");
  TRY(auto listen, http::parseListen(cfg_.listen));
  if (listen.first != "127.0.0.1" && listen.first != "::1" && listen.first != "localhost") {
    return Error::invalid("testing_clock",
                          "testing_clock is only allowed on a loopback listen address");
  }
  log::warn("testing clock enabled: POST /api/v1/testing/clock moves time forward");
  router_.add(
      "POST", "/api/v1/testing/clock",
      [this, &clock](http::Request& req) -> http::Response {
        auto body = json::parseObject(req.body);
        if (!body.ok()) return http::errorResponse(body.error());
        auto advance = json::requireInt(*body, "advance_ms");
        if (!advance.ok()) return http::errorResponse(advance.error());
        if (*advance < 0)
          return http::errorResponse(
              Error::invalid("advance_ms", "advance_ms must not be negative"));
        clock.advance(*advance);
        auto report = hazards_->tick();
        if (!report.ok()) return http::errorResponse(report.error());
        auto unanswered = duty_->tick();
        if (!unanswered.ok()) return http::errorResponse(unanswered.error());
        return http::jsonResponse(boost::json::object{{"now", clock.now()},
                                                      {"marked_overdue", report->marked_overdue},
                                                      {"notices_issued", report->notices_issued},
                                                      {"rooms_not_answering", *unanswered}});
      },
      "Testing only: move the clock forward and run the scheduler");
  return {};
}

void App::addSystemRoutes() {
  router_.add(
      "GET", "/healthz",
      [this](http::Request&) {
        Status s = db_->ping();
        boost::json::object o{{"status", s.ok() ? "ok" : "degraded"},
                              {"version", ANLAN_VERSION},
                              {"database", s.ok() ? "reachable" : "unreachable"},
                              {"time", clock_.now()}};
        return http::jsonResponse(o, s.ok() ? 200 : 503);
      },
      "Liveness and database reachability (public)");

  router_.add(
      "GET", "/metrics",
      [this](http::Request&) {
        http::Response r;
        r.content_type = "text/plain; version=0.0.4; charset=utf-8";
        r.body = metrics_.render();
        return r;
      },
      "Prometheus metrics (public)");

  router_.add(
      "GET", "/api/v1/openapi.json",
      [](http::Request&) {
        http::Response r;
        r.body = openApiDocument();
        return r;
      },
      "This API's OpenAPI 3 description (public)");
}

}  // namespace app
}  // namespace anlan

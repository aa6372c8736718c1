// The anlan command: serve, migrate, admin, audit, backup, version.
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "app/app.h"
#include "app/cert.h"
#include "app/demo.h"
#include "audit/audit.h"
#include "core/crypto.h"
#include "core/log.h"

namespace {

using namespace anlan;

constexpr const char* kUsage = R"(anlan — emergency-management command platform

usage:
  anlan serve [--config FILE] [--db URL] [--listen HOST:PORT] [--demo] [--demo-password PW]
              [--set KEY=VALUE]...
  anlan migrate [--config FILE] [--db URL]
  anlan admin create-user --username U --role ROLE --jurisdiction CODE [--display-name NAME]
              [--department NAME] [--password PW] [--config FILE] [--db URL]
              (the password: --password, else ANLAN_PASSWORD, else a line of standard input)
  anlan admin reset-password --username U [--password PW] [--config FILE] [--db URL]
  anlan audit verify [--config FILE] [--db URL]
  anlan backup --to FILE [--config FILE] [--db URL]
  anlan cert init [--dir DIR] [--names NAME,...] [--days N]
              (a local CA, kept if DIR has one, and a server certificate for this machine's
              names and addresses plus NAMEs; DIR defaults to var/tls; see docs/operations.md)
  anlan version

URL: sqlite:PATH (default sqlite:var/anlan.db) or postgresql://USER@HOST:PORT/DB
ROLE: admin, commander, duty_officer, department_officer, enterprise_officer
)";

struct Args {
  std::vector<std::string> words;              // positional
  std::map<std::string, std::string> options;  // --name value
  std::vector<std::string> sets;               // --set k=v
  bool demo = false;
};

bool parseArgs(int argc, char** argv, Args& a, std::string& err) {
  for (int i = 1; i < argc; ++i) {
    std::string w = argv[i];
    if (w == "--demo") {
      a.demo = true;
    } else if (w == "--help" || w == "-h") {
      a.words.insert(a.words.begin(), "help");
    } else if (w.rfind("--", 0) == 0) {
      if (i + 1 >= argc) {
        err = w + " needs a value";
        return false;
      }
      if (w == "--set") {
        a.sets.push_back(argv[++i]);
      } else {
        a.options[w.substr(2)] = argv[++i];
      }
    } else {
      a.words.push_back(w);
    }
  }
  return true;
}

int fail(const std::string& msg) {
  std::fprintf(stderr, "anlan: %s\n", msg.c_str());
  return 2;
}

int fail(const Error& e) {
  return fail(e.message + (e.field.empty() ? "" : " (" + e.field + ")") +
              (e.detail.empty() ? "" : ": " + e.detail));
}

Result<Config> buildConfig(const Args& a) {
  Config cfg;
  if (auto it = a.options.find("config"); it != a.options.end()) {
    TRY_STATUS(loadConfigFile(it->second, cfg));
  }
  applyEnvironment(cfg);
  if (auto it = a.options.find("db"); it != a.options.end()) cfg.db = it->second;
  if (auto it = a.options.find("listen"); it != a.options.end()) cfg.listen = it->second;
  for (const auto& s : a.sets) TRY_STATUS(applySetting(cfg, s));
  log::Level level;
  if (!log::parseLevel(cfg.log_level, &level)) {
    return Error::invalid("log_level", "log_level must be debug, info, warn or error");
  }
  log::setLevel(level);
  return cfg;
}

std::string option(const Args& a, const std::string& name) {
  auto it = a.options.find(name);
  return it == a.options.end() ? std::string() : it->second;
}

// Where the demo password is kept between runs: beside the SQLite file, else ./var.
std::filesystem::path demoPasswordFile(const Config& cfg) {
  std::filesystem::path dir = "var";
  if (cfg.db.rfind("sqlite:", 0) == 0) {
    dir = std::filesystem::path(cfg.db.substr(7)).parent_path();
    if (dir.empty()) dir = ".";
  }
  return dir / "demo-password.txt";
}

Result<std::string> demoPassword(const Config& cfg, const std::string& given, Random& random) {
  auto file = demoPasswordFile(cfg);
  if (given.empty()) {
    if (std::ifstream in(file); in) {
      std::string pw;
      std::getline(in, pw);
      if (!pw.empty()) return pw;
    }
  }
  std::string pw = given.empty() ? "Anlan-" + base64Url(random.bytes(9)) + "7" : given;
  std::error_code ec;
  std::filesystem::create_directories(file.parent_path(), ec);
  std::ofstream out(file);
  out << pw << "\n";
  out.close();
  std::filesystem::permissions(
      file, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write, ec);
  return pw;
}

std::string readPassword(const Args& a) {
  std::string pw = option(a, "password");
  if (pw.empty()) {
    if (const char* env = std::getenv("ANLAN_PASSWORD")) pw = env;
  }
  if (pw.empty()) std::getline(std::cin, pw);
  return pw;
}

int serve(const Args& a) {
  auto cfg = buildConfig(a);
  if (!cfg.ok()) return fail(cfg.error());
  // The system clock, moved forward on request when testing_clock is on (browser tests).
  OffsetClock clock;
  SystemRandom random;
  auto app = app::App::open(*cfg, clock, random);
  if (!app.ok()) return fail(app.error());
  if (cfg->testing_clock) {
    Status s = (*app)->enableTestingClock(clock);
    if (!s.ok()) return fail(s.error());
  }
  if (a.demo) {
    auto pw = demoPassword(*cfg, option(a, "demo-password"), random);
    if (!pw.ok()) return fail(pw.error());
    auto created = app::seedDemo(**app, *pw);
    if (!created.ok()) return fail(created.error());
    if (created->enterprises) std::printf("Seeded %d demo enterprises.\n", created->enterprises);
    if (created->hazards)
      std::printf("Seeded %d demo hazards with their timelines and two notices.\n",
                  created->hazards);
    if (created->duty_rooms) {
      std::printf(
          "Seeded rotas for %d duty rooms, their logs, intake reports and %d past spot checks.\n",
          created->duty_rooms, created->spot_checks);
    }
    std::printf("Demo accounts (password: %s)\n", pw->c_str());
    for (const auto& acc : app::demoAccounts((*app)->registry())) {
      std::printf("  %-14s %-20s %s %s（%s）\n", acc.username.c_str(), acc.role.c_str(),
                  acc.jurisdiction.c_str(), acc.display_name.c_str(), acc.post.c_str());
    }
  }
  // Block the stop signals before any thread starts, then wait for one.
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  try {
    (*app)->start();
  } catch (const std::exception& e) {
    return fail(e.what());
  }
  std::string scheme = cfg->tls_cert.empty() ? "http" : "https";
  auto listen = http::parseListen(cfg->listen);
  std::printf("Anlan is serving on %s://%s:%u\n", scheme.c_str(), listen->first.c_str(),
              static_cast<unsigned>((*app)->port()));
  std::fflush(stdout);
  int sig = 0;
  sigwait(&set, &sig);
  log::info("stopping", {{"signal", sig}});
  (*app)->stop();
  log::flush();
  return 0;
}

// Opens the database and applies migrations without serving.
Result<std::unique_ptr<app::App>> openOnly(const Args& a, const Clock& clock, Random& random) {
  TRY(auto cfg, buildConfig(a));
  cfg.listen = "127.0.0.1:0";
  cfg.worker_threads = 1;
  cfg.io_threads = 1;
  return app::App::open(cfg, clock, random);
}

int certInit(const Args& a) {
  app::CertOptions o;
  if (!option(a, "dir").empty()) o.dir = option(a, "dir");
  std::string names = option(a, "names");
  for (std::size_t at = 0; at < names.size();) {
    std::size_t comma = names.find(',', at);
    if (comma == std::string::npos) comma = names.size();
    if (comma > at) o.names.push_back(names.substr(at, comma - at));
    at = comma + 1;
  }
  if (!option(a, "days").empty()) {
    try {
      o.server_days = std::stoi(option(a, "days"));
    } catch (const std::exception&) {
      return fail("--days must be a number of days");
    }
  }
  auto r = app::initCertificates(o);
  if (!r.ok()) return fail(r.error());
  std::printf("%s %s\n", r->ca_created ? "created the local CA" : "kept the local CA",
              r->ca_cert.c_str());
  std::printf("  SHA-256 fingerprint %s\n", r->ca_fingerprint.c_str());
  std::printf("issued %s for:", r->server_cert.c_str());
  for (const auto& n : r->names) std::printf(" %s", n.c_str());
  std::printf(
      "\n\nServe HTTPS with these settings (anlan.toml, or --set on the command line):\n"
      "  tls_cert = \"%s\"\n  tls_key = \"%s\"\n"
      "Then make the duty-room browsers trust %s (docs/operations.md). Keep %s secret.\n",
      r->server_cert.c_str(), r->server_key.c_str(), r->ca_cert.c_str(), r->ca_key.c_str());
  return 0;
}

int run(const Args& a) {
  const auto& w = a.words;
  if (w.empty() || w[0] == "help" || w[0] == "--help") {
    std::fputs(kUsage, w.empty() ? stderr : stdout);
    return w.empty() ? 2 : 0;
  }
  if (w[0] == "version") {
    std::printf("anlan %s\n", ANLAN_VERSION);
    return 0;
  }
  if (w[0] == "serve") return serve(a);

  SystemClock clock;
  SystemRandom random;
  if (w[0] == "migrate") {
    auto app = openOnly(a, clock, random);
    if (!app.ok()) return fail(app.error());
    std::printf("database is up to date\n");
    return 0;
  }
  if (w[0] == "audit" && w.size() == 2 && w[1] == "verify") {
    auto app = openOnly(a, clock, random);
    if (!app.ok()) return fail(app.error());
    auto v = audit::verify((*app)->db());
    if (!v.ok()) return fail(v.error());
    if (v->ok) {
      std::printf("audit chain intact: %lld records\n", static_cast<long long>(v->records));
      return 0;
    }
    std::printf("audit chain BROKEN at record %lld: %s\n",
                static_cast<long long>(v->first_broken_id.value_or(0)), v->problem.c_str());
    return 1;
  }
  if (w[0] == "backup") {
    std::string to = option(a, "to");
    if (to.empty()) return fail("backup needs --to FILE");
    auto app = openOnly(a, clock, random);
    if (!app.ok()) return fail(app.error());
    if (auto s = (*app)->db().backupTo(to); !s.ok()) return fail(s.error());
    std::printf("backup written to %s\n", to.c_str());
    return 0;
  }
  if (w[0] == "cert" && w.size() == 2 && w[1] == "init") return certInit(a);
  if (w[0] == "admin" && w.size() == 2 && (w[1] == "create-user" || w[1] == "reset-password")) {
    std::string username = option(a, "username");
    if (username.empty()) return fail("--username is required");
    auto app = openOnly(a, clock, random);
    if (!app.ok()) return fail(app.error());
    std::string pw = readPassword(a);
    if (w[1] == "create-user") {
      auth::NewUser u;
      u.username = username;
      u.display_name = option(a, "display-name").empty() ? username : option(a, "display-name");
      u.password = pw;
      u.role = option(a, "role");
      u.jurisdiction = option(a, "jurisdiction");
      if (!option(a, "department").empty()) u.department = option(a, "department");
      auto made = (*app)->auth().createUser(nullptr, u);
      if (!made.ok()) return fail(made.error());
      std::printf("created user %s (id %lld)\n", username.c_str(),
                  static_cast<long long>(made->id));
      return 0;
    }
    auto user = (*app)->auth().findByUsername(username);
    if (!user.ok()) return fail(user.error());
    if (!*user) return fail("no such user: " + username);
    if (auto s = (*app)->auth().resetPassword(nullptr, (*user)->id, pw); !s.ok())
      return fail(s.error());
    std::printf("password reset for %s; their sessions have ended\n", username.c_str());
    return 0;
  }
  std::fputs(kUsage, stderr);
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  Args a;
  std::string err;
  if (!parseArgs(argc, argv, a, err)) return fail(err);
  try {
    anlan::initCrypto();
    return run(a);
  } catch (const std::exception& e) {
    return fail(e.what());
  }
}

// hazard_load: fills a database with the demo accounts and register and N synthetic hazards for
// the scale benchmark (bench/hazards/run.sh), then rebuilds the kept counts and analyses.
//
//   hazard_load --db sqlite:PATH|postgresql://… --count N [--manifest FILE] [--seed S] [--years Y]
//               [--timeline-every K] [--password PW] [--reuse]
//
// Hazards come from hazard::Generator in the order they were found (rising quantiles of its spread
// over the years), so that ids rise with found_at as in a real register. Codes
// YH-<unit>-<year>-<serial> are numbered here, per unit and year, and the serials are reserved in
// hazard_serials so that hazards registered later continue them. One hazard in K gets its timeline
// (the others have none: 10 million timelines would add some 50 million events). No audit records
// are written: this is a bulk load, not N registrations.
//
// With --reuse nothing is loaded: the tool checks that the database holds what --manifest says
// (count, seed, years) and applies the migrations added since (then analyses again). Exit status
// 0: ready; 10: not the database the manifest describes (load it afresh); other: an error.
#include <malloc.h>

#include <algorithm>
#include <boost/json.hpp>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <random>
#include <thread>

#include "app/app.h"
#include "app/demo.h"
#include "core/crypto.h"
#include "db/migrate.h"
#include "db/serial.h"
#include "hazard/store.h"
#include "hazard/synthetic.h"

namespace {

using namespace anlan;
namespace bj = boost::json;
using Clock_ = std::chrono::steady_clock;

constexpr int kExitReload = 10;

struct Options {
  std::string db, manifest, password = "Bench-pass-2026";
  std::int64_t count = 0;
  std::uint64_t seed = 430400;
  int years = 5;
  int timeline_every = 100;
  int txn_rows = 20000;  // hazards per transaction
  bool reuse = false;
};

int usage(const char* msg) {
  std::fprintf(stderr,
               "hazard_load: %s\nusage: hazard_load --db URL --count N [--manifest FILE] [--seed "
               "S] [--years Y]\n"
               "                   [--timeline-every K] [--password PW] [--reuse]\n",
               msg);
  return 2;
}

double since(Clock_::time_point t0) {
  return std::chrono::duration<double>(Clock_::now() - t0).count();
}

template <class... A>
void say(const char* fmt, A... args) {
  if constexpr (sizeof...(A) == 0) {
    std::fputs(fmt, stderr);
  } else {
    std::fprintf(stderr, fmt, args...);
  }
  std::fputc('\n', stderr);
}

// Says why and returns `code` (the exit status).
template <class... A>
int fail(int code, const char* fmt, A... args) {
  say(fmt, args...);
  return code;
}

// One transaction's worth of hazards, in the order they were found.
struct Batch {
  std::vector<hazard::Hazard> hazards;
  std::vector<std::vector<hazard::Event>> timelines;  // parallel to hazards, mostly empty
};

// A bounded queue between the generating thread and the writing one.
class Queue {
 public:
  void push(Batch b) {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [&] { return q_.size() < 3 || stop_; });
    q_.push_back(std::move(b));
    cv_.notify_all();
  }
  // Empty optional when the producer is done.
  std::optional<Batch> pop() {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [&] { return !q_.empty() || done_; });
    if (q_.empty()) return std::nullopt;
    Batch b = std::move(q_.front());
    q_.pop_front();
    cv_.notify_all();
    return b;
  }
  void finish() {
    std::lock_guard lock(mu_);
    done_ = true;
    cv_.notify_all();
  }
  void abort() {
    std::lock_guard lock(mu_);
    stop_ = true;
    cv_.notify_all();
  }
  bool aborted() {
    std::lock_guard lock(mu_);
    return stop_;
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Batch> q_;
  bool done_ = false, stop_ = false;
};

Config configFor(const std::string& url) {
  Config cfg;
  cfg.db = url;
  cfg.listen = "127.0.0.1:0";
  cfg.worker_threads = 1;
  cfg.io_threads = 1;
  cfg.db_pool_size = 2;
  cfg.files_dir = (std::filesystem::temp_directory_path() / "anlan-hazard-load-files").string();
  cfg.web_root.clear();
  return cfg;
}

bj::array migrationList(db::Database& db) {
  bj::array out;
  auto rows = db::read<db::Rows>(db, [](db::Conn& c) {
    return c.query("SELECT module, version, name FROM schema_migrations ORDER BY module, version");
  });
  if (rows.ok()) {
    for (const auto& r : rows->rows) out.push_back(bj::string(r.str(0) + "/" + r.str(2)));
  }
  return out;
}

Result<access::Principal> principalOf(app::App& app, const std::string& username) {
  TRY(auto user, app.auth().findByUsername(username));
  if (!user) return Error::notFound("the demo account " + username + " is missing");
  return app.auth().principalOf(*user);
}

Result<std::int64_t> keptTotal(app::App& app) {
  TRY(auto commander, principalOf(app, "commander"));
  TRY(auto s, app.hazards().stats(commander, {}));
  return s.total.found;
}

Status analyze(db::Database& db) {
  return db.write([](db::Conn& c) { return c.execScript("ANALYZE"); });
}

bj::object readManifest(const std::string& path) {
  std::ifstream in(path);
  if (!in) return {};
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  boost::system::error_code ec;
  auto v = bj::parse(text, ec);
  return !ec && v.is_object() ? v.as_object() : bj::object{};
}

void writeManifest(const std::string& path, const bj::object& m) {
  if (path.empty()) return;
  std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp);
    out << bj::serialize(m) << "\n";
  }
  std::filesystem::rename(tmp, path);
}

// --reuse: is the database the one the manifest describes? Applies newer migrations in place.
int reuse(const Options& o) {
  bj::object m = readManifest(o.manifest);
  auto num = [&](const char* k) -> std::int64_t {
    auto* v = m.if_contains(k);
    return v && v->is_int64() ? v->as_int64() : -1;
  };
  if (m.empty() || num("count") != o.count || num("seed") != static_cast<std::int64_t>(o.seed) ||
      num("years") != o.years || num("timeline_every") != o.timeline_every) {
    say("hazard_load: no manifest for this count, seed and years at %s: load afresh",
        o.manifest.c_str());
    return kExitReload;
  }
  SystemClock clock;
  auto db = db::open(o.db, 2);
  if (!db.ok()) return fail(kExitReload, "hazard_load: %s", db.error().message.c_str());
  auto before = migrationList(**db);
  auto t0 = Clock_::now();
  auto applied = db::migrate(**db, app::allMigrations(), clock);
  if (!applied.ok()) return fail(1, "hazard_load: migrating: %s", applied.error().message.c_str());
  if (*applied > 0) {
    double migrate_secs = since(t0);
    say("hazard_load: applied %d new migration(s) to the loaded database in %.0f s; analysing",
        *applied, migrate_secs);
    auto t1 = Clock_::now();
    if (auto s = analyze(**db); !s.ok())
      return fail(1, "hazard_load: ANALYZE: %s", s.error().message.c_str());
    bj::array ups = m["upgrades"].is_array() ? m["upgrades"].as_array() : bj::array{};
    ups.push_back(bj::object{{"from", before},
                             {"to", migrationList(**db)},
                             {"migrate_seconds", migrate_secs},
                             {"analyze_seconds", since(t1)},
                             {"at", bj::string(formatIso(clock.now()))}});
    m["upgrades"] = std::move(ups);
    m["migrations"] = migrationList(**db);
    writeManifest(o.manifest, m);
  }
  db->reset();
  SystemRandom random;
  auto app = app::App::open(configFor(o.db), clock, random);
  if (!app.ok()) return fail(1, "hazard_load: %s", app.error().message.c_str());
  auto total = keptTotal(**app);
  if (!total.ok() || *total != o.count) {
    say("hazard_load: the database holds %lld hazards, the manifest says %lld: load afresh",
        static_cast<long long>(total.ok() ? *total : -1), static_cast<long long>(o.count));
    return kExitReload;
  }
  say("hazard_load: reusing the loaded database (%lld hazards)", static_cast<long long>(*total));
  return 0;
}

// The demo register as sites for the generator (as app::seedDemoHazards does).
Result<std::vector<hazard::Site>> sitesOf(app::App& app) {
  TRY(auto admin, principalOf(app, "admin"));
  TRY(auto enterprises, app.enterprises().exportRows(admin, enterprise::Query{}));
  std::vector<hazard::Site> sites;
  for (const auto& e : enterprises) {
    if (e.demo) sites.push_back({e.id, e.name, e.address, e.jurisdiction, e.sectors, e.location});
  }
  return sites;
}

int load(const Options& o) {
  auto t_start = Clock_::now();
  SystemClock clock;
  SystemRandom random;
  auto opened = app::App::open(configFor(o.db), clock, random);
  if (!opened.ok()) return fail(1, "hazard_load: %s", opened.error().message.c_str());
  app::App& app = **opened;
  db::Database& db = app.db();
  auto existing = app.hazards().countDemo();
  if (!existing.ok()) return fail(1, "hazard_load: %s", existing.error().message.c_str());
  if (*existing > 0)
    return fail(1, "hazard_load: the database already holds hazards; give it an empty one");
  auto seeded = app::seedDemo(app, o.password, app::DemoOptions{.hazards = 0});
  if (!seeded.ok())
    return fail(1, "hazard_load: seeding the demo set: %s", seeded.error().message.c_str());
  auto sites = sitesOf(app);
  if (!sites.ok()) return fail(1, "hazard_load: %s", sites.error().message.c_str());
  say("hazard_load: %d demo accounts, %d demo enterprises; generating %lld hazards over %d years",
      seeded->accounts, seeded->enterprises, static_cast<long long>(o.count), o.years);
  if (db.engine() == db::Engine::kSqlite) {
    // The writer's page cache: the pages being appended to stay in memory between transactions.
    auto s = db.write([](db::Conn& c) { return c.execScript("PRAGMA cache_size = -524288"); });
    if (!s.ok()) return fail(1, "hazard_load: %s", s.error().message.c_str());
  }

  Millis now = clock.now();
  Queue queue;
  std::map<std::pair<std::string, std::int64_t>, std::int64_t> serials;  // (unit, year) -> last
  std::thread producer([&] {
    hazard::Generator gen(app.registry(), std::move(*sites), o.seed, now, o.years);
    std::mt19937_64 jitter(o.seed ^ 0x9e3779b97f4a7c15ULL);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    Batch b;
    for (std::int64_t i = 0; i < o.count; ++i) {
      // Stratified quantiles: one random point in each of N equal slices, so they rise with i.
      double q = (static_cast<double>(i) + unit(jitter)) / static_cast<double>(o.count);
      bool timeline = o.timeline_every > 0 && i % o.timeline_every == o.timeline_every / 2;
      auto s = gen.nextAt(q, timeline);
      hazard::Hazard& h = s.hazard;
      std::int64_t year = app.calendar().year(h.found_at);
      std::int64_t serial = ++serials[{h.unit, year}];
      char code[64];
      std::snprintf(code, sizeof code, "YH-%s-%04lld-%06lld", h.unit.c_str(),
                    static_cast<long long>(year), static_cast<long long>(serial));
      h.code = code;
      b.hazards.push_back(std::move(h));
      b.timelines.push_back(std::move(s.timeline));
      if (static_cast<int>(b.hazards.size()) == o.txn_rows || i + 1 == o.count) {
        if (queue.aborted()) return;
        queue.push(std::move(b));
        b = Batch{};
      }
    }
    queue.finish();
  });

  auto t_rows = Clock_::now();
  std::int64_t done = 0, events = 0, next_report = o.count / 20;
  std::vector<std::int64_t> with_timeline;  // ids of the hazards given a timeline
  Status failed;
  while (auto b = queue.pop()) {
    Status s = db.write([&](db::Conn& c) -> Status {
      TRY(auto ids, hazard::store::insertMany(c, b->hazards));
      for (std::size_t i = 0; i < ids.size(); ++i) {
        if (!b->timelines[i].empty()) with_timeline.push_back(ids[i]);
        for (auto& e : b->timelines[i]) {
          e.hazard_id = ids[i];
          TRY(e.id, hazard::store::addEvent(c, e));
          ++events;
        }
      }
      return {};
    });
    if (!s.ok()) {
      failed = s;
      queue.abort();
      break;
    }
    done += static_cast<std::int64_t>(b->hazards.size());
    if (done >= next_report || done == o.count) {
      double secs = since(t_rows);
      say("hazard_load: %lld / %lld hazards, %lld events, %.0f s, %.0f rows/s, about %.0f s to go",
          static_cast<long long>(done), static_cast<long long>(o.count),
          static_cast<long long>(events), secs, done / secs, (o.count - done) / (done / secs));
      next_report += o.count / 20;
    }
  }
  producer.join();
  if (!failed.ok()) return fail(1, "hazard_load: inserting: %s", failed.error().message.c_str());
  double rows_secs = since(t_rows);

  auto t_counts = Clock_::now();
  Status s = db.write([&](db::Conn& c) -> Status {
    for (const auto& [key, last] : serials) {
      TRY(auto reserved, db::nextSerial(c, "YH-" + key.first, key.second, last));
      if (reserved != last)
        return Error::internal("hazard serials of " + key.first + " were in use already");
    }
    return {};
  });
  if (s.ok()) s = app.hazards().rebuildCounts();
  if (!s.ok()) return fail(1, "hazard_load: serials and counts: %s", s.error().message.c_str());
  double counts_secs = since(t_counts);
  say("hazard_load: kept counts rebuilt in %.0f s; analysing", counts_secs);
  auto t_analyze = Clock_::now();
  if (s = analyze(db); !s.ok())
    return fail(1, "hazard_load: ANALYZE: %s", s.error().message.c_str());
  double analyze_secs = since(t_analyze);
  auto total = keptTotal(app);
  if (!total.ok() || *total != o.count)
    return fail(1, "hazard_load: the kept counts do not add up to the count");

  // An even sample of the hazards with a timeline, for the detail scenario.
  bj::array sample;
  for (std::size_t i = 0, step = std::max<std::size_t>(1, with_timeline.size() / 1000);
       i < with_timeline.size(); i += step) {
    sample.push_back(with_timeline[i]);
  }

  double total_secs = since(t_start);
  say("hazard_load: %lld hazards and %lld events in %.0f s (%.0f rows/s); counts %.0f s, analyse "
      "%.0f s; "
      "%.0f s in all",
      static_cast<long long>(o.count), static_cast<long long>(events), rows_secs,
      o.count / rows_secs, counts_secs, analyze_secs, total_secs);
  bj::object m{{"count", o.count},
               {"seed", o.seed},
               {"years", o.years},
               {"timeline_every", o.timeline_every},
               {"events", events},
               {"generated_now_ms", now},
               {"engine", db.engine() == db::Engine::kSqlite ? "sqlite" : "postgresql"},
               {"migrations", migrationList(db)},
               {"load", bj::object{{"rows_seconds", rows_secs},
                                   {"rows_per_second", o.count / rows_secs},
                                   {"counts_seconds", counts_secs},
                                   {"analyze_seconds", analyze_secs},
                                   {"total_seconds", total_secs},
                                   {"rows_per_transaction", o.txn_rows}}},
               {"timeline_ids", sample},
               {"loaded_at", bj::string(formatIso(clock.now()))}};
  writeManifest(o.manifest, m);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    try {
      if (a == "--db")
        o.db = value();
      else if (a == "--count")
        o.count = std::stoll(value());
      else if (a == "--manifest")
        o.manifest = value();
      else if (a == "--seed")
        o.seed = std::stoull(value());
      else if (a == "--years")
        o.years = std::stoi(value());
      else if (a == "--timeline-every")
        o.timeline_every = std::stoi(value());
      else if (a == "--password")
        o.password = value();
      else if (a == "--txn-rows")
        o.txn_rows = std::stoi(value());
      else if (a == "--reuse")
        o.reuse = true;
      else
        return usage(("unknown argument " + a).c_str());
    } catch (const std::exception&) {
      return usage(("bad value for " + a).c_str());
    }
  }
  if (o.db.empty() || o.count <= 0) return usage("--db and a positive --count are required");
  if (o.years < 1 || o.years > 20 || o.timeline_every < 0 || o.txn_rows < 1)
    return usage("bad --years, --timeline-every or --txn-rows");
  if (o.reuse && o.manifest.empty()) return usage("--reuse needs --manifest");
  // Batches allocate and free megabytes at a time: keep that memory rather than return it to the
  // kernel and fault it in again for every statement.
  mallopt(M_MMAP_THRESHOLD, 64 << 20);
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
  try {
    initCrypto();
    return o.reuse ? reuse(o) : load(o);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "hazard_load: %s\n", e.what());
    return 1;
  }
}

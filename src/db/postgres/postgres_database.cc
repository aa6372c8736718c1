#include "db/postgres/postgres_database.h"

#include <libpq-fe.h>

#include <atomic>
#include <condition_variable>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <unordered_map>

namespace anlan::db {
namespace {

// PostgreSQL type OIDs (pg_type.h) that map to numbers.
constexpr Oid kInt8 = 20, kInt2 = 21, kInt4 = 23, kFloat4 = 700, kFloat8 = 701, kNumeric = 1700;
constexpr Oid kBool = 16;

// Rewrites `?` placeholders to $1, $2, … outside quoted literals and identifiers.
std::string numberPlaceholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int n = 0;
  char quote = 0;
  for (char c : sql) {
    if (quote) {
      if (c == quote) quote = 0;
      out.push_back(c);
    } else if (c == '\'' || c == '"') {
      quote = c;
      out.push_back(c);
    } else if (c == '?') {
      out += "$" + std::to_string(++n);
    } else {
      out.push_back(c);
    }
  }
  return out;
}

Error pgError(PGresult* res, PGconn* h) {
  const char* state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
  std::string msg = res ? PQresultErrorMessage(res) : PQerrorMessage(h);
  while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
  // The database's own text names tables and constraints: it goes to the log, not to clients.
  if (state && std::string_view(state) == "23505") {
    return Error{Code::kConflict, "already exists", {}, "postgresql: " + msg};
  }
  if (state && (std::string_view(state) == "40001" || std::string_view(state) == "40P01")) {
    return Error{Code::kConflict, "concurrent update, try again", {}, "postgresql: " + msg};
  }
  if (PQstatus(h) != CONNECTION_OK) return Error::unavailable("postgresql: " + msg);
  return Error::internal("postgresql: " + msg);
}

class PgConn final : public Conn {
 public:
  using Conn::exec;
  using Conn::query;
  explicit PgConn(PGconn* h) : h_(h) {}
  ~PgConn() override { PQfinish(h_); }
  Engine engine() const override { return Engine::kPostgres; }
  bool healthy() const { return PQstatus(h_) == CONNECTION_OK; }

  Result<Rows> query(std::string_view sql, std::span<const Value> params) override {
    TRY(PGresult * res, run(sql, params));
    Rows out;
    int ncol = PQnfields(res), nrow = PQntuples(res);
    out.columns.reserve(ncol);
    std::vector<Oid> types(ncol);
    for (int i = 0; i < ncol; ++i) {
      out.columns.emplace_back(PQfname(res, i));
      types[i] = PQftype(res, i);
    }
    out.rows.reserve(nrow);
    for (int r = 0; r < nrow; ++r) {
      std::vector<Value> vals;
      vals.reserve(ncol);
      for (int i = 0; i < ncol; ++i) {
        if (PQgetisnull(res, r, i)) {
          vals.emplace_back(nullptr);
          continue;
        }
        const char* v = PQgetvalue(res, r, i);
        switch (types[i]) {
          case kInt8:
          case kInt2:
          case kInt4:
            vals.emplace_back(std::int64_t{std::strtoll(v, nullptr, 10)});
            break;
          case kBool:
            vals.emplace_back(std::int64_t{v[0] == 't' ? 1 : 0});
            break;
          case kFloat4:
          case kFloat8:
          case kNumeric:
            vals.emplace_back(std::strtod(v, nullptr));
            break;
          default:
            vals.emplace_back(std::string(v, PQgetlength(res, r, i)));
        }
      }
      out.rows.emplace_back(std::move(vals));
    }
    PQclear(res);
    return out;
  }

  Result<std::int64_t> exec(std::string_view sql, std::span<const Value> params) override {
    TRY(PGresult * res, run(sql, params));
    std::int64_t n = std::strtoll(PQcmdTuples(res), nullptr, 10);
    PQclear(res);
    return n;
  }

  Status execScript(std::string_view sql) override {
    PGresult* res = PQexec(h_, std::string(sql).c_str());
    auto st = PQresultStatus(res);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
      Error e = pgError(res, h_);
      PQclear(res);
      return e;
    }
    PQclear(res);
    return {};
  }

 private:
  // Prepares each distinct statement once per connection, then executes it with text parameters.
  Result<PGresult*> run(std::string_view sql, std::span<const Value> params) {
    std::string key(sql);
    auto it = prepared_.find(key);
    if (it == prepared_.end()) {
      std::string name = "s" + std::to_string(prepared_.size());
      PGresult* res = PQprepare(h_, name.c_str(), numberPlaceholders(sql).c_str(), 0, nullptr);
      if (PQresultStatus(res) != PGRES_COMMAND_OK) {
        Error e = pgError(res, h_);
        PQclear(res);
        return e;
      }
      PQclear(res);
      it = prepared_.emplace(std::move(key), std::move(name)).first;
    }
    std::vector<std::string> text(params.size());
    std::vector<const char*> values(params.size());
    for (std::size_t i = 0; i < params.size(); ++i) {
      const Value& v = params[i];
      if (auto p = std::get_if<std::int64_t>(&v)) {
        text[i] = std::to_string(*p);
      } else if (auto d = std::get_if<double>(&v)) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.17g", *d);
        text[i] = buf;
      } else if (auto s = std::get_if<std::string>(&v)) {
        text[i] = *s;
      }
      values[i] = std::holds_alternative<std::nullptr_t>(v) ? nullptr : text[i].c_str();
    }
    PGresult* res = PQexecPrepared(h_, it->second.c_str(), static_cast<int>(params.size()),
                                   values.data(), nullptr, nullptr, 0);
    auto st = PQresultStatus(res);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
      Error e = pgError(res, h_);
      PQclear(res);
      return e;
    }
    return res;
  }

  PGconn* h_;
  std::unordered_map<std::string, std::string> prepared_;
};

class PostgresDatabase final : public Database {
 public:
  PostgresDatabase(std::string url, int size) : url_(std::move(url)), size_(std::max(1, size)) {}
  Engine engine() const override { return Engine::kPostgres; }

  Result<std::unique_ptr<PgConn>> connect() {
    PGconn* h = PQconnectdb(url_.c_str());
    auto conn = std::make_unique<PgConn>(h);
    if (PQstatus(h) != CONNECTION_OK) {
      std::string msg = PQerrorMessage(h);
      while (!msg.empty() && msg.back() == '\n') msg.pop_back();
      return Error::unavailable("cannot connect to postgresql: " + msg);
    }
    TRY_STATUS(conn->execScript("SET client_min_messages = warning; SET TIME ZONE 'UTC'"));
    return conn;
  }

  Status read(const std::function<Status(Conn&)>& fn) override {
    return withConn("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", fn);
  }
  Status write(const std::function<Status(Conn&)>& fn) override { return withConn("BEGIN", fn); }

  Status ping() override {
    return read([](Conn& c) -> Status {
      TRY(auto r, c.query("SELECT 1"));
      (void)r;
      return {};
    });
  }

  PoolStats stats() const override { return {opened_.load(), in_use_.load()}; }

  Status backupTo(const std::string& path) override {
    // pg_dump takes one consistent snapshot while the server keeps working.
    std::string cmd = "pg_dump --format=custom --no-owner --file='" + path + "' '" + url_ + "'";
    std::error_code ec;
    if (std::filesystem::exists(path, ec))
      return Error::invalid("to", "backup target exists: " + path);
    if (path.find('\'') != std::string::npos || url_.find('\'') != std::string::npos) {
      return Error::invalid("to", "path and URL must not contain quotes");
    }
    if (std::system(cmd.c_str()) != 0) return Error::internal("pg_dump failed");
    return {};
  }

 private:
  Status withConn(const char* begin, const std::function<Status(Conn&)>& fn) {
    std::unique_ptr<PgConn> c;
    {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [&] { return !idle_.empty() || opened_ < size_; });
      if (!idle_.empty()) {
        c = std::move(idle_.back());
        idle_.pop_back();
      } else {
        ++opened_;
      }
      ++in_use_;
    }
    if (!c) {
      auto made = connect();
      if (!made.ok()) {
        release(nullptr);
        return std::move(made).error();
      }
      c = std::move(made).value();
    }
    Status s = c->execScript(begin);
    if (s.ok()) {
      try {
        s = fn(*c);
      } catch (const std::exception& e) {
        s = Error::internal(std::string("exception in transaction: ") + e.what());
      }
      if (s.ok()) {
        Status commit = c->execScript("COMMIT");
        if (!commit.ok()) s = commit;
      } else {
        (void)c->execScript("ROLLBACK");
      }
    }
    release(c->healthy() ? std::move(c) : nullptr);
    return s;
  }

  void release(std::unique_ptr<PgConn> c) {
    {
      std::lock_guard lock(mu_);
      --in_use_;
      if (c) {
        idle_.push_back(std::move(c));
      } else {
        --opened_;
      }
    }
    cv_.notify_one();
  }

  std::string url_;
  int size_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<PgConn>> idle_;
  std::atomic<int> opened_{0};
  std::atomic<int> in_use_{0};
};

}  // namespace

Result<std::unique_ptr<Database>> openPostgres(const std::string& url, int pool_size) {
  auto db = std::make_unique<PostgresDatabase>(url, pool_size);
  TRY_STATUS(db->ping());
  return std::unique_ptr<Database>(std::move(db));
}

}  // namespace anlan::db

#include "db/sqlite/sqlite_database.h"

#include <sqlite3.h>

#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <unordered_map>

namespace anlan::db {
namespace {

class SqliteConn final : public Conn {
 public:
  using Conn::exec;
  using Conn::query;
  explicit SqliteConn(sqlite3* h) : h_(h) {}
  ~SqliteConn() override {
    for (auto& [_, st] : cache_) sqlite3_finalize(st);
    sqlite3_close_v2(h_);
  }
  Engine engine() const override { return Engine::kSqlite; }

  Result<Rows> query(std::string_view sql, std::span<const Value> params) override {
    TRY(sqlite3_stmt * st, prepare(sql, params));
    Rows out;
    int ncol = sqlite3_column_count(st);
    out.columns.reserve(ncol);
    for (int i = 0; i < ncol; ++i) out.columns.emplace_back(sqlite3_column_name(st, i));
    for (;;) {
      int rc = sqlite3_step(st);
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) return fail(st, rc);
      std::vector<Value> vals;
      vals.reserve(ncol);
      for (int i = 0; i < ncol; ++i) {
        switch (sqlite3_column_type(st, i)) {
          case SQLITE_NULL:
            vals.emplace_back(nullptr);
            break;
          case SQLITE_INTEGER:
            vals.emplace_back(std::int64_t{sqlite3_column_int64(st, i)});
            break;
          case SQLITE_FLOAT:
            vals.emplace_back(sqlite3_column_double(st, i));
            break;
          default: {
            auto p = reinterpret_cast<const char*>(sqlite3_column_blob(st, i));
            vals.emplace_back(std::string(p ? p : "", sqlite3_column_bytes(st, i)));
          }
        }
      }
      out.rows.emplace_back(std::move(vals));
    }
    sqlite3_reset(st);
    return out;
  }

  Result<std::int64_t> exec(std::string_view sql, std::span<const Value> params) override {
    TRY(sqlite3_stmt * st, prepare(sql, params));
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    }
    if (rc != SQLITE_DONE) return fail(st, rc);
    sqlite3_reset(st);
    return std::int64_t{sqlite3_changes64(h_)};
  }

  Status execScript(std::string_view sql) override {
    char* err = nullptr;
    std::string text(sql);
    if (sqlite3_exec(h_, text.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      std::string msg = err ? err : "sqlite error";
      sqlite3_free(err);
      return Error::internal("sqlite: " + msg);
    }
    return {};
  }

 private:
  Result<sqlite3_stmt*> prepare(std::string_view sql, std::span<const Value> params) {
    sqlite3_stmt* st = nullptr;
    auto it = cache_.find(sql);
    if (it != cache_.end()) {
      st = it->second;
    } else {
      if (sqlite3_prepare_v3(h_, sql.data(), static_cast<int>(sql.size()),
                             SQLITE_PREPARE_PERSISTENT, &st, nullptr) != SQLITE_OK) {
        return Error::internal("sqlite prepare: " + std::string(sqlite3_errmsg(h_)));
      }
      cache_.emplace(std::string(sql), st);
    }
    sqlite3_clear_bindings(st);
    if (static_cast<int>(params.size()) != sqlite3_bind_parameter_count(st)) {
      return Error::internal("sqlite: wrong number of parameters for: " + std::string(sql));
    }
    for (std::size_t i = 0; i < params.size(); ++i) {
      int idx = static_cast<int>(i + 1);
      const Value& v = params[i];
      if (auto p = std::get_if<std::int64_t>(&v)) {
        sqlite3_bind_int64(st, idx, *p);
      } else if (auto d = std::get_if<double>(&v)) {
        sqlite3_bind_double(st, idx, *d);
      } else if (auto s = std::get_if<std::string>(&v)) {
        sqlite3_bind_text64(st, idx, s->data(), s->size(), SQLITE_STATIC, SQLITE_UTF8);
      } else {
        sqlite3_bind_null(st, idx);
      }
    }
    return st;
  }

  Error fail(sqlite3_stmt* st, int rc) {
    std::string msg = sqlite3_errmsg(h_);
    sqlite3_reset(st);
    if ((rc & 0xff) == SQLITE_CONSTRAINT &&
        (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY)) {
      return Error{Code::kConflict, "already exists", {}, "sqlite: " + msg};  // msg is for the log
    }
    if ((rc & 0xff) == SQLITE_BUSY) return Error::unavailable("database busy: " + msg);
    return Error::internal("sqlite: " + msg);
  }

  // Prepared statements by SQL text, looked up without copying the text.
  struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  sqlite3* h_;
  std::unordered_map<std::string, sqlite3_stmt*, TextHash, std::equal_to<>> cache_;
};

Result<std::unique_ptr<SqliteConn>> openConn(const std::string& path, bool writer) {
  sqlite3* h = nullptr;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (writer ? SQLITE_OPEN_CREATE : 0);
  if (sqlite3_open_v2(path.c_str(), &h, flags, nullptr) != SQLITE_OK) {
    std::string msg = h ? sqlite3_errmsg(h) : "out of memory";
    sqlite3_close_v2(h);
    return Error::unavailable("cannot open " + path + ": " + msg);
  }
  auto conn = std::make_unique<SqliteConn>(h);
  sqlite3_extended_result_codes(h, 1);
  sqlite3_busy_timeout(h, 5000);
  TRY_STATUS(conn->execScript(
      "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL;"));
  return conn;
}

class SqliteDatabase final : public Database {
 public:
  Engine engine() const override { return Engine::kSqlite; }

  static Result<std::unique_ptr<Database>> open(const std::string& path, int readers) {
    auto db = std::unique_ptr<SqliteDatabase>(new SqliteDatabase());
    db->path_ = path;
    std::filesystem::path parent = std::filesystem::path(path).parent_path();
    std::error_code ec;
    if (!parent.empty()) std::filesystem::create_directories(parent, ec);
    TRY(db->writer_, openConn(path, true));
    for (int i = 0; i < std::max(1, readers); ++i) {
      TRY(auto r, openConn(path, false));
      db->idle_.push_back(std::move(r));
    }
    db->size_ = static_cast<int>(db->idle_.size()) + 1;
    return std::unique_ptr<Database>(std::move(db));
  }

  Status read(const std::function<Status(Conn&)>& fn) override {
    std::unique_ptr<SqliteConn> c = borrow();
    Status s = inTransaction(*c, "BEGIN", fn);
    giveBack(std::move(c));
    return s;
  }

  Status write(const std::function<Status(Conn&)>& fn) override {
    std::lock_guard lock(write_mu_);
    ++in_use_;
    Status s = inTransaction(*writer_, "BEGIN IMMEDIATE", fn);
    --in_use_;
    return s;
  }

  Status ping() override {
    return read([](Conn& c) -> Status {
      TRY(auto r, c.query("SELECT 1"));
      (void)r;
      return {};
    });
  }

  PoolStats stats() const override { return {size_, in_use_.load()}; }

  Status backupTo(const std::string& path) override {
    std::error_code ec;
    if (std::filesystem::exists(path, ec)) {
      return Error::invalid("to", "backup target exists: " + path);
    }
    // VACUUM INTO reads one snapshot: a consistent copy while writers go on. It cannot run
    // inside a transaction, so it borrows a reader connection without read()'s BEGIN.
    std::unique_ptr<SqliteConn> c = borrow();
    auto n = c->exec("VACUUM INTO ?", {Value(path)});
    giveBack(std::move(c));
    if (!n.ok()) return std::move(n).error();
    return {};
  }

 private:
  std::unique_ptr<SqliteConn> borrow() {
    std::unique_lock lock(pool_mu_);
    pool_cv_.wait(lock, [&] { return !idle_.empty(); });
    auto c = std::move(idle_.back());
    idle_.pop_back();
    ++in_use_;
    return c;
  }

  void giveBack(std::unique_ptr<SqliteConn> c) {
    {
      std::lock_guard lock(pool_mu_);
      idle_.push_back(std::move(c));
      --in_use_;
    }
    pool_cv_.notify_one();
  }

  // BEGIN, COMMIT and ROLLBACK go through exec(), so they are prepared once per connection like
  // every other statement rather than parsed again for each transaction.
  static Status inTransaction(SqliteConn& c, const char* begin,
                              const std::function<Status(Conn&)>& fn) {
    TRY(auto began, c.exec(begin, {}));
    (void)began;
    Status s;
    try {
      s = fn(c);
    } catch (const std::exception& e) {
      s = Error::internal(std::string("exception in transaction: ") + e.what());
    }
    if (s.ok()) {
      auto commit = c.exec("COMMIT", {});
      if (commit.ok()) return s;
      s = std::move(commit).error();
    }
    (void)c.exec("ROLLBACK", {});
    return s;
  }

  std::string path_;
  std::mutex write_mu_;
  std::unique_ptr<SqliteConn> writer_;
  std::mutex pool_mu_;
  std::condition_variable pool_cv_;
  std::vector<std::unique_ptr<SqliteConn>> idle_;
  int size_ = 0;
  std::atomic<int> in_use_{0};
};

}  // namespace

Result<std::unique_ptr<Database>> openSqlite(const std::string& path, int readers) {
  return SqliteDatabase::open(path, readers);
}

}  // namespace anlan::db

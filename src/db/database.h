// The storage seam: one Database interface with SQLite and PostgreSQL implementations.
//
// SQL is written once with `?` placeholders and types both engines accept (BIGINT, TEXT,
// DOUBLE PRECISION); migrations may use {{id}} for an auto-increment primary key. Timestamps are
// UTC epoch milliseconds, booleans 0/1.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/result.h"

namespace anlan::db {

using Value = std::variant<std::nullptr_t, std::int64_t, double, std::string>;

class Row {
 public:
  explicit Row(std::vector<Value> values) : values_(std::move(values)) {}
  std::size_t size() const { return values_.size(); }
  const Value& operator[](std::size_t i) const { return values_.at(i); }
  bool isNull(std::size_t i) const { return std::holds_alternative<std::nullptr_t>(values_.at(i)); }
  // Typed access; integers read as text are parsed, NULL reads as 0 / "".
  std::int64_t i64(std::size_t i) const;
  double f64(std::size_t i) const;
  std::string str(std::size_t i) const;
  std::optional<std::int64_t> optI64(std::size_t i) const;
  std::optional<std::string> optStr(std::size_t i) const;

 private:
  std::vector<Value> values_;
};

struct Rows {
  std::vector<std::string> columns;
  std::vector<Row> rows;
  bool empty() const { return rows.empty(); }
  std::size_t size() const { return rows.size(); }
  const Row& operator[](std::size_t i) const { return rows.at(i); }
};

enum class Engine { kSqlite, kPostgres };

// A connection lent for the duration of one read or write. Not thread-safe; never kept.
class Conn {
 public:
  virtual ~Conn() = default;
  virtual Engine engine() const = 0;
  // Runs one statement, binding `params` to its `?` placeholders in order.
  // A unique-constraint violation is Code::kConflict; other failures Code::kInternal.
  virtual Result<Rows> query(std::string_view sql, std::span<const Value> params = {}) = 0;
  // Runs one statement and returns the number of rows it changed.
  virtual Result<std::int64_t> exec(std::string_view sql, std::span<const Value> params = {}) = 0;
  // Runs several statements without parameters (migrations).
  virtual Status execScript(std::string_view sql) = 0;

  // Convenience overloads: conn.query("… ? …", {Value(1), Value("x")}).
  Result<Rows> query(std::string_view sql, std::initializer_list<Value> params) {
    return query(sql, std::span<const Value>(params.begin(), params.size()));
  }
  Result<std::int64_t> exec(std::string_view sql, std::initializer_list<Value> params) {
    return exec(sql, std::span<const Value>(params.begin(), params.size()));
  }
};

struct PoolStats {
  int size = 0;    // connections open
  int in_use = 0;  // connections lent out now
};

class Database {
 public:
  virtual ~Database() = default;
  virtual Engine engine() const = 0;
  // Runs `fn` inside a read transaction (a consistent snapshot). Thread-safe.
  virtual Status read(const std::function<Status(Conn&)>& fn) = 0;
  // Runs `fn` inside a write transaction: committed when fn succeeds, rolled back when it fails
  // or throws. Writers are serialised where the engine needs it. Thread-safe.
  virtual Status write(const std::function<Status(Conn&)>& fn) = 0;
  // Checks the database answers. Thread-safe.
  virtual Status ping() = 0;
  virtual PoolStats stats() const = 0;
  // Writes a consistent copy of the whole database to `path` while others keep working.
  virtual Status backupTo(const std::string& path) = 0;
};

// Opens "sqlite:PATH" or "postgresql://…" / "postgres://…". `pool_size` bounds connections.
Result<std::unique_ptr<Database>> open(const std::string& url, int pool_size = 8);

// Appends `values` to `params` and returns "(?, ?, …)" for an IN clause (an empty list gives
// "(NULL)", which matches nothing).
inline std::string inList(std::vector<Value>& params, const std::vector<std::string>& values) {
  if (values.empty()) return "(NULL)";
  std::string s = "(";
  for (std::size_t i = 0; i < values.size(); ++i) {
    s += i ? ", ?" : "?";
    params.emplace_back(values[i]);
  }
  return s + ")";
}

// Typed wrappers over Database::read/write for functions that return a value.
template <class T>
Result<T> read(Database& db, const std::function<Result<T>(Conn&)>& fn) {
  std::optional<Result<T>> out;
  Status s = db.read([&](Conn& c) -> Status {
    out.emplace(fn(c));
    if (!out->ok()) return out->error();
    return {};
  });
  if (!s.ok()) return std::move(s).error();
  return std::move(*out);
}
template <class T>
Result<T> write(Database& db, const std::function<Result<T>(Conn&)>& fn) {
  std::optional<Result<T>> out;
  Status s = db.write([&](Conn& c) -> Status {
    out.emplace(fn(c));
    if (!out->ok()) return out->error();
    return {};
  });
  if (!s.ok()) return std::move(s).error();
  return std::move(*out);
}

}  // namespace anlan::db

// Result<T>: a value or an Error, returned by every fallible function below the HTTP layer.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace anlan {

// Error codes, mapped to HTTP statuses in one table (http/message.cc).
enum class Code {
  kInvalidArgument,
  kUnauthenticated,
  kPermissionDenied,
  kNotFound,
  kConflict,
  kFailedPrecondition,
  kResourceExhausted,
  kUnavailable,
  kInternal,
  kPayloadTooLarge,
  kMethodNotAllowed,
  kUnprocessable,
};

// The wire name of a code ("invalid_argument", ...).
const char* codeName(Code c);

struct Error {
  Code code = Code::kInternal;
  std::string message;
  std::string field;  // the offending input field, if any
  // For the server's log only, never sent to a client: what a library said (e.g. the database's
  // own text behind a conflict). The messages of internal and unavailable errors are never sent
  // either (http::errorResponse).
  std::string detail;

  static Error invalid(std::string field, std::string message) {
    return {Code::kInvalidArgument, std::move(message), std::move(field)};
  }
  static Error notFound(std::string message) { return {Code::kNotFound, std::move(message), {}}; }
  static Error conflict(std::string message) { return {Code::kConflict, std::move(message), {}}; }
  static Error denied(std::string message = "not permitted") {
    return {Code::kPermissionDenied, std::move(message), {}};
  }
  static Error unauthenticated(std::string message = "not signed in") {
    return {Code::kUnauthenticated, std::move(message), {}};
  }
  static Error internal(std::string message) { return {Code::kInternal, std::move(message), {}}; }
  static Error unavailable(std::string message) {
    return {Code::kUnavailable, std::move(message), {}};
  }
};

template <class T>
class [[nodiscard]] Result {
 public:
  // Default state is an internal error (needed by awaitables); real results are always assigned.
  Result() : v_(Error::internal("no result")) {}
  Result(T value) : v_(std::move(value)) {}      // NOLINT: implicit by design
  Result(Error error) : v_(std::move(error)) {}  // NOLINT

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  const Error& error() const& { return std::get<1>(v_); }
  Error&& error() && { return std::get<1>(std::move(v_)); }

 private:
  std::variant<T, Error> v_;
};

struct Unit {};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Unit) {}                                // NOLINT
  Result(Error error) : e_(std::move(error)) {}  // NOLINT
  bool ok() const { return !e_.has_value(); }
  explicit operator bool() const { return ok(); }
  const Error& error() const& { return *e_; }
  Error&& error() && { return std::move(*e_); }

 private:
  std::optional<Error> e_;
};

using Status = Result<void>;

}  // namespace anlan

// Propagates an error: `TRY(auto x, f());` or `TRY_STATUS(g());`.
#define ANLAN_CONCAT_(a, b) a##b
#define ANLAN_CONCAT(a, b) ANLAN_CONCAT_(a, b)
// `decl` is a declaration or an lvalue, which parentheses would break.
// NOLINTBEGIN(bugprone-macro-parentheses)
#define TRY_IMPL_(tmp, decl, expr)              \
  auto tmp = (expr);                            \
  if (!tmp.ok()) return std::move(tmp).error(); \
  decl = std::move(tmp).value()
// NOLINTEND(bugprone-macro-parentheses)
#define TRY(decl, ...) TRY_IMPL_(ANLAN_CONCAT(try_tmp_, __LINE__), decl, (__VA_ARGS__))
#define TRY_STATUS(...)                                           \
  do {                                                            \
    auto try_status_ = (__VA_ARGS__);                             \
    if (!try_status_.ok()) return std::move(try_status_).error(); \
  } while (0)

// Route table: method + path pattern ("/api/v1/users/{id}") -> handler. Knows no domain module.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "http/message.h"

namespace anlan::http {

using Handler = std::function<Response(Request&)>;

// Tried on the I/O thread before the route's Handler: answers from memory without blocking (no
// database, no files, no password hashing) or declines with nullopt, and then the Handler runs
// on a worker as usual. It must give the same answer the Handler would.
using QuickHandler = std::function<std::optional<Response>(Request&)>;

// A route's work: `handler` always, and `quick` first when set.
struct Endpoint {
  Handler handler;
  QuickHandler quick;
};

// A handler written with Result, so that TRY works inside it: an error becomes the error
// response of the one table.
Handler handler(std::function<Result<Response>(Request&)> fn);

struct Route {
  std::string method;
  std::string pattern;
  Handler handler;
  std::string summary;  // one line for the route list and OpenAPI
  QuickHandler quick;   // empty: the handler runs on a worker every time
};

class Router {
 public:
  // Adds a route. Patterns are literal segments and {name} parameters. Before the handler (or
  // the quick handler) runs, query and path parameters that are not text are refused with 400
  // (http::checkParams); after it, its answer is finished (http::finishResponse).
  void add(std::string method, std::string pattern, Handler handler, std::string summary = {});
  void add(std::string method, std::string pattern, Endpoint endpoint, std::string summary = {});

  struct Match {
    const Route* route = nullptr;  // null: no route
    bool path_known = false;       // the path exists under another method (405)
    std::string allow;             // those methods, for the Allow header
  };
  // Finds the route for `req`, filling req.params. Thread-safe after set-up.
  Match match(Request& req) const;
  const std::vector<Route>& routes() const { return routes_; }

  // Answers requests no route matches (the web application); it may decline with nullopt.
  using Fallback = std::function<std::optional<Response>(const Request&)>;
  void setFallback(Fallback f) { fallback_ = std::move(f); }
  const Fallback& fallback() const { return fallback_; }

 private:
  std::vector<Route> routes_;
  Fallback fallback_;
};

}  // namespace anlan::http

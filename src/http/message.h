// Request and response as the rest of the server sees them: plain structs, no Beast types.
#pragma once

#include <boost/json/value.hpp>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"

namespace anlan::http {

struct Request {
  std::string method;  // "GET", "POST", …
  std::string path;    // decoded path without the query
  std::map<std::string, std::string> query;
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-case
  std::string body;
  std::string remote_addr;
  bool tls = false;
  std::string request_id;
  std::map<std::string, std::string> params;  // path parameters filled by the router

  // First header named `name` (lower-case), or "".
  std::string_view header(std::string_view name) const;
  // Value of cookie `name`, or "".
  std::string cookie(std::string_view name) const;
  // Query parameter, or nullopt.
  std::optional<std::string> queryParam(const std::string& name) const;
  bool isSafeMethod() const { return method == "GET" || method == "HEAD" || method == "OPTIONS"; }
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
};

// 200 (or `status`) with a JSON body.
Response jsonResponse(const boost::json::value& v, int status = 200);
// The HTTP status of an error code (the one table).
int statusOf(Code code);
// The error response {"error":{"code","message","field"}} with its status.
Response errorResponse(const Error& e);

}  // namespace anlan::http

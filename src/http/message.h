// Request and response as the rest of the server sees them: plain structs, no Beast types.
#pragma once

#include <boost/json/value.hpp>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/messages.h"
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
  // Set by errorResponse: the error behind this answer, whole, for the server's log (its body has
  // only what a client may see). finishResponse logs it and clears it.
  std::optional<Error> error;
};

// Fills req.path (percent-decoded) and req.query from a request target in origin form
// ("/api/v1/hazards?q=%E6%B2%B3"). A target that is not in origin form is kept whole as the path,
// with no query. Later duplicates of a query parameter win.
void parseTarget(std::string_view target, Request& req);
// Whether a client's X-Request-Id may be used as the request id: 1 to 64 characters, letters,
// digits, '-', '_' and '.' only (so that it is safe in logs and headers).
bool acceptableRequestId(std::string_view id);

// 200 (or `status`) with a JSON body.
Response jsonResponse(const boost::json::value& v, int status = 200);
// The HTTP status of an error code (the one table).
int statusOf(Code code);
// The error response {"error":{"code","message","field"}} with its status. An internal or
// unavailable error's message (and any Error::detail, such as a database's text) is never sent:
// the body says "internal error" or "service unavailable" instead, and finishResponse adds the
// request id. Text is made valid UTF-8, so the body is always valid JSON.
Response errorResponse(const Error& e);
// Completes an answer to `req` before it is sent (the Router does it for every route): an error
// answer that hides something is logged with the request id, and a 5xx answer's message names
// the request id ("internal error; request id r1f"), so that the log line can be found.
void finishResponse(const Request& req, Response& res);
// The language the request asks for (Accept-Language), English when it names none we speak.
messages::Language languageOf(const Request& req);
// An English message (core/messages.h) in the request's language, for text a route puts in a body
// of its own (an import report's problems); errorResponse bodies are translated by finishResponse.
std::string say(const Request& req, std::string_view english);

}  // namespace anlan::http

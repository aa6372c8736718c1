#include "http/message.h"

#include <boost/json/serialize.hpp>
#include <boost/url/parse.hpp>

#include "core/log.h"
#include "core/messages.h"
#include "core/text.h"

namespace anlan::http {

std::string_view Request::header(std::string_view name) const {
  for (const auto& [k, v] : headers) {
    if (k == name) return v;
  }
  return {};
}

std::string Request::cookie(std::string_view name) const {
  std::string_view all = header("cookie");
  while (!all.empty()) {
    auto semi = all.find(';');
    std::string_view part = all.substr(0, semi);
    all = semi == std::string_view::npos ? std::string_view() : all.substr(semi + 1);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    auto eq = part.find('=');
    if (eq != std::string_view::npos && part.substr(0, eq) == name) {
      return std::string(part.substr(eq + 1));
    }
  }
  return {};
}

std::optional<std::string> Request::queryParam(const std::string& name) const {
  auto it = query.find(name);
  if (it == query.end()) return std::nullopt;
  return it->second;
}

void parseTarget(std::string_view target, Request& req) {
  auto parsed = boost::urls::parse_origin_form(target);
  if (!parsed) {
    req.path = std::string(target);
    return;
  }
  req.path = std::string(parsed->path());
  for (auto p : parsed->params()) req.query[std::string(p.key)] = std::string(p.value);
}

bool acceptableRequestId(std::string_view id) {
  return !id.empty() && id.size() <= 64 &&
         id.find_first_not_of(
             "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.") ==
             std::string_view::npos;
}

Response jsonResponse(const boost::json::value& v, int status) {
  Response r;
  r.status = status;
  r.body = boost::json::serialize(v);
  return r;
}

int statusOf(Code code) {
  switch (code) {
    case Code::kInvalidArgument:
      return 400;
    case Code::kUnauthenticated:
      return 401;
    case Code::kPermissionDenied:
      return 403;
    case Code::kNotFound:
      return 404;
    case Code::kMethodNotAllowed:
      return 405;
    case Code::kConflict:
      return 409;
    case Code::kFailedPrecondition:
      return 409;
    case Code::kPayloadTooLarge:
      return 413;
    case Code::kUnprocessable:
      return 422;
    case Code::kResourceExhausted:
      return 429;
    case Code::kInternal:
      return 500;
    case Code::kUnavailable:
      return 503;
  }
  return 500;
}

namespace {

// Whether a client may not see `e`'s message: it describes the server, not the request.
bool hidden(const Error& e) { return e.code == Code::kInternal || e.code == Code::kUnavailable; }

std::string errorBody(const Error& e, std::string_view request_id, messages::Language lang) {
  std::string message;
  if (e.code == Code::kInternal) {
    message = messages::say("internal error", lang);
  } else if (e.code == Code::kUnavailable) {
    message = messages::say("service unavailable, try again later", lang);
  } else {
    message = messages::say(text::toValidUtf8(e.message), lang);
  }
  if (hidden(e) && !request_id.empty()) {
    message += messages::say("; request id " + std::string(request_id), lang);
  }
  boost::json::object err{{"code", codeName(e.code)}, {"message", std::move(message)}};
  if (!e.field.empty()) err["field"] = text::toValidUtf8(e.field);
  return boost::json::serialize(boost::json::object{{"error", std::move(err)}});
}

}  // namespace

Response errorResponse(const Error& e) {
  Response r;
  r.status = statusOf(e.code);
  r.body = errorBody(e, {}, messages::Language::kEnglish);
  r.error = e;
  return r;
}

messages::Language languageOf(const Request& req) {
  return messages::preferred(req.header("accept-language"));
}

std::string say(const Request& req, std::string_view english) {
  return messages::say(english, languageOf(req));
}

void finishResponse(const Request& req, Response& res) {
  if (!res.error) return;
  const Error& e = *res.error;
  if (hidden(e) || !e.detail.empty()) {
    boost::json::object fields{{"request_id", req.request_id},
                               {"method", req.method},
                               {"path", text::toValidUtf8(req.path)},
                               {"code", codeName(e.code)},
                               {"error", text::toValidUtf8(e.message)}};
    if (!e.detail.empty()) fields["detail"] = text::toValidUtf8(e.detail);
    log::write(res.status >= 500 ? log::Level::kError : log::Level::kWarn, "request failed",
               std::move(fields));
  }
  // The body again, in the language the client asked for, with the request id when it is hidden.
  res.body = errorBody(e, hidden(e) ? std::string_view(req.request_id) : std::string_view(),
                       languageOf(req));
  res.error.reset();
}

}  // namespace anlan::http

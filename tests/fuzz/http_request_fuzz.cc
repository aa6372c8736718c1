// HTTP requests as the server receives them: Beast's request parser over the bytes with the
// server's limits (a connection may carry several requests), then what the server does with a
// parsed request before a handler: target parsing, the request id, cookies, the router over every
// registered pattern (those of docs/openapi.json), the parameter checks and the parameter readers,
// and the error bodies. Mirrors Server::Impl::serve/convert in src/http/server.cc.
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket/rfc6455.hpp>
#include <boost/json.hpp>
#include <cctype>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/log.h"
#include "core/text.h"
#include "fuzz_check.h"
#include "http/message.h"
#include "http/params.h"
#include "http/router.h"
#include "http/server.h"

namespace anlan::app {
const std::string& openApiDocument();  // generated from docs/openapi.json
}

namespace {

namespace bhttp = boost::beast::http;
namespace bj = boost::json;
using anlan::http::Request;
using anlan::http::Response;

// A valid JSON error body naming a code.
void checkErrorBody(const Response& res) {
  FUZZ_CHECK(anlan::text::validUtf8(res.body));
  boost::system::error_code ec;
  bj::value v = bj::parse(res.body, ec);
  FUZZ_CHECK(!ec);
  FUZZ_CHECK(v.is_object() && v.as_object().contains("error"));
  FUZZ_CHECK(v.at("error").at("code").is_string());
}

// What a route's handler reads: the parameter readers of http/params.h, never a throw.
Response readParams(Request& req) {
  auto limit = anlan::http::limitParam(req, 50, 500);
  if (limit.ok()) FUZZ_CHECK(*limit >= 1 && *limit <= 500);
  auto cursor = anlan::http::intParam(req, "cursor");
  (void)cursor;
  auto id = anlan::http::idParam(req);
  if (id.ok()) FUZZ_CHECK(*id >= 1);
  auto lon = anlan::http::numberParam(req, "lon");
  if (lon.ok()) FUZZ_CHECK(std::isfinite(*lon));
  for (const auto& [name, value] : req.query) {
    auto text = anlan::http::textParam(req, name);
    // The router refused parameters that are not text before this ran.
    if (text) FUZZ_CHECK(anlan::text::checkText(name, *text).ok());
  }
  for (const auto& [name, value] : req.params) FUZZ_CHECK(anlan::text::checkText(name, value).ok());
  return Response{};
}

const anlan::http::Router& router() {
  static const anlan::http::Router* kRouter = [] {
    auto* r = new anlan::http::Router;
    bj::value doc = bj::parse(anlan::app::openApiDocument());
    for (const auto& [path, item] : doc.at("paths").as_object()) {
      for (const auto& [method, op] : item.as_object()) {
        std::string m(method);
        if (m == "parameters" || m == "summary" || m == "description") continue;
        for (auto& c : m) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        r->add(m, std::string(path), readParams);
      }
    }
    r->add("POST", "/api/v1/testing/clock", readParams);  // only with testing_clock = true
    return r;
  }();
  return *kRouter;
}

// Our Request from Beast's, as Server::Impl::convert makes it.
Request convert(bhttp::request<bhttp::string_body>& b, std::uint64_t n) {
  Request r;
  r.method = std::string(b.method_string());
  r.remote_addr = "127.0.0.1";
  for (const auto& f : b) {
    std::string name(f.name_string());
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    r.headers.emplace_back(std::move(name), std::string(f.value()));
  }
  anlan::http::parseTarget(b.target(), r);
  std::string_view given = r.header("x-request-id");
  r.request_id =
      anlan::http::acceptableRequestId(given) ? std::string(given) : "r" + std::to_string(n);
  r.body = std::move(b.body());
  return r;
}

void serve(Request& req) {
  FUZZ_CHECK(anlan::http::acceptableRequestId(req.request_id));
  for (const char* name : {"anlan_session", "anlan_csrf"}) {
    std::string value = req.cookie(name);
    FUZZ_CHECK(value.empty() || req.header("cookie").find(value) != std::string_view::npos);
  }
  auto match = router().match(req);
  Response res;
  if (match.route) {
    FUZZ_CHECK(match.route->method == (req.method == "HEAD" ? "GET" : req.method));
    res = match.route->handler(req);
    if (res.status != 200) {
      FUZZ_CHECK(res.status == 400);
      checkErrorBody(res);
    }
  } else if (match.path_known) {
    FUZZ_CHECK(!match.allow.empty());
    res = anlan::http::errorResponse(anlan::Error{
        anlan::Code::kMethodNotAllowed, "method " + req.method + " not allowed here", {}});
    checkErrorBody(res);
  } else {
    res = anlan::http::errorResponse(anlan::Error::notFound("no such route: " + req.path));
    checkErrorBody(res);
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  anlan::log::setSink([](std::string_view) {});
  router();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const anlan::http::ServerOptions limits;  // the server's defaults
  std::string_view rest(reinterpret_cast<const char*>(data), size);
  // A connection serves requests one after another until one fails or the bytes run out.
  for (std::uint64_t n = 1; n <= 4 && !rest.empty(); ++n) {
    bhttp::request_parser<bhttp::string_body> parser;
    parser.header_limit(limits.max_header_bytes);
    parser.body_limit(limits.max_body_bytes);
    parser.eager(true);
    boost::beast::error_code ec;
    while (!parser.is_done()) {
      std::size_t used = parser.put(boost::asio::buffer(rest.data(), rest.size()), ec);
      FUZZ_CHECK(used <= rest.size());
      rest.remove_prefix(used);
      if (ec && ec != bhttp::error::need_more) break;
      ec = {};
      if (used == 0) {  // the parser needs more, and nothing more will come: the peer closed
        parser.put_eof(ec);
        break;
      }
    }
    if (ec == bhttp::error::body_limit || ec == bhttp::error::header_limit) {
      checkErrorBody(
          anlan::http::errorResponse({anlan::Code::kPayloadTooLarge, "request too large", {}}));
      return 0;
    }
    if (ec == bhttp::error::partial_message || ec == bhttp::error::end_of_stream)
      return 0;  // closed
    if (ec) {
      checkErrorBody(
          anlan::http::errorResponse(anlan::Error::invalid("request", "malformed HTTP request")));
      return 0;
    }
    if (!parser.is_done()) return 0;
    auto& breq = parser.get();
    bool upgrade = boost::beast::websocket::is_upgrade(breq);
    bool keep = breq.keep_alive();
    Request req = convert(breq, n);
    if (upgrade) return 0;  // the WebSocket takes the connection (ws_signal_fuzz.cc)
    serve(req);
    if (!keep) return 0;
  }
  return 0;
}

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "core/log.h"
#include "http/metrics.h"
#include "http/params.h"
#include "http/router.h"
#include "http/server.h"

namespace anlan::http {
namespace {

Response ok(Request&) { return Response{}; }

TEST(Router, MatchesPatternsAndFillsParams) {
  Router r;
  r.add("GET", "/api/v1/users", ok);
  r.add("GET", "/api/v1/users/{id}", ok);
  r.add("PATCH", "/api/v1/users/{id}", ok);
  Request req;
  req.method = "GET";
  req.path = "/api/v1/users/42";
  auto m = r.match(req);
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->pattern, "/api/v1/users/{id}");
  EXPECT_EQ(req.params["id"], "42");

  Request del{.method = "DELETE", .path = "/api/v1/users/42"};
  auto d = r.match(del);
  EXPECT_EQ(d.route, nullptr);
  EXPECT_TRUE(d.path_known);  // 405, not 404

  Request unknown{.method = "GET", .path = "/api/v1/users/42/extra"};
  auto u = r.match(unknown);
  EXPECT_EQ(u.route, nullptr);
  EXPECT_FALSE(u.path_known);

  Request empty{.method = "GET", .path = "/api/v1/users/"};
  EXPECT_EQ(r.match(empty).route, nullptr);

  Request head{.method = "HEAD", .path = "/api/v1/users"};
  EXPECT_NE(r.match(head).route, nullptr);
}

TEST(Router, ParametersThatAreNotTextAreRefusedBeforeTheHandlerNamingThem) {
  Router r;
  int calls = 0;
  r.add("GET", "/api/v1/things/{code}", [&](Request&) {
    ++calls;
    return Response{};
  });
  auto run = [&](const std::string& target) {
    Request req{.method = "GET"};
    parseTarget(target, req);
    auto m = r.match(req);
    EXPECT_NE(m.route, nullptr) << target;
    return m.route ? m.route->handler(req) : Response{};
  };
  EXPECT_EQ(run("/api/v1/things/430405?q=%E8%A1%A1%E9%98%B3").status, 200);
  EXPECT_EQ(calls, 1);
  for (auto [target, field] : {std::pair{"/api/v1/things/x?q=%FF%FE", "q"},
                               {"/api/v1/things/x?sector=a%00b", "sector"},
                               {"/api/v1/things/x?name=%C0%AF", "name"},
                               {"/api/v1/things/x?%FF=1", "query"},
                               {"/api/v1/things/%ED%A0%80", "code"}}) {
    Response res = run(target);
    EXPECT_EQ(res.status, 400) << target;
    auto body = boost::json::parse(res.body).as_object().at("error").as_object();
    EXPECT_EQ(body.at("code").as_string(), "invalid_argument") << target;
    EXPECT_EQ(body.at("field").as_string(), field) << target;
  }
  EXPECT_EQ(calls, 1);  // none of those reached the handler
}

TEST(Router, InternalAndDatabaseTextNeverReachTheClient) {
  Router r;
  r.add("GET", "/internal", handler([](Request&) -> Result<Response> {
          return Error::internal(
              "postgresql: ERROR:  invalid byte sequence for encoding \"UTF8\": 0xff");
        }));
  r.add("GET", "/unavailable", handler([](Request&) -> Result<Response> {
          return Error::unavailable("cannot connect to postgresql: host=db.internal user=anlan");
        }));
  r.add("GET", "/conflict", handler([](Request&) -> Result<Response> {
          return Error{Code::kConflict,
                       "already exists",
                       {},
                       "duplicate key value violates unique constraint \"users_username_key\""};
        }));
  std::vector<std::string> lines;
  static std::vector<std::string>* sink = nullptr;
  sink = &lines;
  log::setSink([](std::string_view line) { sink->emplace_back(line); });
  auto get = [&](const std::string& path) {
    Request req{.method = "GET", .path = path, .request_id = "req-42"};
    return r.match(req).route->handler(req);
  };
  Response internal = get("/internal");
  Response unavailable = get("/unavailable");
  Response conflict = get("/conflict");
  log::flush();
  log::setSink(nullptr);

  EXPECT_EQ(internal.status, 500);
  auto msg = [](const Response& res) {
    return std::string(boost::json::parse(res.body).at("error").at("message").as_string());
  };
  EXPECT_EQ(msg(internal), "internal error; request id req-42");
  EXPECT_EQ(unavailable.status, 503);
  EXPECT_EQ(msg(unavailable), "service unavailable, try again later; request id req-42");
  EXPECT_EQ(conflict.status, 409);
  EXPECT_EQ(msg(conflict), "already exists");
  for (const Response* res : {&internal, &unavailable, &conflict}) {
    EXPECT_EQ(res->body.find("postgresql"), std::string::npos) << res->body;
    EXPECT_EQ(res->body.find("users_username_key"), std::string::npos) << res->body;
    EXPECT_FALSE(res->error.has_value());  // finished
  }
  // The real text is in the log, with the request id.
  std::string all;
  for (const auto& l : lines) all += l + "\n";
  EXPECT_NE(all.find("invalid byte sequence"), std::string::npos) << all;
  EXPECT_NE(all.find("host=db.internal"), std::string::npos) << all;
  EXPECT_NE(all.find("users_username_key"), std::string::npos) << all;
  EXPECT_NE(all.find("\"request_id\":\"req-42\""), std::string::npos) << all;
}

TEST(Message, ErrorBodiesAreValidJsonWhateverTheirText) {
  Response res = errorResponse(Error::notFound("no such route: /\xFF\xFE/\xE8\xA1"));
  auto parsed = boost::json::parse(res.body);  // throws on invalid UTF-8
  EXPECT_EQ(parsed.at("error").at("message").as_string(),
            "no such route: /\uFFFD\uFFFD/\uFFFD\uFFFD");  // a byte each
  Response internal = errorResponse(Error::internal("secret"));
  EXPECT_EQ(boost::json::parse(internal.body).at("error").at("message").as_string(),
            "internal error");
}

TEST(Message, TargetsAndRequestIds) {
  Request req;
  parseTarget("/api/v1/hazards?q=%E6%B2%B3&limit=5&q=%E8%A1%A1", req);
  EXPECT_EQ(req.path, "/api/v1/hazards");
  EXPECT_EQ(req.query.at("q"), "衡");  // the last one wins
  EXPECT_EQ(req.query.at("limit"), "5");
  Request odd;
  parseTarget("http://example.org/x?y=1", odd);  // not origin form: kept whole
  EXPECT_EQ(odd.path, "http://example.org/x?y=1");
  EXPECT_TRUE(odd.query.empty());
  EXPECT_TRUE(acceptableRequestId("r1f-abc_D.9"));
  EXPECT_TRUE(acceptableRequestId(std::string(64, 'a')));
  EXPECT_FALSE(acceptableRequestId(std::string(65, 'a')));
  EXPECT_FALSE(acceptableRequestId(""));
  EXPECT_FALSE(acceptableRequestId("a b"));
  EXPECT_FALSE(acceptableRequestId("a\r\nSet-Cookie: x"));
}

TEST(Params, NumbersAreFiniteAndWhole) {
  Request req;
  parseTarget("/x?lon=112.57&lat=2.6e1&bad=12abc&inf=inf&nan=nan&empty=", req);
  EXPECT_DOUBLE_EQ(numberParam(req, "lon").value(), 112.57);
  EXPECT_DOUBLE_EQ(numberParam(req, "lat").value(), 26);
  for (const char* name : {"bad", "inf", "nan", "empty", "absent"}) {
    EXPECT_EQ(numberParam(req, name).error().field, name);
  }
}

TEST(Metrics, RendersPrometheusText) {
  Metrics m;
  m.observe("GET", "/api/v1/users/{id}", 200, 0.002);
  m.observe("GET", "/api/v1/users/{id}", 200, 0.2);
  m.observe("POST", "/x", 409, 0.0001);
  m.addGauge("anlan_test_gauge", "A gauge.", [] { return 7.0; });
  std::string text = m.render();
  EXPECT_NE(text.find("anlan_http_requests_total{method=\"GET\",route=\"/api/v1/users/"
                      "{id}\",status=\"200\"} 2"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("status=\"409\"} 1"), std::string::npos);
  EXPECT_NE(text.find("anlan_http_request_duration_seconds_bucket{le=\"0.0025\"} 2"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("anlan_http_request_duration_seconds_count 3"), std::string::npos);
  EXPECT_NE(text.find("anlan_test_gauge 7"), std::string::npos);
}

TEST(Listen, ParsesHostAndPort) {
  auto a = parseListen("127.0.0.1:8080");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->first, "127.0.0.1");
  EXPECT_EQ(a->second, 8080);
  auto v6 = parseListen("[::1]:0");
  ASSERT_TRUE(v6.ok());
  EXPECT_EQ(v6->first, "::1");
  EXPECT_FALSE(parseListen("localhost").ok());
  EXPECT_FALSE(parseListen("h:99999").ok());
  EXPECT_EQ(parseListen("h:x").error().field, "listen");
}

}  // namespace
}  // namespace anlan::http

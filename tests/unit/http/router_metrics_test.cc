#include <gtest/gtest.h>

#include "http/metrics.h"
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

TEST(Metrics, RendersPrometheusText) {
  Metrics m;
  m.observe("GET", "/api/v1/users/{id}", 200, 0.002);
  m.observe("GET", "/api/v1/users/{id}", 200, 0.2);
  m.observe("POST", "/x", 409, 0.0001);
  m.addGauge("anlan_test_gauge", "A gauge.", [] { return 7.0; });
  std::string text = m.render();
  EXPECT_NE(text.find("anlan_http_requests_total{method=\"GET\",route=\"/api/v1/users/{id}\",status=\"200\"} 2"),
            std::string::npos) << text;
  EXPECT_NE(text.find("status=\"409\"} 1"), std::string::npos);
  EXPECT_NE(text.find("anlan_http_request_duration_seconds_bucket{le=\"0.0025\"} 2"), std::string::npos) << text;
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

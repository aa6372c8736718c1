// Quick handlers (http/router.h): tried on the I/O thread first; when they decline, the route's
// ordinary handler runs on a worker. Either way the request is answered, counted and logged alike.
#include <gtest/gtest.h>

#include <atomic>

#include "http/server.h"
#include "support/http_client.h"

namespace anlan::test {
namespace {

TEST(QuickRoutes, AnswerOnTheIoThreadOrHandOverToAWorker) {
  std::atomic<int> quick_calls{0}, worker_calls{0};
  http::Router router;
  http::Endpoint e{[&](http::Request&) {
                     ++worker_calls;
                     http::Response r;
                     r.body = "from a worker";
                     return r;
                   },
                   [&](http::Request& req) -> std::optional<http::Response> {
                     ++quick_calls;
                     if (req.queryParam("decline")) return std::nullopt;
                     if (req.queryParam("throw")) throw std::runtime_error("boom");
                     http::Response r;
                     r.body = "quick " + req.params["name"];
                     return r;
                   }};
  router.add("GET", "/hello/{name}", e);
  http::Metrics metrics;
  http::Server server(
      {.host = "127.0.0.1", .port = 0, .io_threads = 1, .worker_threads = 1, .access_log = false},
      router, metrics);
  server.start();
  HttpClient client(server.port());

  auto quick = client.get("/hello/anlan");
  EXPECT_EQ(quick.status, 200);
  EXPECT_EQ(quick.body, "quick anlan");  // path parameters are filled before the quick handler
  EXPECT_EQ(worker_calls.load(), 0);

  auto declined = client.get("/hello/anlan?decline=1");
  EXPECT_EQ(declined.status, 200);
  EXPECT_EQ(declined.body, "from a worker");
  EXPECT_EQ(worker_calls.load(), 1);

  auto thrown = client.get("/hello/anlan?throw=1");
  EXPECT_EQ(thrown.status, 500);
  EXPECT_EQ(thrown.errorCode(), "internal");
  EXPECT_EQ(worker_calls.load(), 1);
  EXPECT_EQ(quick_calls.load(), 3);

  auto head = client.request("HEAD", "/hello/anlan");
  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(head.body, "");

  std::string text = metrics.render();
  EXPECT_NE(
      text.find(R"(anlan_http_requests_total{method="GET",route="/hello/{name}",status="200"} 2)"),
      std::string::npos)
      << text;
  EXPECT_NE(text.find(R"(route="/hello/{name}",status="500"} 1)"), std::string::npos) << text;
  EXPECT_NE(text.find("anlan_http_internal_errors_total 1"), std::string::npos) << text;
  server.stop();
}

}  // namespace
}  // namespace anlan::test

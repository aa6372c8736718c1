// The built web application served by the server: MIME types, compression, caching, CSP and
// the SPA fallback, without shadowing the API.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "http/static_files.h"
#include "support/test_app.h"

namespace anlan::test {
namespace {

TEST(StaticFiles, ServesTheWebApplication) {
  TempDir web;
  std::filesystem::create_directories(web.path() + "/assets");
  std::string big_js = "export const x = 1;\n" + std::string(5000, ' ') + "console.log(x);\n";
  std::ofstream(web.path() + "/index.html")
      << "<!doctype html><html><body><div id=app></div>"
         "<script type=module src=/assets/app-1a2b3c.js></script></body></html>";
  std::ofstream(web.path() + "/assets/app-1a2b3c.js") << big_js;
  std::ofstream(web.path() + "/assets/worker-9f.mjs") << "self.onmessage = () => {};";
  std::ofstream(web.path() + "/favicon.svg") << "<svg xmlns='http://www.w3.org/2000/svg'/>";
  TestApp t({.tweak = [&](Config& c) { c.web_root = web.path(); }});

  auto index = t.client().get("/");
  ASSERT_EQ(index.status, 200);
  EXPECT_EQ(index.headers["content-type"], "text/html; charset=utf-8");
  EXPECT_EQ(index.headers["cache-control"], "no-cache");
  EXPECT_NE(index.headers["content-security-policy"].find("script-src 'self'"), std::string::npos);
  EXPECT_EQ(index.headers["content-security-policy"].find("unsafe-eval"), std::string::npos);

  auto deep = t.client().get("/enterprises/42");  // a client-side route
  EXPECT_EQ(deep.status, 200);
  EXPECT_EQ(deep.body, index.body);

  auto js =
      t.client().request("GET", "/assets/app-1a2b3c.js", "", {{"Accept-Encoding", "gzip, br"}});
  ASSERT_EQ(js.status, 200);
  EXPECT_EQ(js.headers["content-type"], "text/javascript; charset=utf-8");
  EXPECT_EQ(js.headers["content-encoding"], "gzip");
  EXPECT_LT(js.body.size(), big_js.size() / 2);
  EXPECT_NE(js.headers["cache-control"].find("immutable"), std::string::npos);
  auto plain = t.client().get("/assets/app-1a2b3c.js");
  EXPECT_EQ(plain.body, big_js);
  EXPECT_EQ(plain.headers.count("content-encoding"), 0u);

  EXPECT_EQ(t.client().get("/assets/worker-9f.mjs").headers["content-type"],
            "text/javascript; charset=utf-8");
  EXPECT_EQ(t.client().get("/favicon.svg").headers["content-type"], "image/svg+xml");
  EXPECT_EQ(t.client().get("/assets/missing-000.js").status, 404);
  EXPECT_EQ(t.client().get("/../etc/passwd").status, 404);

  // The API keeps its JSON answers.
  auto api = t.client().get("/api/v1/nothing");
  EXPECT_EQ(api.status, 404);
  EXPECT_EQ(api.errorCode(), "not_found");
  EXPECT_EQ(t.client().get("/healthz").json().at("status").as_string(), "ok");
  EXPECT_EQ(t.client().post("/enterprises", "{}").status, 404);  // only GET and HEAD reach the app
}

TEST(StaticFiles, MimeTypes) {
  EXPECT_EQ(http::mimeType("a.mjs"), "text/javascript; charset=utf-8");
  EXPECT_EQ(http::mimeType("A.PNG"), "image/png");
  EXPECT_EQ(http::mimeType("x.woff2"), "font/woff2");
  EXPECT_EQ(http::mimeType("noext"), "application/octet-stream");
}

}  // namespace
}  // namespace anlan::test

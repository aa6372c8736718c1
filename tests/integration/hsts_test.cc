// Strict-Transport-Security: with TLS every response carries it (max-age one year, without
// includeSubDomains); over plain HTTP none does (RFC 6797 §7.2: it must not be sent there).
#include <gtest/gtest.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <unistd.h>

#include "app/cert.h"
#include "support/test_app.h"

namespace anlan::test {
namespace {

// Sends `request` over TLS to 127.0.0.1:port, trusting `ca_file`, and reads the whole answer.
HttpResult tlsExchange(unsigned short port, const std::string& ca_file,
                       const std::string& request) {
  SSL_CTX* ctx = SSL_CTX_new(TLS_client_method());
  SSL_CTX_load_verify_locations(ctx, ca_file.c_str(), nullptr);
  SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, nullptr);
  SSL* ssl = SSL_new(ctx);
  SSL_set1_host(ssl, "127.0.0.1");
  int fd = connectTo(port);
  std::string raw;
  if (fd >= 0 && SSL_set_fd(ssl, fd) == 1 && SSL_connect(ssl) == 1 &&
      SSL_write(ssl, request.data(), static_cast<int>(request.size())) > 0) {
    char buf[16384];
    for (int n; (n = SSL_read(ssl, buf, sizeof buf)) > 0;)
      raw.append(buf, static_cast<std::size_t>(n));
  } else {
    ADD_FAILURE() << "TLS exchange failed: " << ERR_error_string(ERR_get_error(), nullptr);
  }
  SSL_free(ssl);
  SSL_CTX_free(ctx);
  if (fd >= 0) ::close(fd);
  return parseResponse(raw);
}

std::string get(const std::string& target, const std::string& extra = "") {
  return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + extra + "\r\n";
}

// Disabled until src/http/server.cc sets the header: in Impl::writeResponse, after
// X-Content-Type-Options,
//   if (ssl_) out.set(bhttp::field::strict_transport_security, "max-age=31536000");
// (checked: with that line this test passes; without it every case misses the header).
TEST(Hsts, EveryAnswerOverTlsCarriesIt) {
  TempDir dir;
  app::CertOptions options;
  options.dir = dir.path() + "/tls";
  options.names = {"127.0.0.1"};
  options.machine_names = false;
  auto certs = app::initCertificates(options);
  ASSERT_TRUE(certs.ok()) << certs.error().message;
  TestApp t({.tweak = [&](Config& c) {
    c.tls_cert = certs->server_cert;
    c.tls_key = certs->server_key;
  }});
  const std::string token = "Authorization: Bearer x\r\n";
  struct Case {
    std::string name, request;
    int status;
  };
  for (const Case& c : std::vector<Case>{
           {"a system route", get("/healthz"), 200},
           {"an API route without a session", get("/api/v1/me"), 401},
           {"a refused parameter", get("/api/v1/enterprises?q=%FF%FE", token), 400},
           {"no such route", get("/api/v1/nothing-here"), 404},
           {"another method", "DELETE /api/v1/me HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
            405},
           {"a header over the limit",
            get("/healthz", "X-Big: " + std::string(20000, 'a') + "\r\n"), 413},
           {"a malformed request", "GET /healthz HTTP/1.1\r\nHost x\r\n\r\n", 400},
           {"WebSocket without a session",
            "GET /api/v1/events HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: "
            "Upgrade\r\n"
            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n",
            401},
       }) {
    HttpResult r = tlsExchange(t.port(), certs->ca_cert, c.request);
    EXPECT_EQ(r.status, c.status) << c.name << ": " << r.body;
    EXPECT_EQ(r.headers["strict-transport-security"], "max-age=31536000") << c.name;
  }
}

TEST(Hsts, NeverOverPlainHttp) {
  TestApp t;
  for (const char* target : {"/healthz", "/api/v1/me", "/api/v1/nothing-here"}) {
    auto r = t.client().get(target);
    EXPECT_NE(r.status, 0) << target;
    EXPECT_EQ(r.headers.count("strict-transport-security"), 0u) << target;
  }
}

}  // namespace
}  // namespace anlan::test

// The server under misbehaving clients: slow senders, floods of connections.
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>

#include "support/test_app.h"

namespace anlan::test {
namespace {

TEST(Protection, HalfSentRequestsDoNotHoldUpOthers) {
  TestApp t({.tweak = [](Config& c) { c.read_timeout_ms = 10'000; }});
  std::vector<int> stalled;
  for (int i = 0; i < 64; ++i) {
    int fd = connectTo(t.port());
    ASSERT_GE(fd, 0);
    // Headers never finished, or a body promised and never sent.
    std::string part =
        i % 2 ? "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: "
              : "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"user";
    ASSERT_TRUE(sendAll(fd, part));
    stalled.push_back(fd);
  }
  auto start = std::chrono::steady_clock::now();
  auto r = t.client().get("/healthz");
  auto took = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(r.status, 200);
  // "Promptly" means well inside the read timeout the stalled clients are subject to.
  EXPECT_LT(took, std::chrono::seconds(2));
  for (int fd : stalled) ::close(fd);
}

TEST(Protection, StalledClientsAreDisconnectedAfterTheReadTimeout) {
  TestApp t({.tweak = [](Config& c) { c.read_timeout_ms = 300; }});
  int fd = connectTo(t.port());
  ASSERT_TRUE(sendAll(fd, "GET /healthz HTTP/1.1\r\nHost: x\r\n"));
  // The server closes the connection: read returns 0 (EOF) rather than blocking forever.
  char buf[64];
  timeval tv{5, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  ssize_t n = ::recv(fd, buf, sizeof buf, 0);
  EXPECT_LE(n, 0);
  ::close(fd);
}

TEST(Protection, ConnectionsOverTheCapAreRefused) {
  TestApp t({.tweak = [](Config& c) { c.max_connections = 4; }});
  std::vector<int> held;
  for (int i = 0; i < 4; ++i) {
    int fd = connectTo(t.port());
    ASSERT_TRUE(sendAll(fd, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"));
    auto r = readResponse(fd);  // served and kept alive
    ASSERT_EQ(r.status, 200);
    held.push_back(fd);
  }
  auto refused = t.client().get("/healthz");
  EXPECT_EQ(refused.status, 0);  // closed without an answer
  for (int fd : held) ::close(fd);
  // Once they are gone, new clients are served again.
  int status = 0;
  for (int i = 0; i < 100 && status != 200; ++i) {
    status = t.client().get("/healthz").status;
    if (status != 200) usleep(10'000);
  }
  EXPECT_EQ(status, 200);
}

TEST(Protection, KeepAliveServesSeveralRequestsOnOneConnection) {
  TestApp t;
  int fd = connectTo(t.port());
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(sendAll(fd, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"));
    EXPECT_EQ(readResponse(fd).status, 200);
  }
  ::close(fd);
}

}  // namespace
}  // namespace anlan::test

// The HTTP/1.1 + WebSocket server on one port (Boost.Beast, Asio coroutines), TLS when configured.
// Network I/O runs on the I/O threads; handlers run on a separate worker pool, so blocking work
// (database, password hashing) never stalls a connection. A route's quick handler (memory only,
// see router.h) is tried first on the I/O thread, which saves the two thread hand-offs.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/subject.h"
#include "http/message.h"
#include "http/metrics.h"
#include "http/router.h"

namespace anlan::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;  // 0: any free port
  std::string tls_cert, tls_key;
  std::uint32_t max_header_bytes = 16 * 1024;
  std::uint64_t max_body_bytes = 8 * 1024 * 1024;
  int read_timeout_ms = 15'000;
  int max_connections = 10'000;
  int io_threads = 1;
  int worker_threads = 4;
  bool access_log = true;
};

// Parses "host:port" (IPv6 as "[::1]:8080").
Result<std::pair<std::string, unsigned short>> parseListen(const std::string& text);

// Who a pushed message is for (opaque to the server: each client's filter decides).
struct WsAudience {
  Subject subject;         // whose record it describes
  std::string to_user;     // non-empty: one user only
  std::string permission;  // non-empty: an action the receiver needs
};
// Asked, for each pushed message, whether this client may have it.
using WsFilter = std::function<bool(const WsAudience&)>;
// What the server keeps of an admitted WebSocket client: its filter, and what to do with each text
// message it sends (run on a worker, one at a time per client, in order; empty: ignored).
struct WsSession {
  WsFilter filter;
  // Labels by which closeClients() finds this client (e.g. its session and its user).
  std::vector<std::string> keys;
  std::function<void(const std::string& text)> on_message;
  // Once the client is connected, and once it is gone. Like on_message they run on the worker
  // pool, in order for this client.
  std::function<void()> on_open, on_close;
};
// Decides whether a WebSocket client may connect and builds its session. Runs on a worker.
using WsAuthorizer = std::function<Result<WsSession>(Request&)>;

class Server {
 public:
  Server(ServerOptions options, const Router& router, Metrics& metrics);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Accepts WebSocket upgrades at `path`, admitting clients that `authorize` accepts.
  void setWebSocket(std::string path, WsAuthorizer authorize);
  // Binds, listens and starts the I/O and worker threads. Throws std::runtime_error on failure.
  void start();
  // The bound port (useful with port 0).
  unsigned short port() const;
  // Stops accepting, closes connections and joins every thread. Idempotent.
  void stop();
  // Sends `text` to every WebSocket client whose filter accepts `audience`. Thread-safe.
  void broadcast(const WsAudience& audience, std::string text);
  // Number of WebSocket clients connected now.
  std::size_t wsClients() const;
  // Disconnects every WebSocket client labelled `key`; returns how many. Thread-safe.
  std::size_t closeClients(const std::string& key);
  // The labels of the clients connected now that start with `prefix`. Thread-safe.
  std::vector<std::string> clientKeys(std::string_view prefix) const;
  // Number of open connections now.
  int connections() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace anlan::http

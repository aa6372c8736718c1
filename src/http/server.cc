// One of the two translation units that include Beast (client.cc is the other): it is slow to
// compile, so it stays in these.
#include "http/server.h"

#include <algorithm>
#include <atomic>
#include <boost/asio.hpp>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>
#include <boost/url/parse.hpp>
#include <chrono>
#include <deque>
#include <list>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "core/log.h"

namespace anlan::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace websocket = boost::beast::websocket;
using tcp = asio::ip::tcp;
using asio::awaitable;
using asio::use_awaitable;
constexpr auto kTuple = asio::as_tuple(use_awaitable);

Result<std::pair<std::string, unsigned short>> parseListen(const std::string& text) {
  auto colon = text.rfind(':');
  if (colon == std::string::npos) return Error::invalid("listen", "listen must be HOST:PORT");
  std::string host = text.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  std::string port = text.substr(colon + 1);
  if (host.empty() || port.empty() || port.size() > 5 ||
      port.find_first_not_of("0123456789") != std::string::npos || std::stoi(port) > 65535) {
    return Error::invalid("listen", "listen must be HOST:PORT, got '" + text + "'");
  }
  return std::make_pair(host, static_cast<unsigned short>(std::stoi(port)));
}

namespace {

// A WebSocket client as the hub sees it, whatever its stream type.
class WsClient {
 public:
  WsClient(WsFilter filter, std::vector<std::string> keys)
      : filter_(std::move(filter)), keys_(std::move(keys)) {}
  virtual ~WsClient() = default;
  bool accepts(const WsAudience& a) const { return filter_(a); }
  const std::vector<std::string>& keys() const { return keys_; }
  virtual void send(std::shared_ptr<const std::string> text) = 0;
  virtual void close() = 0;

 private:
  WsFilter filter_;
  std::vector<std::string> keys_;
};

template <class Stream>
class WsClientOf final : public WsClient, public std::enable_shared_from_this<WsClientOf<Stream>> {
 public:
  static constexpr std::size_t kMaxQueue = 1024;

  WsClientOf(websocket::stream<Stream> ws, WsSession session, asio::thread_pool& pool)
      : WsClient(std::move(session.filter), std::move(session.keys)),
        ws_(std::move(ws)),
        signal_(ws_.get_executor()),
        on_message_(std::move(session.on_message)),
        on_open_(std::move(session.on_open)),
        on_close_(std::move(session.on_close)),
        worker_(asio::make_strand(pool)) {
    signal_.expires_at(std::chrono::steady_clock::time_point::max());
  }

  void send(std::shared_ptr<const std::string> text) override {
    asio::post(ws_.get_executor(),
               [self = this->shared_from_this(), text = std::move(text)]() mutable {
                 if (self->closed_) return;
                 if (self->queue_.size() >= kMaxQueue) {  // a client that cannot keep up is let go
                   self->doClose();
                   return;
                 }
                 self->queue_.push_back(std::move(text));
                 self->signal_.cancel_one();
               });
  }

  void close() override {
    asio::post(ws_.get_executor(), [self = this->shared_from_this()] { self->doClose(); });
  }

  awaitable<void> run() {
    auto self = this->shared_from_this();
    asio::co_spawn(ws_.get_executor(), writeLoop(), asio::detached);
    if (on_open_) asio::post(worker_, on_open_);
    beast::flat_buffer buf;
    for (;;) {
      auto [ec, n] = co_await ws_.async_read(buf, kTuple);
      if (ec) break;
      if (on_message_ && ws_.got_text()) {
        // Handled on the worker pool, one message at a time for this client.
        asio::post(worker_,
                   [fn = on_message_, text = beast::buffers_to_string(buf.data())] { fn(text); });
      }
      buf.consume(n);  // control frames are handled by Beast
    }
    closed_ = true;
    signal_.cancel();
    if (on_close_) asio::post(worker_, on_close_);
  }

 private:
  void doClose() {
    if (closed_) return;
    closed_ = true;
    signal_.cancel();
    beast::get_lowest_layer(ws_).close();
  }

  awaitable<void> writeLoop() {
    auto self = this->shared_from_this();
    while (!closed_) {
      if (queue_.empty()) {
        co_await signal_.async_wait(kTuple);
        continue;
      }
      auto msg = std::move(queue_.front());
      queue_.pop_front();
      ws_.text(true);
      auto [ec, n] = co_await ws_.async_write(asio::buffer(*msg), kTuple);
      if (ec) doClose();
    }
  }

  websocket::stream<Stream> ws_;
  asio::steady_timer signal_;
  std::deque<std::shared_ptr<const std::string>> queue_;
  bool closed_ = false;
  std::function<void(const std::string&)> on_message_;
  std::function<void()> on_open_, on_close_;
  asio::strand<asio::thread_pool::executor_type> worker_;
};

// Counts a connection for its lifetime.
struct ConnectionCount {
  explicit ConnectionCount(std::atomic<int>& n) : n_(n) { ++n_; }
  ~ConnectionCount() { --n_; }
  std::atomic<int>& n_;
};

// One io_context per I/O thread, each run by that thread alone: a connection stays on one of
// them for its whole life, so its handlers need no strand and a request never wakes another
// I/O thread.
std::vector<std::unique_ptr<asio::io_context>> ioContexts(int n) {
  std::vector<std::unique_ptr<asio::io_context>> out;
  for (int i = 0; i < std::max(1, n); ++i) out.push_back(std::make_unique<asio::io_context>(1));
  return out;
}

}  // namespace

class Server::Impl {
 public:
  Impl(ServerOptions o, const Router& r, Metrics& m)
      : opts_(std::move(o)),
        router_(r),
        metrics_(m),
        pool_(std::max(1, opts_.worker_threads)),
        iocs_(ioContexts(opts_.io_threads)),
        acceptor_(*iocs_[0]) {
    if (opts_.tls_cert.empty() != opts_.tls_key.empty()) {
      throw std::runtime_error("TLS needs both tls_cert and tls_key");
    }
    if (!opts_.tls_cert.empty()) {
      ssl_.emplace(asio::ssl::context::tls_server);
      ssl_->set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 |
                        asio::ssl::context::no_sslv3 | asio::ssl::context::no_tlsv1 |
                        asio::ssl::context::no_tlsv1_1);
      ssl_->use_certificate_chain_file(opts_.tls_cert);
      ssl_->use_private_key_file(opts_.tls_key, asio::ssl::context::pem);
    }
  }

  void start() {
    tcp::endpoint ep(asio::ip::make_address(opts_.host), opts_.port);
    acceptor_.open(ep.protocol());
    acceptor_.set_option(asio::socket_base::reuse_address(true));
    acceptor_.bind(ep);
    acceptor_.listen(asio::socket_base::max_listen_connections);
    port_ = acceptor_.local_endpoint().port();
    asio::co_spawn(*iocs_[0], acceptLoop(), asio::detached);
    for (auto& ioc : iocs_) {
      idle_guards_.push_back(asio::make_work_guard(*ioc));  // run() waits for connections
      threads_.emplace_back([&ioc] { ioc->run(); });
    }
  }

  void stop() {
    if (stopped_.exchange(true)) return;
    asio::post(*iocs_[0], [this] {
      beast::error_code ec;
      acceptor_.close(ec);
    });
    {
      std::lock_guard lock(ws_mu_);
      for (auto& c : ws_clients_) c->close();
    }
    idle_guards_.clear();
    for (auto& ioc : iocs_) ioc->stop();
    for (auto& t : threads_) t.join();
    threads_.clear();
    pool_.join();
  }

  std::size_t closeClients(const std::string& key) {
    std::size_t n = 0;
    std::lock_guard lock(ws_mu_);
    for (auto& c : ws_clients_) {
      if (std::find(c->keys().begin(), c->keys().end(), key) != c->keys().end()) {
        c->close();
        ++n;
      }
    }
    return n;
  }

  std::vector<std::string> clientKeys(std::string_view prefix) const {
    std::vector<std::string> out;
    std::lock_guard lock(ws_mu_);
    for (const auto& c : ws_clients_) {
      for (const auto& k : c->keys()) {
        if (k.rfind(prefix, 0) == 0) out.push_back(k);
      }
    }
    return out;
  }

  void broadcast(const WsAudience& audience, std::string text) {
    auto msg = std::make_shared<const std::string>(std::move(text));
    std::lock_guard lock(ws_mu_);
    for (auto& c : ws_clients_) {
      if (c->accepts(audience)) c->send(msg);
    }
  }

  ServerOptions opts_;
  const Router& router_;
  Metrics& metrics_;
  // The pool outlives the I/O contexts: destroying an io_context destroys the coroutines still
  // suspended on it, and a WebSocket client among them owns a strand on the pool.
  asio::thread_pool pool_;
  std::vector<std::unique_ptr<asio::io_context>> iocs_;
  std::vector<asio::executor_work_guard<asio::io_context::executor_type>> idle_guards_;
  std::optional<asio::ssl::context> ssl_;
  tcp::acceptor acceptor_;
  std::vector<std::thread> threads_;
  std::atomic<bool> stopped_{false};
  std::atomic<int> connections_{0};
  unsigned short port_ = 0;
  std::string ws_path_;
  WsAuthorizer ws_authorize_;
  mutable std::mutex ws_mu_;
  std::list<std::shared_ptr<WsClient>> ws_clients_;
  std::atomic<std::uint64_t> next_request_{1};
  std::size_t next_ioc_ = 0;  // used by the accept loop only

 private:
  awaitable<void> acceptLoop() {
    for (;;) {
      // Connections are dealt to the I/O threads in turn.
      asio::io_context& home = *iocs_[next_ioc_++ % iocs_.size()];
      auto [ec, sock] = co_await acceptor_.async_accept(home, kTuple);
      if (ec) {
        if (ec == asio::error::operation_aborted || !acceptor_.is_open()) co_return;
        continue;
      }
      if (connections_.load() >= opts_.max_connections) {
        beast::error_code ignored;
        sock.close(ignored);  // over the cap: refuse at once rather than queue
        continue;
      }
      beast::error_code ignored;
      sock.set_option(tcp::no_delay(true), ignored);
      auto ex = sock.get_executor();
      asio::co_spawn(ex, session(std::move(sock)), asio::detached);
    }
  }

  awaitable<void> session(tcp::socket sock) {
    ConnectionCount count(connections_);
    beast::error_code ec;
    auto remote = sock.remote_endpoint(ec);
    std::string addr = ec ? std::string() : remote.address().to_string();
    beast::tcp_stream stream(std::move(sock));
    if (ssl_) {
      beast::ssl_stream<beast::tcp_stream> tls(std::move(stream), *ssl_);
      beast::get_lowest_layer(tls).expires_after(std::chrono::milliseconds(opts_.read_timeout_ms));
      auto [hec] = co_await tls.async_handshake(asio::ssl::stream_base::server, kTuple);
      if (hec) co_return;
      if (co_await serve(tls, addr, true)) {
        beast::get_lowest_layer(tls).expires_after(std::chrono::seconds(2));
        co_await tls.async_shutdown(kTuple);
      }
    } else {
      if (co_await serve(stream, addr, false)) {
        stream.socket().shutdown(tcp::socket::shutdown_send, ec);
      }
    }
  }

  // Serves requests on one connection until it closes. Returns whether the stream is still ours
  // to shut down (false after a WebSocket upgrade took it).
  template <class Stream>
  awaitable<bool> serve(Stream& stream, const std::string& addr, bool tls) {
    beast::flat_buffer buf;
    for (;;) {
      bhttp::request_parser<bhttp::string_body> parser;
      parser.header_limit(opts_.max_header_bytes);
      parser.body_limit(opts_.max_body_bytes);
      beast::get_lowest_layer(stream).expires_after(
          std::chrono::milliseconds(opts_.read_timeout_ms));
      auto [ec, n] = co_await bhttp::async_read(stream, buf, parser, kTuple);
      if (ec == bhttp::error::body_limit || ec == bhttp::error::header_limit) {
        Error too_large{Code::kPayloadTooLarge, "request too large", {}};
        co_await writeError(stream, too_large);
        co_return true;
      }
      if (ec && ec.category() == bhttp::make_error_code(bhttp::error::end_of_stream).category() &&
          ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message) {
        Error malformed = Error::invalid("request", "malformed HTTP request");
        co_await writeError(stream, malformed);
        co_return true;
      }
      if (ec) co_return true;  // closed, timed out or reset

      auto& breq = parser.get();
      Request req = convert(breq, addr, tls);
      if (websocket::is_upgrade(breq)) {
        if (req.path != ws_path_ || !ws_authorize_) {
          Response none = errorResponse(Error::notFound("no WebSocket here"));
          co_await writeResponse(stream, std::move(none), req.request_id, false, false);
          co_return true;
        }
        co_await upgrade(stream, parser.release(), req);
        co_return false;
      }
      auto start = std::chrono::steady_clock::now();
      Router::Match match = router_.match(req);
      // A route's quick handler answers here on the I/O thread when it can; everything else
      // (anything that may block) goes to a worker and comes back.
      std::optional<Response> res = answerQuick(req, match, start);
      if (!res) {
        res = co_await asio::co_spawn(
            pool_, [&]() -> awaitable<Response> { co_return handle(req, match, start); },
            use_awaitable);
      }
      bool keep = breq.keep_alive();
      if (!co_await writeResponse(stream, std::move(*res), req.request_id, keep,
                                  req.method == "HEAD")) {
        co_return false;
      }
      if (!keep) co_return true;
    }
  }

  template <class Stream>
  awaitable<void> upgrade(Stream& stream, bhttp::request<bhttp::string_body> breq, Request& req) {
    auto verdict = co_await asio::co_spawn(
        pool_, [&]() -> awaitable<Result<WsSession>> { co_return ws_authorize_(req); },
        use_awaitable);
    if (!verdict.ok()) {
      Response refused = errorResponse(verdict.error());
      co_await writeResponse(stream, std::move(refused), req.request_id, false, false);
      co_return;
    }
    websocket::stream<Stream> ws(std::move(stream));
    beast::get_lowest_layer(ws).expires_never();
    ws.set_option(websocket::stream_base::timeout::suggested(beast::role_type::server));
    ws.read_message_max(64 * 1024);
    auto [ec] = co_await ws.async_accept(breq, kTuple);
    if (ec) co_return;
    auto client =
        std::make_shared<WsClientOf<Stream>>(std::move(ws), std::move(verdict.value()), pool_);
    std::list<std::shared_ptr<WsClient>>::iterator it;
    {
      std::lock_guard lock(ws_mu_);
      it = ws_clients_.insert(ws_clients_.end(), client);
    }
    log::info("websocket connected", {{"request_id", req.request_id}, {"remote", req.remote_addr}});
    co_await client->run();
    std::lock_guard lock(ws_mu_);
    ws_clients_.erase(it);
  }

  // Our Request from Beast's; takes the body.
  Request convert(bhttp::request<bhttp::string_body>& b, const std::string& addr, bool tls) {
    Request r;
    r.method = std::string(b.method_string());
    r.remote_addr = addr;
    r.tls = tls;
    r.headers.reserve(std::distance(b.begin(), b.end()));
    for (const auto& f : b) {
      std::string name(f.name_string());
      for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      r.headers.emplace_back(std::move(name), std::string(f.value()));
    }
    parseTarget(b.target(), r);
    std::string_view given = r.header("x-request-id");
    if (acceptableRequestId(given)) {
      r.request_id = std::string(given);
    } else {
      char buf[24];
      std::snprintf(buf, sizeof buf, "r%llx", static_cast<unsigned long long>(next_request_++));
      r.request_id = buf;
    }
    r.body = std::move(b.body());
    return r;
  }

  // Runs the matched route's quick handler on the I/O thread, if it has one; nullopt when there
  // is none or it declined. Never throws.
  std::optional<Response> answerQuick(Request& req, const Router::Match& m,
                                      std::chrono::steady_clock::time_point start) {
    if (!m.route || !m.route->quick) return std::nullopt;
    std::optional<Response> res;
    try {
      res = m.route->quick(req);
    } catch (const std::exception& e) {
      res = failed(req, e);
    }
    if (res) record(req, m.route->pattern, *res, start);
    return res;
  }

  // Runs one request on a worker thread: the matched route, the fallback, 405 or 404. Never
  // throws.
  Response handle(Request& req, const Router::Match& m,
                  std::chrono::steady_clock::time_point start) {
    Response res;
    std::string_view route = "(none)";
    try {
      if (m.route) {
        route = m.route->pattern;
        res = m.route->handler(req);
      } else if (auto page =
                     router_.fallback() && !m.path_known ? router_.fallback()(req) : std::nullopt) {
        route = "(static)";
        res = std::move(*page);
      } else if (m.path_known) {
        res = errorResponse(
            Error{Code::kMethodNotAllowed, "method " + req.method + " not allowed here", {}});
        res.headers.emplace_back("Allow", m.allow);
      } else {
        res = errorResponse(Error::notFound("no such route: " + req.path));
      }
    } catch (const std::exception& e) {
      res = failed(req, e);
    }
    record(req, route, res, start);
    return res;
  }

  // The answer to a handler that threw: 500, logged (and counted by record()).
  Response failed(const Request& req, const std::exception& e) {
    log::error("handler failed", {{"request_id", req.request_id}, {"error", e.what()}});
    return errorResponse(Error::internal("internal error; request id " + req.request_id));
  }

  // Counts and times an answered request and writes its access log line.
  void record(const Request& req, std::string_view route, const Response& res,
              std::chrono::steady_clock::time_point start) {
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    metrics_.observe(req.method, route, res.status, secs);
    if (res.status >= 500 && res.status != 503) metrics_.countInternalError();
    if (opts_.access_log) {
      log::info("access", {{"request_id", req.request_id},
                           {"method", req.method},
                           {"path", req.path},
                           {"status", res.status},
                           {"micros", static_cast<std::int64_t>(secs * 1e6)},
                           {"remote", req.remote_addr}});
    }
  }

  template <class Stream>
  awaitable<bool> writeResponse(Stream& stream, Response res, const std::string& request_id,
                                bool keep_alive, bool head) {
    bhttp::response<bhttp::string_body> out{static_cast<bhttp::status>(res.status), 11};
    out.set(bhttp::field::content_type, res.content_type);
    out.set("X-Request-Id", request_id);
    out.set("X-Content-Type-Options", "nosniff");
    // A server with TLS speaks nothing else: browsers are told to keep to HTTPS for a year.
    if (ssl_) out.set("Strict-Transport-Security", "max-age=31536000");
    for (const auto& [k, v] : res.headers) out.insert(k, v);
    out.keep_alive(keep_alive);
    out.body() = std::move(res.body);
    out.prepare_payload();
    if (head) out.body().clear();
    beast::get_lowest_layer(stream).expires_after(std::chrono::milliseconds(opts_.read_timeout_ms));
    bhttp::serializer<false, bhttp::string_body> sr{out};
    if (head) sr.split(true);
    beast::error_code ec;
    if (head) {
      std::tie(ec, std::ignore) = co_await bhttp::async_write_header(stream, sr, kTuple);
    } else {
      std::tie(ec, std::ignore) = co_await bhttp::async_write(stream, sr, kTuple);
    }
    co_return !ec;
  }

  template <class Stream>
  awaitable<void> writeError(Stream& stream, const Error& e) {
    Response res = errorResponse(e);
    co_await writeResponse(stream, std::move(res), "-", false, false);
  }
};

Server::Server(ServerOptions options, const Router& router, Metrics& metrics)
    : impl_(std::make_unique<Impl>(std::move(options), router, metrics)) {}
Server::~Server() { stop(); }

void Server::setWebSocket(std::string path, WsAuthorizer authorize) {
  impl_->ws_path_ = std::move(path);
  impl_->ws_authorize_ = std::move(authorize);
}

void Server::start() {
  try {
    impl_->start();
  } catch (const boost::system::system_error& e) {
    throw std::runtime_error("cannot listen on " + impl_->opts_.host + ":" +
                             std::to_string(impl_->opts_.port) + ": " + e.what());
  }
}

unsigned short Server::port() const { return impl_->port_; }
void Server::stop() { impl_->stop(); }
void Server::broadcast(const WsAudience& a, std::string text) {
  impl_->broadcast(a, std::move(text));
}
std::size_t Server::wsClients() const {
  std::lock_guard lock(impl_->ws_mu_);
  return impl_->ws_clients_.size();
}
int Server::connections() const { return impl_->connections_.load(); }
std::size_t Server::closeClients(const std::string& key) { return impl_->closeClients(key); }
std::vector<std::string> Server::clientKeys(std::string_view prefix) const {
  return impl_->clientKeys(prefix);
}

}  // namespace anlan::http

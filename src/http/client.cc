// The second translation unit with Beast (server.cc is the first): the outgoing client.
#include "http/client.h"

#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/url/parse.hpp>
#include <chrono>
#include <optional>

namespace anlan::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using asio::ip::tcp;

constexpr std::size_t kMaxAnswer = 64 * 1024;

template <class Stream>
asio::awaitable<ClientResponse> exchange(
    Stream& stream, const Target& t,
    const std::vector<std::pair<std::string, std::string>>& headers, const std::string& body) {
  bhttp::request<bhttp::string_body> req{bhttp::verb::post, t.path, 11};
  req.set(bhttp::field::host, t.host);
  req.set(bhttp::field::user_agent, "anlan");
  for (const auto& [name, value] : headers) req.set(name, value);
  req.body() = body;
  req.prepare_payload();
  co_await bhttp::async_write(stream, req, asio::use_awaitable);
  beast::flat_buffer buffer;
  bhttp::response_parser<bhttp::string_body> parser;
  parser.body_limit(kMaxAnswer);
  co_await bhttp::async_read(stream, buffer, parser, asio::use_awaitable);
  co_return ClientResponse{static_cast<int>(parser.get().result_int()), parser.get().body()};
}

asio::awaitable<ClientResponse> run(const Target& t,
                                    const std::vector<std::pair<std::string, std::string>>& headers,
                                    const std::string& body, asio::ssl::context* tls,
                                    std::chrono::milliseconds timeout) {
  auto ex = co_await asio::this_coro::executor;
  tcp::resolver resolver(ex);
  auto endpoints = co_await resolver.async_resolve(t.host, t.port, asio::use_awaitable);
  if (!tls) {
    beast::tcp_stream stream(ex);
    stream.expires_after(timeout);
    co_await stream.async_connect(endpoints, asio::use_awaitable);
    co_return co_await exchange(stream, t, headers, body);
  }
  beast::ssl_stream<beast::tcp_stream> stream(ex, *tls);
  if (!SSL_set_tlsext_host_name(stream.native_handle(), t.host.c_str())) {
    throw beast::system_error(
        beast::error_code(static_cast<int>(::ERR_get_error()), asio::error::get_ssl_category()));
  }
  stream.set_verify_callback(asio::ssl::host_name_verification(t.host));
  beast::get_lowest_layer(stream).expires_after(timeout);
  co_await beast::get_lowest_layer(stream).async_connect(endpoints, asio::use_awaitable);
  co_await stream.async_handshake(asio::ssl::stream_base::client, asio::use_awaitable);
  co_return co_await exchange(stream, t, headers, body);
}

}  // namespace

Result<Target> parseTarget(const std::string& url, const std::string& field) {
  auto u = boost::urls::parse_absolute_uri(url);
  if (!u || (u->scheme() != "http" && u->scheme() != "https") || u->host().empty() ||
      u->has_userinfo() || u->has_fragment()) {
    return Error::invalid(field, field + " must be an http:// or https:// URL with a host");
  }
  Target t;
  t.tls = u->scheme() == "https";
  t.host = u->host();
  t.port = u->has_port() ? std::string(u->port()) : (t.tls ? "443" : "80");
  t.path = std::string(u->encoded_path());
  if (t.path.empty()) t.path = "/";
  if (u->has_query()) t.path += "?" + std::string(u->encoded_query());
  return t;
}

Result<ClientResponse> post(const Target& target,
                            const std::vector<std::pair<std::string, std::string>>& headers,
                            const std::string& body, const ClientOptions& options) {
  try {
    asio::io_context ioc;
    std::optional<asio::ssl::context> tls;
    if (target.tls) {
      tls.emplace(asio::ssl::context::tls_client);
      tls->set_verify_mode(asio::ssl::verify_peer);
      if (options.ca_file.empty()) {
        tls->set_default_verify_paths();
      } else {
        tls->load_verify_file(options.ca_file);
      }
    }
    auto timeout = std::chrono::milliseconds(options.timeout_ms);
    std::optional<Result<ClientResponse>> out;
    asio::co_spawn(ioc, run(target, headers, body, tls ? &*tls : nullptr, timeout),
                   [&](std::exception_ptr e, ClientResponse r) {
                     if (!e) {
                       out.emplace(std::move(r));
                       return;
                     }
                     try {
                       std::rethrow_exception(e);
                     } catch (const std::exception& ex) {
                       out.emplace(Error{Code::kUnavailable, ex.what(), {}});
                     }
                   });
    // Name resolution has no deadline of its own: the whole exchange gets one here.
    ioc.run_for(timeout + std::chrono::milliseconds(500));
    if (!out) return Error{Code::kUnavailable, "no answer within the timeout", {}};
    return std::move(*out);
  } catch (const std::exception& e) {
    return Error{Code::kUnavailable, e.what(), {}};
  }
}

}  // namespace anlan::http

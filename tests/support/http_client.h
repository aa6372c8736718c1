// A small blocking HTTP/1.1 and WebSocket client over POSIX sockets, for tests only.
#pragma once

#include <boost/json.hpp>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace anlan::test {

struct HttpResult {
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-case names; repeated ones joined by "\n"
  std::string body;
  boost::json::value json() const;
  // "error.field" / "error.code" of an error body, or "".
  std::string errorField() const;
  std::string errorCode() const;
};

class HttpClient {
 public:
  explicit HttpClient(unsigned short port) : port_(port) {}
  // Sends one request on a new connection ("Connection: close") and reads the whole answer.
  HttpResult request(const std::string& method, const std::string& path,
                     const std::string& body = "",
                     const std::map<std::string, std::string>& headers = {}) const;
  HttpResult get(const std::string& path, const std::string& token = "") const;
  HttpResult post(const std::string& path, const std::string& body,
                  const std::string& token = "") const;
  HttpResult patch(const std::string& path, const std::string& body,
                   const std::string& token = "") const;

 private:
  unsigned short port_;
};

// Opens a TCP connection to 127.0.0.1:port; returns the socket or -1.
int connectTo(unsigned short port);
// Sends all of `data`; false on error.
bool sendAll(int fd, const std::string& data);
// Reads one HTTP response from `fd` (until Content-Length is satisfied or EOF).
HttpResult readResponse(int fd);
// Parses one whole HTTP response (head and body) read by other means (e.g. over TLS).
HttpResult parseResponse(const std::string& raw);

// A WebSocket client: connects and upgrades, then reads text frames.
class WsClient {
 public:
  // Connects to `path` with the given headers; check ok() and status().
  WsClient(unsigned short port, const std::string& path,
           const std::map<std::string, std::string>& headers);
  ~WsClient();
  bool ok() const { return fd_ >= 0 && status_ == 101; }
  int status() const { return status_; }
  // Reads the next text message, waiting up to `timeout_ms`; "" on timeout or close.
  std::string next(int timeout_ms = 2000);
  // Sends one text message (masked, as clients must); false on error.
  bool send(const std::string& text);
  // Waits up to `timeout_ms` for the server to close the connection (messages meanwhile are
  // dropped); true when it did.
  bool waitClosed(int timeout_ms);

  // Event types next() passes over: presence changes arrive whenever a console connects, which
  // tests of other events do not want to count. Clear it to see them.
  std::set<std::string> ignore{"duty.presence"};

 private:
  bool ignored(const std::string& payload) const;
  int fd_ = -1;
  int status_ = 0;
  std::string buffer_;
};

}  // namespace anlan::test

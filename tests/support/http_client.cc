#include "support/http_client.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstring>

namespace anlan::test {

boost::json::value HttpResult::json() const {
  boost::system::error_code ec;
  auto v = boost::json::parse(body, ec);
  return ec ? boost::json::value() : v;
}

std::string HttpResult::errorField() const {
  auto v = json();
  if (!v.is_object() || !v.as_object().contains("error")) return {};
  auto& e = v.as_object()["error"].as_object();
  return e.contains("field") ? std::string(e["field"].as_string()) : std::string();
}

std::string HttpResult::errorCode() const {
  auto v = json();
  if (!v.is_object() || !v.as_object().contains("error")) return {};
  return std::string(v.as_object()["error"].as_object()["code"].as_string());
}

int connectTo(unsigned short port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return -1;
  }
  int one = 1;
  ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  return fd;
}

bool sendAll(int fd, const std::string& data) {
  std::size_t sent = 0;
  while (sent < data.size()) {
    ssize_t n = ::send(fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return false;
    sent += static_cast<std::size_t>(n);
  }
  return true;
}

namespace {

// Reads more bytes into `buf`; false on EOF, error or timeout.
bool readMore(int fd, std::string& buf, int timeout_ms = 10000) {
  pollfd p{fd, POLLIN, 0};
  if (::poll(&p, 1, timeout_ms) <= 0) return false;
  char tmp[16384];
  ssize_t n = ::recv(fd, tmp, sizeof tmp, 0);
  if (n <= 0) return false;
  buf.append(tmp, static_cast<std::size_t>(n));
  return true;
}

HttpResult parseHead(const std::string& head) {
  HttpResult r;
  std::size_t pos = head.find("\r\n");
  std::string status_line = head.substr(0, pos);
  if (status_line.size() >= 12) r.status = std::stoi(status_line.substr(9, 3));
  while (pos != std::string::npos && pos + 2 < head.size()) {
    std::size_t next = head.find("\r\n", pos + 2);
    std::string line =
        head.substr(pos + 2, next == std::string::npos ? std::string::npos : next - pos - 2);
    auto colon = line.find(':');
    if (colon != std::string::npos) {
      std::string name = line.substr(0, colon);
      for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      std::string value = line.substr(colon + 1);
      while (!value.empty() && value.front() == ' ') value.erase(0, 1);
      auto& slot = r.headers[name];
      slot = slot.empty() ? value : slot + "\n" + value;
    }
    pos = next;
  }
  return r;
}

}  // namespace

HttpResult readResponse(int fd) {
  std::string buf;
  std::size_t end;
  while ((end = buf.find("\r\n\r\n")) == std::string::npos) {
    if (!readMore(fd, buf)) return {};
  }
  HttpResult r = parseHead(buf.substr(0, end));
  std::string rest = buf.substr(end + 4);
  if (auto it = r.headers.find("content-length"); it != r.headers.end()) {
    std::size_t len = std::stoul(it->second);
    while (rest.size() < len && readMore(fd, rest)) {
    }
    r.body = rest.substr(0, len);
  } else {
    while (readMore(fd, rest)) {
    }
    r.body = rest;
  }
  return r;
}

HttpResult parseResponse(const std::string& raw) {
  std::size_t end = raw.find("\r\n\r\n");
  if (end == std::string::npos) return {};
  HttpResult r = parseHead(raw.substr(0, end));
  r.body = raw.substr(end + 4);
  if (auto it = r.headers.find("content-length"); it != r.headers.end()) {
    r.body = r.body.substr(0, std::stoul(it->second));
  }
  return r;
}

HttpResult HttpClient::request(const std::string& method, const std::string& path,
                               const std::string& body,
                               const std::map<std::string, std::string>& headers) const {
  int fd = connectTo(port_);
  if (fd < 0) return {};
  std::string req = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port_) +
                    "\r\nConnection: close\r\n";
  for (const auto& [k, v] : headers) req += k + ": " + v + "\r\n";
  if (!body.empty() || method == "POST" || method == "PATCH" || method == "PUT") {
    req +=
        "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) + "\r\n";
  }
  req += "\r\n" + body;
  HttpResult r;
  if (sendAll(fd, req)) r = readResponse(fd);
  ::close(fd);
  return r;
}

namespace {
std::map<std::string, std::string> bearer(const std::string& token) {
  if (token.empty()) return {};
  return {{"Authorization", "Bearer " + token}};
}
}  // namespace

HttpResult HttpClient::get(const std::string& path, const std::string& token) const {
  return request("GET", path, "", bearer(token));
}
HttpResult HttpClient::post(const std::string& path, const std::string& body,
                            const std::string& token) const {
  return request("POST", path, body, bearer(token));
}
HttpResult HttpClient::patch(const std::string& path, const std::string& body,
                             const std::string& token) const {
  return request("PATCH", path, body, bearer(token));
}

WsClient::WsClient(unsigned short port, const std::string& path,
                   const std::map<std::string, std::string>& headers) {
  fd_ = connectTo(port);
  if (fd_ < 0) return;
  std::string req = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) +
                    "\r\nUpgrade: websocket\r\n"
                    "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    "Sec-WebSocket-Version: 13\r\n";
  for (const auto& [k, v] : headers) req += k + ": " + v + "\r\n";
  req += "\r\n";
  if (!sendAll(fd_, req)) return;
  std::size_t end;
  while ((end = buffer_.find("\r\n\r\n")) == std::string::npos) {
    if (!readMore(fd_, buffer_)) return;
  }
  status_ = parseHead(buffer_.substr(0, end)).status;
  buffer_.erase(0, end + 4);
}

WsClient::~WsClient() {
  if (fd_ >= 0) ::close(fd_);
}

std::string WsClient::next(int timeout_ms) {
  for (;;) {
    // A server frame: FIN/opcode, length (7, 16 or 64 bits), no mask.
    if (buffer_.size() >= 2) {
      auto b = reinterpret_cast<const unsigned char*>(buffer_.data());
      int opcode = b[0] & 0x0f;
      std::size_t len = b[1] & 0x7f, hdr = 2;
      if (len == 126 && buffer_.size() >= 4) {
        len = (std::size_t{b[2]} << 8) | b[3];
        hdr = 4;
      } else if (len == 127 && buffer_.size() >= 10) {
        len = 0;
        for (int i = 2; i < 10; ++i) len = (len << 8) | b[i];
        hdr = 10;
      }
      if ((b[1] & 0x7f) < 126 || hdr > 2) {
        if (buffer_.size() >= hdr + len) {
          std::string payload = buffer_.substr(hdr, len);
          buffer_.erase(0, hdr + len);
          if (opcode == 1 && !ignored(payload)) return payload;
          if (opcode == 8) return {};
          continue;  // ping/pong/other
        }
      }
    }
    if (!readMore(fd_, buffer_, timeout_ms)) return {};
  }
}

bool WsClient::waitClosed(int timeout_ms) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  for (;;) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) continue;
    char tmp[16384];
    ssize_t n = ::recv(fd_, tmp, sizeof tmp, 0);
    if (n <= 0) return true;
  }
}

bool WsClient::ignored(const std::string& payload) const {
  if (ignore.empty()) return false;
  boost::system::error_code ec;
  auto v = boost::json::parse(payload, ec);
  if (ec || !v.is_object()) return false;
  const auto* type = v.as_object().if_contains("type");
  return type && type->is_string() && ignore.count(std::string(type->as_string()));
}

bool WsClient::send(const std::string& text) {
  std::string frame;
  frame.push_back(static_cast<char>(0x81));  // FIN, text
  std::size_t n = text.size();
  if (n < 126) {
    frame.push_back(static_cast<char>(0x80 | n));
  } else if (n < 65536) {
    frame.push_back(static_cast<char>(0x80 | 126));
    frame.push_back(static_cast<char>(n >> 8));
    frame.push_back(static_cast<char>(n & 0xff));
  } else {
    frame.push_back(static_cast<char>(0x80 | 127));
    for (int i = 7; i >= 0; --i) frame.push_back(static_cast<char>((n >> (8 * i)) & 0xff));
  }
  const unsigned char mask[4] = {0x12, 0x34, 0x56, 0x78};
  frame.append(reinterpret_cast<const char*>(mask), 4);
  for (std::size_t i = 0; i < n; ++i) frame.push_back(static_cast<char>(text[i] ^ mask[i % 4]));
  return sendAll(fd_, frame);
}

}  // namespace anlan::test

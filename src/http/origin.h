// Which browser origins may sign in and open the event WebSocket: a page of another site must not
// act through a signed-in browser (login CSRF, cross-site WebSocket hijacking).
#pragma once

#include <string>
#include <vector>

#include "http/message.h"

namespace anlan::http {

class OriginPolicy {
 public:
  // `allowed`: origins as scheme://host[:port]; none means "the server's own origin only".
  explicit OriginPolicy(std::vector<std::string> allowed = {});
  // From a space-separated list (the public_origins setting).
  static OriginPolicy parse(const std::string& list);

  // A request without an Origin header (not sent by a browser page) passes. With one, it must be
  // one of the allowed origins, or when none are configured the request's own: its scheme and
  // Host header. Anything else (including "null") is permission_denied on "origin".
  Status check(const Request& req) const;

 private:
  std::vector<std::string> allowed_;
};

}  // namespace anlan::http

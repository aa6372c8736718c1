// An outgoing HTTP(S) request, for the notifier's webhook: one POST with a deadline, the answer's
// status and body. Blocking; call it off the request path.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "core/result.h"

namespace anlan::http {

struct Target {
  bool tls = false;
  std::string host, port, path;  // path with its query
};

// An http:// or https:// URL with a host; anything else is invalid_argument on `field`.
Result<Target> parseTarget(const std::string& url, const std::string& field);

struct ClientOptions {
  Millis timeout_ms = 10'000;  // for the whole exchange
  std::string ca_file;         // for https: trust this CA (PEM) instead of the system's
};

struct ClientResponse {
  int status = 0;
  std::string body;  // at most 64 KiB
};

// POSTs `body` with `headers` to `target`. unavailable when no answer comes in time, the
// connection fails or the certificate is not trusted.
Result<ClientResponse> post(const Target& target,
                            const std::vector<std::pair<std::string, std::string>>& headers,
                            const std::string& body, const ClientOptions& options);

}  // namespace anlan::http

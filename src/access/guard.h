// How every module's routes find out who is asking, and how events reach only those who may read
// what they describe. The only access/ file that knows HTTP.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "access/model.h"
#include "http/message.h"
#include "http/router.h"
#include "http/server.h"

namespace anlan::access {

inline constexpr const char* kSessionCookie = "anlan_session";
inline constexpr const char* kCsrfCookie = "anlan_csrf";
inline constexpr const char* kCsrfHeader = "x-csrf-token";

// Turns session tokens into principals (auth::AuthService is the one implementation).
class Authenticator {
 public:
  virtual ~Authenticator() = default;
  // The principal of a live session token; unauthenticated when missing, expired or revoked.
  virtual Result<Principal> authenticate(const std::string& token) = 0;
  // Never blocks: the principal when it is known in memory and needs no database work; nullopt
  // otherwise (then authenticate() decides).
  virtual std::optional<Principal> authenticateCached(const std::string& token) = 0;
};

// The principal behind `req`: a bearer token or the session cookie. Cookie-authenticated writes
// must carry the session's CSRF token in X-CSRF-Token (permission_denied otherwise).
Result<Principal> requirePrincipal(Authenticator& auth, const http::Request& req);

// A handler for signed-in callers only: `fn` gets the principal; without one the answer is 401
// (or 403 for a cookie-borne write without its CSRF token).
using GuardedFn = std::function<Result<http::Response>(http::Request&, const Principal&)>;
http::Handler guarded(Authenticator& auth, GuardedFn fn);

// The same for an `fn` that only reads memory (no database, files or hashing): when the caller's
// session is known in memory, `fn` answers at once on the I/O thread (a quick handler);
// otherwise the request goes to a worker like any guarded route.
http::Endpoint guardedInMemory(Authenticator& auth, GuardedFn fn);

// Whether an event for `audience` reaches `p`: addressed to them (or to no one in particular),
// their role has the action it needs, and their scope admits its subject (the same rule as
// reading the record it describes). An event without a jurisdiction goes to everyone.
bool receives(const Principal& p, const http::WsAudience& audience);

}  // namespace anlan::access

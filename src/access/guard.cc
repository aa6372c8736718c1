#include "access/guard.h"

#include "access/rules.h"
#include "core/crypto.h"

namespace anlan::access {
namespace {

std::string bearer(const http::Request& req) {
  std::string_view h = req.header("authorization");
  constexpr std::string_view kPrefix = "Bearer ";
  if (h.size() > kPrefix.size() && h.substr(0, kPrefix.size()) == kPrefix) {
    return std::string(h.substr(kPrefix.size()));
  }
  return {};
}

struct Credentials {
  std::string token;
  bool via_cookie = false;
};

// A bearer token, else the session cookie.
Credentials credentialsOf(const http::Request& req) {
  Credentials c{bearer(req), false};
  if (c.token.empty()) c = {req.cookie(kSessionCookie), true};
  return c;
}

// Admits the principal of `c`: cookie-borne writes must carry the session's CSRF token.
Result<Principal> admit(Principal p, const Credentials& c, const http::Request& req) {
  p.via_cookie = c.via_cookie;
  if (c.via_cookie && !req.isSafeMethod() && !constantTimeEquals(req.header(kCsrfHeader), p.csrf)) {
    return Error::denied("missing or wrong X-CSRF-Token for a cookie-authenticated write");
  }
  return p;
}

}  // namespace

Result<Principal> requirePrincipal(Authenticator& auth, const http::Request& req) {
  Credentials c = credentialsOf(req);
  if (c.token.empty()) return Error::unauthenticated();
  TRY(auto p, auth.authenticate(c.token));
  return admit(std::move(p), c, req);
}

http::Handler guarded(Authenticator& auth, GuardedFn fn) {
  return http::handler([&auth, fn = std::move(fn)](http::Request& req) -> Result<http::Response> {
    TRY(auto p, requirePrincipal(auth, req));
    return fn(req, p);
  });
}

http::Endpoint guardedInMemory(Authenticator& auth, GuardedFn fn) {
  auto quick = [&auth, fn](http::Request& req) -> std::optional<http::Response> {
    Credentials c = credentialsOf(req);
    auto p = auth.authenticateCached(c.token);
    if (!p) return std::nullopt;  // not cached (or no token): a worker decides
    Result<Principal> admitted = admit(std::move(*p), c, req);
    if (!admitted.ok()) return http::errorResponse(admitted.error());
    Result<http::Response> r = fn(req, *admitted);
    return r.ok() ? std::move(r).value() : http::errorResponse(r.error());
  };
  return {guarded(auth, std::move(fn)), std::move(quick)};
}

bool receives(const Principal& p, const http::WsAudience& a) {
  if (!a.to_user.empty() && a.to_user != p.user.username) return false;
  if (!a.permission.empty()) {
    auto action = parseAction(a.permission);
    if (!action || !allowed(p.user.role, *action)) return false;
  }
  if (a.subject.jurisdiction.empty()) return true;
  return p.scope.admits(a.subject);
}

}  // namespace anlan::access

// HTTP routes of accounts and sessions, and the guard every module's routes use to find out who
// is asking.
#pragma once

#include "auth/service.h"
#include "http/message.h"
#include "http/router.h"

namespace anlan::auth {

inline constexpr const char* kSessionCookie = "anlan_session";
inline constexpr const char* kCsrfCookie = "anlan_csrf";
inline constexpr const char* kCsrfHeader = "x-csrf-token";

// The principal behind `req`: a bearer token or the session cookie. Cookie-authenticated writes
// must carry the session's CSRF token in X-CSRF-Token (kPermissionDenied otherwise).
Result<Principal> requirePrincipal(AuthService& auth, const http::Request& req);

// A handler for signed-in callers only: `fn` gets the principal; without one the answer is 401
// (or 403 for a cookie-borne write without its CSRF token).
using GuardedFn = std::function<Result<http::Response>(http::Request&, const Principal&)>;
http::Handler guarded(AuthService& auth, GuardedFn fn);

// The same for an `fn` that only reads memory (no database, files or hashing): when the caller's
// session is in the session cache, `fn` answers at once on the I/O thread (a quick handler);
// otherwise the request goes to a worker like any guarded route.
http::Endpoint guardedInMemory(AuthService& auth, GuardedFn fn);

// Registers /api/v1/auth/*, /api/v1/me and /api/v1/users*.
void addRoutes(http::Router& router, AuthService& auth);

}  // namespace anlan::auth

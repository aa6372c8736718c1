// HTTP routes of accounts and sessions.
#pragma once

#include "auth/service.h"
#include "core/calendar.h"
#include "http/origin.h"
#include "http/router.h"

namespace anlan::auth {

// Registers /api/v1/auth/*, /api/v1/me and /api/v1/users*. Sign-in from a browser page is
// accepted only from `origins`.
void addRoutes(http::Router& router, AuthService& auth, const http::OriginPolicy& origins,
               const Clock& clock, const Calendar& calendar);

}  // namespace anlan::auth

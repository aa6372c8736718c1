// HTTP routes of the inbox.
#pragma once

#include "access/guard.h"
#include "http/router.h"
#include "work/service.h"

namespace anlan::work {

// Registers GET /api/v1/inbox (what waits on the caller, with counts) and /api/v1/inbox/summary.
void addRoutes(http::Router& router, access::Authenticator& auth, Inbox& inbox, const Clock& clock);

}  // namespace anlan::work

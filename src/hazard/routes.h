// HTTP routes of hazards and notices.
#pragma once

#include "access/guard.h"
#include "core/calendar.h"
#include "hazard/service.h"
#include "http/router.h"

namespace anlan::hazard {

// Registers /api/v1/hazards* (list, export, register, detail, transitions, ledger, supervision,
// escalations, attachments, statistics) and /api/v1/notices*.
void addRoutes(http::Router& router, access::Authenticator& auth, HazardService& service,
               const Clock& clock, const Calendar& calendar);

}  // namespace anlan::hazard

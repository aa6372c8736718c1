// HTTP routes of the enterprise registry.
#pragma once

#include "access/guard.h"
#include "core/calendar.h"
#include "enterprise/service.h"
#include "http/router.h"

namespace anlan::enterprise {

// Registers /api/v1/enterprises* (list, export, create, read, change, import, figures).
void addRoutes(http::Router& router, access::Authenticator& auth, EnterpriseService& service,
               const Clock& clock, const Calendar& calendar);

}  // namespace anlan::enterprise

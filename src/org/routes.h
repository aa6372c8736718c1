// HTTP routes of the jurisdiction registry.
#pragma once

#include "access/guard.h"
#include "http/router.h"
#include "org/registry.h"

namespace anlan::org {

// Registers GET /api/v1/jurisdictions and GET /api/v1/jurisdictions/{code}.
void addRoutes(http::Router& router, access::Authenticator& auth, const Registry& registry);

}  // namespace anlan::org

// HTTP routes of the jurisdiction registry.
#pragma once

#include "auth/service.h"
#include "http/router.h"

namespace anlan::org {

// Registers GET /api/v1/jurisdictions and GET /api/v1/jurisdictions/{code}.
void addRoutes(http::Router& router, auth::AuthService& auth, const Registry& registry);

}  // namespace anlan::org

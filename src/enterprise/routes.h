// HTTP routes of the enterprise registry.
#pragma once

#include "auth/service.h"
#include "enterprise/service.h"
#include "http/router.h"

namespace anlan::enterprise {

// Registers /api/v1/enterprises* (list, export, create, read, change, import, figures).
void addRoutes(http::Router& router, auth::AuthService& auth, EnterpriseService& service,
               const Clock& clock);

}  // namespace anlan::enterprise

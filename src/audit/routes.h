// HTTP route of the audit trail (read-only: no route changes or deletes audit records).
#pragma once

#include "auth/service.h"
#include "http/router.h"

namespace anlan::audit {

// Registers GET /api/v1/audit (administrators, their jurisdiction's records, newest first).
void addRoutes(http::Router& router, auth::AuthService& auth, db::Database& db);

}  // namespace anlan::audit

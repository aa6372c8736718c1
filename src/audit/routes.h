// HTTP route of the audit trail (read-only: no route changes or deletes audit records).
#pragma once

#include <functional>
#include <string>

#include "access/guard.h"
#include "core/calendar.h"
#include "db/database.h"
#include "http/router.h"

namespace anlan::audit {

// Registers GET /api/v1/audit (administrators, their jurisdiction's records, newest first).
// `place` names a jurisdiction for people (the exports).
void addRoutes(http::Router& router, access::Authenticator& auth, db::Database& db,
               const Clock& clock, const Calendar& calendar,
               std::function<std::string(const std::string&)> place);

}  // namespace anlan::audit

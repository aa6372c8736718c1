// HTTP routes of duty rooms: rota, duty log, intake and spot checks.
#pragma once

#include "auth/service.h"
#include "duty/service.h"
#include "http/router.h"

namespace anlan::duty {

void addRoutes(http::Router& router, auth::AuthService& auth, DutyService& service);

}  // namespace anlan::duty

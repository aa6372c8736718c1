// Demo accounts (and, as later modules arrive, demo data) for a first look at the system.
#pragma once

#include <string>
#include <vector>

#include "app/app.h"

namespace anlan::app {

struct DemoAccount {
  std::string username, role, jurisdiction, display_name;
};

// The demo accounts: admin, commander, one duty officer per county-level unit and park, and one
// department and one enterprise officer.
std::vector<DemoAccount> demoAccounts(const org::Registry& registry);

// Creates what is missing of the demo set, every account with `password`. Idempotent.
// Returns how many accounts were created.
Result<int> seedDemo(App& app, const std::string& password);

}  // namespace anlan::app

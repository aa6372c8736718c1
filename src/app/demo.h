// Demo accounts and a demo enterprise register for a first look at the system. Everything it
// makes is marked demo and describes no real organisation.
#pragma once

#include <string>
#include <vector>

#include "app/app.h"

namespace anlan::app {

struct DemoAccount {
  std::string username, role, jurisdiction, display_name;  // display_name: a person's name
  std::string phone;
  std::string post;  // what the account is for (printed with the accounts)
};

// The demo accounts: admin, commander, one duty officer per county-level unit and park, one
// department officer and one enterprise officer.
std::vector<DemoAccount> demoAccounts(const org::Registry& registry);

struct DemoCounts {
  int accounts = 0, enterprises = 0, hazards = 0;
  int duty_rooms = 0, spot_checks = 0;  // rooms given a rota, past spot checks
};

struct DemoOptions {
  int hazards = 3000;        // demo hazards made with the register (0: none)
  bool duty_history = true;  // rotas, duty logs, intake and past spot checks
};

// Creates what is missing of the demo set, every account with `password`. Idempotent: a second
// run creates nothing. Enterprises come from a fixed seed, so every run makes the same register.
Result<DemoCounts> seedDemo(App& app, const std::string& password, DemoOptions options = {});
// `n` demo hazards at the demo enterprises and public sites over three years, with their
// timelines, and the notices the city and 祁东县 issued (exposed for tests).
Result<int> seedDemoHazards(App& app, int n);

// `n` demo enterprises, reproducible from `seed`, each inside its unit's boundary with a valid
// credit code (exposed for tests).
std::vector<enterprise::Enterprise> demoEnterprises(const org::Registry& registry,
                                                    std::uint64_t seed, int n);

}  // namespace anlan::app

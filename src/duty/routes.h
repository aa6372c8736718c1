// HTTP routes of duty rooms: rota, duty log, intake and spot checks.
#pragma once

#include <string>
#include <vector>

#include "access/guard.h"
#include "duty/presence.h"
#include "duty/service.h"
#include "http/router.h"

namespace anlan::duty {

// What a browser needs to place a spot-check call: the ICE servers (none on a LAN; STUN, and TURN
// with credentials, where there is NAT) and how long a room may ring.
struct RtcConfig {
  std::vector<std::string> urls;     // stun:, turn: and turns: URLs
  std::string username, credential;  // for the TURN URLs
  int answer_timeout_seconds = 60;
};

void addRoutes(http::Router& router, access::Authenticator& auth, DutyService& service,
               const Presence& presence, const org::Registry& registry, RtcConfig rtc);

}  // namespace anlan::duty

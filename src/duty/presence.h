// Who keeps a duty room's console open: the duty officers and commanders whose event WebSocket is
// connected, per room (their jurisdiction). Kept in memory; a change of a room's presence is
// published as duty.presence. Thread-safe.
#pragma once

#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "access/model.h"
#include "bus/bus.h"
#include "core/clock.h"
#include "duty/model.h"

namespace anlan::duty {

class Presence {
 public:
  Presence(bus::Bus& bus, const Clock& clock) : bus_(bus), clock_(clock) {}

  // One more or one fewer open console of `user`. Users of other roles are not counted.
  void opened(const access::User& user);
  void closed(const access::User& user);

  // The presence of one room (no users when nobody is there).
  RoomPresence room(const std::string& code) const;

 private:
  struct Open {
    PresentUser user;
    int consoles = 0;
  };
  static bool counts(const access::User& user);
  void publish(const std::string& room);

  bus::Bus& bus_;
  const Clock& clock_;
  mutable std::mutex mu_;
  std::map<std::string, std::map<std::string, Open>> rooms_;  // room → username → its consoles
};

}  // namespace anlan::duty

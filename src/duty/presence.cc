#include "duty/presence.h"

#include "duty/codec.h"

namespace anlan::duty {

bool Presence::counts(const access::User& user) {
  return user.role == access::Role::kDutyOfficer || user.role == access::Role::kCommander;
}

void Presence::opened(const access::User& user) {
  if (!counts(user)) return;
  bool first = false;
  {
    std::lock_guard lock(mu_);
    Open& o = rooms_[user.jurisdiction][user.username];
    if (o.consoles++ == 0) {
      first = true;
      o.user = {user.username, user.display_name, access::roleName(user.role), clock_.now()};
    }
  }
  if (first) publish(user.jurisdiction);
}

void Presence::closed(const access::User& user) {
  if (!counts(user)) return;
  bool last = false;
  {
    std::lock_guard lock(mu_);
    auto room = rooms_.find(user.jurisdiction);
    if (room == rooms_.end()) return;
    auto it = room->second.find(user.username);
    if (it == room->second.end()) return;
    if (--it->second.consoles == 0) {
      last = true;
      room->second.erase(it);
    }
  }
  if (last) publish(user.jurisdiction);
}

RoomPresence Presence::room(const std::string& code) const {
  RoomPresence out{code, {}};
  std::lock_guard lock(mu_);
  auto room = rooms_.find(code);
  if (room == rooms_.end()) return out;
  for (const auto& [name, o] : room->second) out.users.push_back(o.user);
  return out;
}

void Presence::publish(const std::string& room) {
  bus_.publish({"duty.presence", {room, {}, {}}, "", "", clock_.now(), toJson(this->room(room))});
}

}  // namespace anlan::duty

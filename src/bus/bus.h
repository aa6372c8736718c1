// In-process event bus: domain events fan out to subscribers (the WebSocket hub, other modules).
#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/subject.h"

namespace anlan::bus {

struct Event {
  std::string type;  // e.g. "user.updated"
  // Whose record the event describes: only those whose scope admits it may receive it (an empty
  // jurisdiction: everyone).
  Subject subject;
  std::string to_user;     // non-empty: for this username only
  std::string permission;  // non-empty: receivers need this access action ("read_users")
  Millis at = 0;
  boost::json::object data;
};

class Bus {
 public:
  using Handler = std::function<void(const Event&)>;
  // Registers `h`; returns an id for unsubscribe. Thread-safe.
  std::uint64_t subscribe(Handler h);
  void unsubscribe(std::uint64_t id);
  // Delivers `e` to every subscriber on the calling thread. Call after the transaction commits.
  // Handlers must be quick and must not publish recursively.
  void publish(const Event& e);

 private:
  std::mutex mu_;
  std::uint64_t next_ = 1;
  std::map<std::uint64_t, Handler> handlers_;
};

}  // namespace anlan::bus

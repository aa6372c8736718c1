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

namespace anlan::bus {

struct Event {
  std::string type;          // e.g. "user.updated"
  std::string jurisdiction;  // code of the jurisdiction the event belongs to ("" = everyone)
  // Tags narrowing who may see it within the jurisdiction: "users" (readers of accounts),
  // "sector:<code>", "enterprise:<id>". Subscribers decide what each tag means for them.
  std::vector<std::string> audience;
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

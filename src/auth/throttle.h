// Login throttling: counts failures per key (an account, a client address) within a sliding
// window and refuses further attempts until the oldest failure leaves it. Thread-safe.
#pragma once

#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "core/clock.h"

namespace anlan::auth {

class Throttle {
 public:
  Throttle(const Clock& clock, Millis window) : clock_(clock), window_(window) {}
  // Seconds to wait when `key` has `limit` failures in the window; nullopt when free to try.
  std::optional<std::int64_t> blocked(const std::string& key, int limit);
  void fail(const std::string& key);
  void clear(const std::string& key);

 private:
  void prune(std::deque<Millis>& q, Millis now) const;
  const Clock& clock_;
  Millis window_;
  std::mutex mu_;
  std::map<std::string, std::deque<Millis>> failures_;
};

}  // namespace anlan::auth

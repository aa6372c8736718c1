#include "bus/bus.h"

#include <vector>

namespace anlan::bus {

std::uint64_t Bus::subscribe(Handler h) {
  std::lock_guard lock(mu_);
  handlers_.emplace(next_, std::move(h));
  return next_++;
}

void Bus::unsubscribe(std::uint64_t id) {
  std::lock_guard lock(mu_);
  handlers_.erase(id);
}

void Bus::publish(const Event& e) {
  std::vector<Handler> copy;
  {
    std::lock_guard lock(mu_);
    copy.reserve(handlers_.size());
    for (auto& [_, h] : handlers_) copy.push_back(h);
  }
  for (auto& h : copy) h(e);
}

}  // namespace anlan::bus

#include "auth/throttle.h"

namespace anlan::auth {

void Throttle::prune(std::deque<Millis>& q, Millis now) const {
  while (!q.empty() && q.front() + window_ <= now) q.pop_front();
}

std::optional<std::int64_t> Throttle::blocked(const std::string& key, int limit) {
  std::lock_guard lock(mu_);
  auto it = failures_.find(key);
  if (it == failures_.end()) return std::nullopt;
  Millis now = clock_.now();
  prune(it->second, now);
  if (it->second.empty()) {
    failures_.erase(it);
    return std::nullopt;
  }
  if (static_cast<int>(it->second.size()) < limit) return std::nullopt;
  Millis free_at = it->second[it->second.size() - limit] + window_;
  return std::max<std::int64_t>(1, (free_at - now + 999) / 1000);
}

void Throttle::fail(const std::string& key) {
  std::lock_guard lock(mu_);
  auto& q = failures_[key];
  prune(q, clock_.now());
  q.push_back(clock_.now());
  if (q.size() > 1000) q.pop_front();
}

void Throttle::clear(const std::string& key) {
  std::lock_guard lock(mu_);
  failures_.erase(key);
}

}  // namespace anlan::auth

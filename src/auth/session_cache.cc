#include "auth/session_cache.h"

namespace anlan::auth {

SessionCache::SessionCache(Millis ttl, std::size_t capacity) : ttl_(ttl), capacity_(capacity) {}

std::optional<SessionCache::Entry> SessionCache::find(const std::string& token_hash,
                                                      Millis now) const {
  if (ttl_ <= 0) return std::nullopt;
  std::lock_guard lock(mu_);
  auto it = entries_.find(token_hash);
  if (it == entries_.end() || now >= it->second.read_at + ttl_ || now < it->second.read_at) {
    return std::nullopt;
  }
  return it->second;
}

std::uint64_t SessionCache::ticket() const {
  std::lock_guard lock(mu_);
  return generation_;
}

void SessionCache::put(const std::string& token_hash, Entry e, std::uint64_t ticket) {
  if (ttl_ <= 0) return;
  std::lock_guard lock(mu_);
  if (ticket != generation_) return;
  if (entries_.size() >= capacity_ && !entries_.contains(token_hash)) {
    // Full: drop what is stale; if every entry is fresh, start over (the database still answers).
    std::erase_if(entries_, [&](const auto& kv) { return e.read_at >= kv.second.read_at + ttl_; });
    if (entries_.size() >= capacity_) entries_.clear();
  }
  entries_.insert_or_assign(token_hash, std::move(e));
}

void SessionCache::forgetSession(const std::string& token_hash) {
  std::lock_guard lock(mu_);
  ++generation_;
  entries_.erase(token_hash);
}

void SessionCache::forgetUser(std::int64_t user_id) {
  std::lock_guard lock(mu_);
  ++generation_;
  std::erase_if(entries_, [&](const auto& kv) { return kv.second.user.id == user_id; });
}

std::size_t SessionCache::size() const {
  std::lock_guard lock(mu_);
  return entries_.size();
}

}  // namespace anlan::auth

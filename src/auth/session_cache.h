// A short-lived, in-process cache of live sessions, so that most requests find their caller
// without reading the database. What it holds is only ever a copy of what the database said
// less than `ttl` ago; AuthService forgets an entry as soon as it changes that session or its
// user here (logout, deactivation, role change, password reset), so revocation through this
// process is immediate, and changes made elsewhere (another node, the CLI) are seen within `ttl`.
// Thread-safe.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "access/model.h"
#include "core/clock.h"

namespace anlan::auth {

class SessionCache {
 public:
  struct Entry {
    access::User user;
    access::Scope scope;
    std::string csrf;
    Millis expires_at = 0;    // the session's absolute expiry
    Millis last_seen_at = 0;  // as stored, for the idle expiry
    Millis read_at = 0;       // when the database said so
  };

  // `ttl` 0 turns the cache off. At most `capacity` sessions are held.
  SessionCache(Millis ttl, std::size_t capacity);

  // The entry for `token_hash` if it was read from the database less than ttl before `now`.
  std::optional<Entry> find(const std::string& token_hash, Millis now) const;

  // Taken before reading the database and handed to put(): an entry read before a forget*()
  // call is dropped, so a read racing with a revocation cannot bring the session back.
  std::uint64_t ticket() const;
  // Stores `e` (read from the database under `ticket`) unless something was forgotten since.
  void put(const std::string& token_hash, Entry e, std::uint64_t ticket);

  // Forget one session, or every session of a user. Call after the change is committed.
  void forgetSession(const std::string& token_hash);
  void forgetUser(std::int64_t user_id);

  std::size_t size() const;

 private:
  Millis ttl_;
  std::size_t capacity_;
  mutable std::mutex mu_;
  std::uint64_t generation_ = 0;  // bumped by every forget
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace anlan::auth

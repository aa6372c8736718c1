// argon2id password hashing (libsodium) with a bound on how many hashes run at once, so a burst
// of logins cannot take every worker thread.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>

#include "core/result.h"

namespace anlan::auth {

class PasswordHasher {
 public:
  // `ops` and `mem_kib` are argon2id's cost; `concurrency` bounds simultaneous hashes.
  PasswordHasher(std::uint64_t ops, std::uint64_t mem_kib, int concurrency);
  // The encoded hash ("$argon2id$…") of `password`. Thread-safe; blocks while the bound is full.
  Result<std::string> hash(const std::string& password);
  // Whether `password` matches `encoded`. Thread-safe; costs as much as hash().
  bool verify(const std::string& encoded, const std::string& password);

 private:
  class Slot;
  std::uint64_t ops_, mem_bytes_;
  int free_;
  std::mutex mu_;
  std::condition_variable cv_;
};

}  // namespace anlan::auth

#include "auth/password.h"

#include <sodium.h>

namespace anlan::auth {

class PasswordHasher::Slot {
 public:
  explicit Slot(PasswordHasher& h) : h_(h) {
    std::unique_lock lock(h_.mu_);
    h_.cv_.wait(lock, [&] { return h_.free_ > 0; });
    --h_.free_;
  }
  ~Slot() {
    {
      std::lock_guard lock(h_.mu_);
      ++h_.free_;
    }
    h_.cv_.notify_one();
  }

 private:
  PasswordHasher& h_;
};

PasswordHasher::PasswordHasher(std::uint64_t ops, std::uint64_t mem_kib, int concurrency)
    : ops_(ops), mem_bytes_(mem_kib * 1024), free_(std::max(1, concurrency)) {}

Result<std::string> PasswordHasher::hash(const std::string& password) {
  Slot slot(*this);
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), ops_, mem_bytes_,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return Error{Code::kResourceExhausted, "not enough memory to hash the password", {}};
  }
  return std::string(out);
}

bool PasswordHasher::verify(const std::string& encoded, const std::string& password) {
  Slot slot(*this);
  return crypto_pwhash_str_verify(encoded.c_str(), password.data(), password.size()) == 0;
}

}  // namespace anlan::auth

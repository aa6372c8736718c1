// Accounts and sessions: sign-in with throttling, session checks with idle and absolute expiry,
// and user administration within the administrator's jurisdiction. Thread-safe.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "auth/model.h"
#include "auth/password.h"
#include "auth/session_cache.h"
#include "auth/throttle.h"
#include "bus/bus.h"
#include "core/clock.h"
#include "core/config.h"
#include "db/database.h"
#include "db/migrate.h"
#include "org/registry.h"

namespace anlan::auth {

const std::vector<db::Migration>& migrations();

struct LoginInput {
  std::string username, password, remote_addr, user_agent;
};

struct LoginResult {
  std::string token;  // shown once; only its hash is stored
  std::string csrf;
  Millis expires_at = 0;
  std::int64_t ttl_seconds = 0;  // how long the session lives at most
  User user;
};

struct NewUser {
  std::string username, display_name, password, role, jurisdiction;
  std::optional<std::string> department, phone;
  std::optional<std::int64_t> enterprise_id;
};

struct UserPatch {
  std::int64_t version = 0;  // the version the client last saw
  std::optional<std::string> display_name, role, jurisdiction, department, phone;
  std::optional<bool> active;
};

class AuthService {
 public:
  AuthService(db::Database& db, const org::Registry& registry, bus::Bus& bus, const Clock& clock,
              Random& random, const Config& cfg);

  // Signs in. Unknown users and wrong passwords get the same error after the same work;
  // too many failures per account or per address get kResourceExhausted with retry_after set.
  Result<LoginResult> login(const LoginInput& in, std::int64_t* retry_after_seconds = nullptr);
  // The principal of a live session token; kUnauthenticated when missing, expired or revoked.
  // Reads the database unless the session cache answers (see authenticateCached).
  Result<Principal> authenticate(const std::string& token);
  // Never blocks: the principal when the session cache holds the token's session, still live,
  // with no activity to record; nullopt otherwise (then authenticate() decides).
  std::optional<Principal> authenticateCached(const std::string& token);
  // Revokes the principal's session.
  Status logout(const Principal& p);

  // The CSRF token bound to a session token.
  static std::string csrfFor(const std::string& token);

  // User administration. `actor` null means the system (CLI); otherwise it must be an
  // administrator whose jurisdiction contains the user's.
  Result<User> createUser(const Principal* actor, const NewUser& in);
  Result<User> updateUser(const Principal& actor, std::int64_t id, const UserPatch& patch);
  Status resetPassword(const Principal* actor, std::int64_t id, const std::string& password);
  Result<User> getUser(const Principal& actor, std::int64_t id);
  Result<std::vector<User>> listUsers(const Principal& actor, std::optional<std::string> role,
                                      std::optional<std::string> q,
                                      std::optional<std::int64_t> after_id, int limit);
  Result<std::optional<User>> findByUsername(const std::string& username);
  // Binds an enterprise officer to their enterprise (system action: CLI and demo seeding).
  Status bindEnterprise(const std::string& username, std::int64_t enterprise_id);

  const org::Registry& registry() const { return registry_; }

 private:
  std::optional<Principal> fromCache(const std::string& token_hash, Millis now);
  Status checkManage(const Principal* actor, const std::string& jurisdiction) const;
  Status validateAssignment(const std::string& role, const std::string& jurisdiction,
                            const std::optional<std::string>& department) const;
  void publish(const std::string& type, const User& u);

  db::Database& db_;
  const org::Registry& registry_;
  bus::Bus& bus_;
  const Clock& clock_;
  Random& random_;
  Config cfg_;
  PasswordHasher hasher_;
  Throttle throttle_;
  SessionCache sessions_;
  std::string dummy_hash_;  // verified against for unknown users, so timing does not tell
};

}  // namespace anlan::auth

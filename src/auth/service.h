// Accounts and sessions: sign-in with throttling, session checks with idle and absolute expiry,
// and user administration within the administrator's jurisdiction. Thread-safe.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "access/guard.h"
#include "access/model.h"
#include "access/people.h"
#include "auth/codec.h"
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
  access::User user;
};

// Whose an enterprise is (its subject), or nullopt when there is no such enterprise: how accounts
// check an enterprise officer's enterprise without knowing the enterprise module.
using EnterpriseLookup = std::function<Result<std::optional<Subject>>(std::int64_t id)>;

class AuthService final : public access::Authenticator, public access::Directory {
 public:
  AuthService(db::Database& db, const org::Registry& registry, bus::Bus& bus, const Clock& clock,
              Random& random, const Config& cfg);

  // Signs in. Unknown users and wrong passwords get the same error after the same work;
  // too many failures per account or per address get kResourceExhausted with retry_after set.
  Result<LoginResult> login(const LoginInput& in, std::int64_t* retry_after_seconds = nullptr);
  // The principal of a live session token, with its scope; kUnauthenticated when missing,
  // expired or revoked. Reads the database unless the session cache answers.
  Result<access::Principal> authenticate(const std::string& token) override;
  // Never blocks: the principal when the session cache holds the token's session, still live,
  // with no activity to record; nullopt otherwise (then authenticate() decides).
  std::optional<access::Principal> authenticateCached(const std::string& token) override;
  // Revokes the principal's session.
  Status logout(const access::Principal& p);

  // Sessions end (logout, deactivation, role or unit change, password reset): after the commit,
  // `fn` is called with "session:<token hash>" or "user:<id>", so that open event sockets of
  // those sessions are closed at once. Set once, before serving.
  void onSessionsEnded(std::function<void(const std::string& key)> fn) {
    on_ended_ = std::move(fn);
  }
  // Those of `token_hashes` whose sessions are no longer live (revoked, expired, idle too long,
  // user deactivated), read from the database (not the cache): what another node ended.
  Result<std::vector<std::string>> endedSessions(const std::vector<std::string>& token_hashes);
  // The scope of `u`'s records (access::scopeFor over the registry).
  access::Scope scopeOf(const access::User& u) const;
  // `u` as a principal without a session, for work done on their behalf (demo seeding, tools).
  access::Principal principalOf(const access::User& u) const {
    return {u, scopeOf(u), "", "", false};
  }
  // Lets createUser check an enterprise officer's enterprise. Set once, before serving.
  void setEnterpriseLookup(EnterpriseLookup lookup) { enterprise_of_ = std::move(lookup); }

  // The CSRF token bound to a session token.
  static std::string csrfFor(const std::string& token);

  // access::User administration. `actor` null means the system (CLI); otherwise it must be an
  // administrator whose jurisdiction contains the user's.
  Result<access::User> createUser(const access::Principal* actor, const NewUser& in);
  Result<access::User> updateUser(const access::Principal& actor, std::int64_t id,
                                  const UserPatch& patch);
  Status resetPassword(const access::Principal* actor, std::int64_t id,
                       const std::string& password);
  Result<access::User> getUser(const access::Principal& actor, std::int64_t id);
  Result<std::vector<access::User>> listUsers(const access::Principal& actor,
                                              std::optional<std::string> role,
                                              std::optional<std::string> q,
                                              std::optional<std::int64_t> after_id, int limit);
  Result<std::optional<access::User>> findByUsername(const std::string& username);
  // access::Directory: the accounts named in records (a system read; callers decide what to show).
  Result<std::map<std::int64_t, access::User>> usersById(
      const std::vector<std::int64_t>& ids) override;
  Result<std::map<std::string, access::User>> usersByName(
      const std::vector<std::string>& usernames) override;
  // Every active account of the deployment with its scope, for those `keep` accepts (the
  // notifier's recipients of a work item). A system read.
  Result<std::vector<access::Principal>> activePrincipals(
      const std::function<bool(const access::Principal&)>& keep);
  // Binds an enterprise officer to their enterprise (system action: CLI and demo seeding).
  Status bindEnterprise(const std::string& username, std::int64_t enterprise_id);

  const org::Registry& registry() const { return registry_; }

 private:
  std::optional<access::Principal> fromCache(const std::string& token_hash, Millis now);
  Status checkManage(const access::Principal* actor, const std::string& jurisdiction) const;
  Status checkEnterprise(const access::Principal* actor, const std::string& role,
                         const std::optional<std::int64_t>& enterprise_id) const;
  void ended(const std::string& key) const;
  Status validateAssignment(const std::string& role, const std::string& jurisdiction,
                            const std::optional<std::string>& department) const;
  void publish(const std::string& type, const access::User& u);

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
  std::function<void(const std::string&)> on_ended_;
  EnterpriseLookup enterprise_of_;
};

}  // namespace anlan::auth

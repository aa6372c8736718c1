// SQL for users and sessions; every function runs inside the caller's transaction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "access/model.h"
#include "core/result.h"
#include "db/database.h"

namespace anlan::auth::store {

Result<std::optional<access::User>> findUser(db::Conn& c, std::int64_t id);
Result<std::optional<access::User>> findUserByName(db::Conn& c, const std::string& username);
// The users among `ids` / `usernames` (absent ones are left out), in no particular order.
Result<std::vector<access::User>> findUsers(db::Conn& c, const std::vector<std::int64_t>& ids);
Result<std::vector<access::User>> findUsersByName(db::Conn& c,
                                                  const std::vector<std::string>& usernames);
// The password hash of an active user, or nullopt.
Result<std::optional<std::pair<access::User, std::string>>> findLogin(db::Conn& c,
                                                                      const std::string& username);
// Inserts a user; a taken username is kConflict. Returns the new id.
Result<std::int64_t> insertUser(db::Conn& c, const access::User& u,
                                const std::string& password_hash);
// Updates every mutable field if the stored version is `u.version - 1`; false when stale.
Result<bool> updateUser(db::Conn& c, const access::User& u);
Status setPassword(db::Conn& c, std::int64_t id, const std::string& hash, Millis now);

struct UserQuery {
  access::Scope scope;  // only the users it admits
  std::optional<std::string> role, q;
  std::optional<std::int64_t> after_id;
  int limit = 50;
};
Result<std::vector<access::User>> listUsers(db::Conn& c, const UserQuery& q);

struct SessionRow {
  std::int64_t user_id = 0;
  Millis created_at = 0, last_seen_at = 0, expires_at = 0;
  std::optional<Millis> revoked_at;
};
Status insertSession(db::Conn& c, const std::string& token_hash, std::int64_t user_id, Millis now,
                     Millis expires_at, const std::string& addr, const std::string& agent);
struct SessionUser {
  SessionRow session;
  access::User user;
};
// The session and its user in one query.
Result<std::optional<SessionUser>> findSessionUser(db::Conn& c, const std::string& token_hash);
Status touchSession(db::Conn& c, const std::string& token_hash, Millis now);
Status revokeSession(db::Conn& c, const std::string& token_hash, Millis now);
Status revokeUserSessions(db::Conn& c, std::int64_t user_id, Millis now);
// Those of `token_hashes` whose sessions are live at `now` (not revoked, not expired, used within
// `idle`, their user active).
Result<std::vector<std::string>> liveSessions(db::Conn& c,
                                              const std::vector<std::string>& token_hashes,
                                              Millis now, Millis idle);

}  // namespace anlan::auth::store

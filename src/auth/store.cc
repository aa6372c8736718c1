#include "auth/store.h"

#include <algorithm>

#include "access/sql.h"
#include "db/query.h"

namespace anlan::auth::store {
namespace {

constexpr const char* kUserColumns =
    "SELECT id, username, display_name, role, jurisdiction, department, enterprise_id, phone, "
    "active, version, created_at, updated_at FROM users";

// A stored user; a role this server does not know is an internal error, never a guess.
Result<access::User> toUser(const db::Row& r) {
  access::User u;
  u.id = r.i64(0);
  u.username = r.str(1);
  u.display_name = r.str(2);
  auto role = access::parseRole(r.str(3));
  if (!role)
    return Error::internal("user " + std::to_string(u.id) + " has an unknown role '" + r.str(3) +
                           "'");
  u.role = *role;
  u.jurisdiction = r.str(4);
  u.department = r.optStr(5);
  u.enterprise_id = r.optI64(6);
  u.phone = r.optStr(7);
  u.active = r.i64(8) != 0;
  u.version = r.i64(9);
  u.created_at = r.i64(10);
  u.updated_at = r.i64(11);
  return u;
}

db::Value opt(const std::optional<std::string>& v) {
  return v ? db::Value(*v) : db::Value(nullptr);
}
db::Value opt(const std::optional<std::int64_t>& v) {
  return v ? db::Value(*v) : db::Value(nullptr);
}

}  // namespace

Result<std::optional<access::User>> findUser(db::Conn& c, std::int64_t id) {
  TRY(auto rows, c.query(std::string(kUserColumns) + " WHERE id = ?", {id}));
  if (rows.empty()) return std::optional<access::User>();
  TRY(auto u, toUser(rows[0]));
  return std::optional<access::User>(std::move(u));
}

Result<std::optional<access::User>> findUserByName(db::Conn& c, const std::string& username) {
  TRY(auto rows, c.query(std::string(kUserColumns) + " WHERE username = ?", {username}));
  if (rows.empty()) return std::optional<access::User>();
  TRY(auto u, toUser(rows[0]));
  return std::optional<access::User>(std::move(u));
}

namespace {

Result<std::vector<access::User>> usersWhere(db::Conn& c, const std::string& where,
                                             const std::vector<db::Value>& params) {
  TRY(auto rows, c.query(std::string(kUserColumns) + " WHERE " + where, params));
  std::vector<access::User> out;
  out.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    TRY(auto u, toUser(rows[i]));
    out.push_back(std::move(u));
  }
  return out;
}

}  // namespace

Result<std::vector<access::User>> findUsers(db::Conn& c, const std::vector<std::int64_t>& ids) {
  std::vector<access::User> out;
  // In chunks, so that no statement has more parameters than an engine allows.
  for (std::size_t at = 0; at < ids.size(); at += 500) {
    std::vector<db::Value> params;
    std::string list = "(";
    for (std::size_t i = at; i < std::min(ids.size(), at + 500); ++i) {
      list += i == at ? "?" : ", ?";
      params.emplace_back(ids[i]);
    }
    TRY(auto part, usersWhere(c, "id IN " + list + ")", params));
    for (auto& u : part) out.push_back(std::move(u));
  }
  return out;
}

Result<std::vector<access::User>> findUsersByName(db::Conn& c,
                                                  const std::vector<std::string>& usernames) {
  std::vector<access::User> out;
  for (std::size_t at = 0; at < usernames.size(); at += 500) {
    std::vector<db::Value> params;
    std::vector<std::string> part(
        usernames.begin() + static_cast<std::ptrdiff_t>(at),
        usernames.begin() + static_cast<std::ptrdiff_t>(std::min(usernames.size(), at + 500)));
    std::string list = db::inList(params, part);
    TRY(auto found, usersWhere(c, "username IN " + list, params));
    for (auto& u : found) out.push_back(std::move(u));
  }
  return out;
}

Result<std::optional<std::pair<access::User, std::string>>> findLogin(db::Conn& c,
                                                                      const std::string& username) {
  using Out = std::optional<std::pair<access::User, std::string>>;
  TRY(auto rows, c.query("SELECT id, username, display_name, role, jurisdiction, department, "
                         "enterprise_id, phone, active, version, created_at, updated_at, "
                         "password_hash FROM users WHERE username = ? AND active = 1",
                         {username}));
  if (rows.empty()) return Out();
  TRY(auto u, toUser(rows[0]));
  return Out(std::make_pair(std::move(u), rows[0].str(12)));
}

Result<std::int64_t> insertUser(db::Conn& c, const access::User& u,
                                const std::string& password_hash) {
  TRY(auto rows,
      c.query("INSERT INTO users (username, display_name, password_hash, role, jurisdiction, "
              "department, enterprise_id, phone, active, version, created_at, updated_at) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id",
              {u.username, u.display_name, password_hash, roleName(u.role), u.jurisdiction,
               opt(u.department), opt(u.enterprise_id), opt(u.phone), std::int64_t{u.active},
               u.created_at, u.updated_at}));
  return rows[0].i64(0);
}

Result<bool> updateUser(db::Conn& c, const access::User& u) {
  TRY(auto n, c.exec("UPDATE users SET display_name = ?, role = ?, jurisdiction = ?, "
                     "department = ?, enterprise_id = ?, phone = ?, active = ?, version = ?, "
                     "updated_at = ? WHERE id = ? AND version = ?",
                     {u.display_name, roleName(u.role), u.jurisdiction, opt(u.department),
                      opt(u.enterprise_id), opt(u.phone), std::int64_t{u.active}, u.version,
                      u.updated_at, u.id, u.version - 1}));
  return n == 1;
}

Status setPassword(db::Conn& c, std::int64_t id, const std::string& hash, Millis now) {
  TRY(auto n, c.exec("UPDATE users SET password_hash = ?, version = version + 1, updated_at = ? "
                     "WHERE id = ?",
                     {hash, now, id}));
  if (n != 1) return Error::notFound("no such user");
  return {};
}

Result<std::vector<access::User>> listUsers(db::Conn& c, const UserQuery& q) {
  std::vector<db::Value> params;
  TRY(std::string where, access::whereOf(q.scope, {.jurisdiction = "jurisdiction"}, params));
  std::string sql = std::string(kUserColumns) + " WHERE 1 = 1" + where;
  if (q.role) {
    sql += " AND role = ?";
    params.emplace_back(*q.role);
  }
  if (q.q) {
    std::string by_name = db::contains("username", *q.q, params);
    std::string by_display = db::contains("display_name", *q.q, params);
    // Each condition starts with " AND ": joined here with OR instead.
    sql += " AND (" + by_name.substr(5) + " OR " + by_display.substr(5) + ")";
  }
  if (q.after_id) {
    sql += " AND id > ?";
    params.emplace_back(*q.after_id);
  }
  sql += " ORDER BY id LIMIT ?";
  params.emplace_back(std::int64_t{q.limit});
  TRY(auto rows, c.query(sql, params));
  std::vector<access::User> out;
  for (const auto& r : rows.rows) {
    TRY(auto u, toUser(r));
    out.push_back(std::move(u));
  }
  return out;
}

Status insertSession(db::Conn& c, const std::string& token_hash, std::int64_t user_id, Millis now,
                     Millis expires_at, const std::string& addr, const std::string& agent) {
  TRY(auto n, c.exec("INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, "
                     "expires_at, revoked_at, remote_addr, user_agent) "
                     "VALUES (?, ?, ?, ?, ?, NULL, ?, ?)",
                     {token_hash, user_id, now, now, expires_at, addr, agent}));
  (void)n;
  return {};
}

Result<std::optional<SessionUser>> findSessionUser(db::Conn& c, const std::string& token_hash) {
  TRY(auto rows,
      c.query("SELECT u.id, u.username, u.display_name, u.role, u.jurisdiction, u.department, "
              "u.enterprise_id, u.phone, u.active, u.version, u.created_at, u.updated_at, "
              "s.user_id, s.created_at, s.last_seen_at, s.expires_at, s.revoked_at "
              "FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?",
              {token_hash}));
  if (rows.empty()) return std::optional<SessionUser>();
  const auto& r = rows[0];
  TRY(auto u, toUser(r));
  return std::optional<SessionUser>(SessionUser{
      SessionRow{r.i64(12), r.i64(13), r.i64(14), r.i64(15), r.optI64(16)}, std::move(u)});
}

Status touchSession(db::Conn& c, const std::string& token_hash, Millis now) {
  TRY(auto n,
      c.exec("UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?", {now, token_hash}));
  (void)n;
  return {};
}

Status revokeSession(db::Conn& c, const std::string& token_hash, Millis now) {
  TRY(auto n,
      c.exec("UPDATE sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL",
             {now, token_hash}));
  (void)n;
  return {};
}

Status revokeUserSessions(db::Conn& c, std::int64_t user_id, Millis now) {
  TRY(auto n, c.exec("UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL",
                     {now, user_id}));
  (void)n;
  return {};
}

Result<std::vector<std::string>> liveSessions(db::Conn& c,
                                              const std::vector<std::string>& token_hashes,
                                              Millis now, Millis idle) {
  std::vector<std::string> out;
  for (std::size_t from = 0; from < token_hashes.size(); from += 500) {
    std::vector<std::string> slice(token_hashes.begin() + static_cast<std::ptrdiff_t>(from),
                                   token_hashes.begin() + static_cast<std::ptrdiff_t>(std::min(
                                                              from + 500, token_hashes.size())));
    std::vector<db::Value> params;
    std::string sql =
        "SELECT s.token_hash FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash "
        "IN " +
        db::inList(params, slice) +
        " AND s.revoked_at IS NULL AND s.expires_at > ? AND s.last_seen_at + ? > ? AND u.active = "
        "1";
    params.emplace_back(now);
    params.emplace_back(idle);
    params.emplace_back(now);
    TRY(auto rows, c.query(sql, params));
    for (const auto& r : rows.rows) out.push_back(r.str(0));
  }
  return out;
}

}  // namespace anlan::auth::store

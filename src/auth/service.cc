#include "auth/service.h"

#include <algorithm>
#include <thread>

#include "access/rules.h"
#include "audit/audit.h"
#include "auth/rules.h"
#include "auth/store.h"
#include "core/crypto.h"
#include "core/log.h"
#include "core/text.h"

namespace anlan::auth {
namespace {

constexpr Millis kTouchEvery = 60'000;  // last_seen is written at most once a minute
constexpr std::size_t kCachedSessions = 100'000;

int hashConcurrency(const Config& cfg) {
  if (cfg.argon2_concurrency > 0) return cfg.argon2_concurrency;
  return std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace

AuthService::AuthService(db::Database& db, const org::Registry& registry, bus::Bus& bus,
                         const Clock& clock, Random& random, const Config& cfg)
    : db_(db),
      registry_(registry),
      bus_(bus),
      clock_(clock),
      random_(random),
      cfg_(cfg),
      hasher_(cfg.argon2_ops, cfg.argon2_mem_kib, hashConcurrency(cfg)),
      throttle_(clock, cfg.login_window_seconds * 1000),
      sessions_(cfg.session_cache_seconds * 1000, kCachedSessions) {
  auto h = hasher_.hash(base64Url(random_.bytes(16)));
  dummy_hash_ = h.ok() ? h.value() : std::string();
}

std::string AuthService::csrfFor(const std::string& token) {
  return sha256Hex("anlan-csrf|" + token).substr(0, 32);
}

Result<LoginResult> AuthService::login(const LoginInput& in, std::int64_t* retry_after) {
  if (in.username.empty()) return Error::invalid("username", "username is required");
  if (in.password.empty()) return Error::invalid("password", "password is required");
  // Failures count per account and address together, and per address: someone guessing at the
  // administrator's password from one machine is held back, while the administrator still signs
  // in from their own (a per-account lock would let anyone lock them out with a few requests).
  std::string account_key = "account:" + in.username + "@" + in.remote_addr,
              addr_key = "addr:" + in.remote_addr;
  auto wait = throttle_.blocked(account_key, cfg_.login_account_failures);
  if (!wait) wait = throttle_.blocked(addr_key, cfg_.login_address_failures);
  if (wait) {
    if (retry_after) *retry_after = *wait;
    return Error{Code::kResourceExhausted, "too many failed sign-ins; try again later", {}};
  }

  TRY(auto found, db::read<std::optional<std::pair<access::User, std::string>>>(
                      db_, [&](db::Conn& c) { return store::findLogin(c, in.username); }));
  bool ok = found ? hasher_.verify(found->second, in.password)
                  : (hasher_.verify(dummy_hash_, in.password), false);
  if (!ok) {
    throttle_.fail(account_key);
    throttle_.fail(addr_key);
    log::warn("sign-in failed", {{"username", in.username}, {"remote", in.remote_addr}});
    return Error::unauthenticated("wrong username or password");
  }
  throttle_.clear(account_key);

  LoginResult out;
  out.token = base64Url(random_.bytes(32));
  out.csrf = csrfFor(out.token);
  out.user = found->first;
  Millis now = clock_.now();
  out.ttl_seconds = cfg_.session_absolute_hours * 3600;
  out.expires_at = now + out.ttl_seconds * 1000;
  std::string agent = text::clip(in.user_agent, 300);
  TRY_STATUS(db_.write([&](db::Conn& c) -> Status {
    TRY_STATUS(store::insertSession(c, sha256Hex(out.token), out.user.id, now, out.expires_at,
                                    in.remote_addr, agent));
    TRY(auto id,
        audit::append(c, clock_, {out.user.id, out.user.username}, "session",
                      std::to_string(out.user.id), "login", out.user.jurisdiction, std::nullopt,
                      boost::json::object{{"remote_addr", in.remote_addr}, {"user_agent", agent}}));
    (void)id;
    return {};
  }));
  return out;
}

std::optional<access::Principal> AuthService::fromCache(const std::string& token_hash, Millis now) {
  auto e = sessions_.find(token_hash, now);
  // Anything but a plainly live session goes to the database, which has the last word; so does
  // a session whose activity is due to be recorded.
  if (!e || now >= e->expires_at ||
      now >= e->last_seen_at + cfg_.session_idle_minutes * 60 * 1000 ||
      now - e->last_seen_at >= kTouchEvery) {
    return std::nullopt;
  }
  return access::Principal{std::move(e->user), std::move(e->scope), token_hash, std::move(e->csrf),
                           false};
}

std::optional<access::Principal> AuthService::authenticateCached(const std::string& token) {
  if (token.empty() || token.size() > 200) return std::nullopt;
  return fromCache(sha256Hex(token), clock_.now());
}

Result<access::Principal> AuthService::authenticate(const std::string& token) {
  if (token.empty() || token.size() > 200) return Error::unauthenticated();
  std::string h = sha256Hex(token);
  Millis now = clock_.now();
  if (auto p = fromCache(h, now)) return std::move(*p);
  std::uint64_t ticket = sessions_.ticket();
  // One query: the session with its user.
  TRY(auto found, db::read<std::optional<store::SessionUser>>(
                      db_, [&](db::Conn& c) { return store::findSessionUser(c, h); }));
  if (!found || !found->user.active) return Error::unauthenticated();
  const auto& s = found->session;
  if (s.revoked_at) return Error::unauthenticated("session ended; sign in again");
  if (now >= s.expires_at) return Error::unauthenticated("session expired; sign in again");
  if (now >= s.last_seen_at + cfg_.session_idle_minutes * 60 * 1000) {
    return Error::unauthenticated("session expired after inactivity; sign in again");
  }
  Millis last_seen = s.last_seen_at;
  if (now - last_seen >= kTouchEvery) {
    // Bookkeeping, not a business write: not audited.
    TRY_STATUS(db_.write([&](db::Conn& c) { return store::touchSession(c, h, now); }));
    last_seen = now;
  }
  access::Scope scope = scopeOf(found->user);
  access::Principal p{std::move(found->user), std::move(scope), h, csrfFor(token), false};
  sessions_.put(h, {p.user, p.scope, p.csrf, s.expires_at, last_seen, now}, ticket);
  return p;
}

Status AuthService::logout(const access::Principal& p) {
  Status s = db_.write([&](db::Conn& c) -> Status {
    TRY_STATUS(store::revokeSession(c, p.session_hash, clock_.now()));
    TRY(auto id, audit::append(c, clock_, audit::actorOf(&p), "session", std::to_string(p.user.id),
                               "logout", p.user.jurisdiction, std::nullopt, std::nullopt));
    (void)id;
    return {};
  });
  sessions_.forgetSession(p.session_hash);
  if (s.ok()) ended("session:" + p.session_hash);
  return s;
}

Status AuthService::checkManage(const access::Principal* actor,
                                const std::string& jurisdiction) const {
  if (!actor) return {};
  TRY_STATUS(access::authorize(*actor, access::Action::kManageUsers));
  if (!actor->scope.admits({jurisdiction, {}, {}})) {
    return Error{Code::kPermissionDenied, "that jurisdiction is outside yours", "jurisdiction"};
  }
  return {};
}

Status AuthService::checkEnterprise(const access::Principal* actor, const std::string& role,
                                    const std::optional<std::int64_t>& enterprise_id) const {
  bool officer = role == access::roleName(access::Role::kEnterpriseOfficer);
  if (!enterprise_id) {
    // The system (CLI, demo) may bind the enterprise afterwards; an administrator names it.
    if (officer && actor)
      return Error::invalid("enterprise_id",
                            "an enterprise officer needs the id of their enterprise");
    return {};
  }
  if (!officer)
    return Error::invalid("enterprise_id", "only enterprise officers are bound to an enterprise");
  if (!enterprise_of_)
    return Error::internal("no enterprise register to check enterprise_id against");
  TRY(auto subject, enterprise_of_(*enterprise_id));
  // A missing enterprise and one outside the administrator's scope read the same.
  if (!subject || (actor && !actor->scope.admits(*subject))) {
    return Error::invalid("enterprise_id", "there is no such enterprise in your jurisdiction");
  }
  return {};
}

void AuthService::ended(const std::string& key) const {
  if (on_ended_) on_ended_(key);
}

access::Scope AuthService::scopeOf(const access::User& u) const {
  return access::scopeFor(
      u, registry_.treeOf(u.jurisdiction),
      u.department ? registry_.sectorsLedBy(*u.department) : std::vector<std::string>{});
}

Result<std::vector<std::string>> AuthService::endedSessions(
    const std::vector<std::string>& token_hashes) {
  if (token_hashes.empty()) return std::vector<std::string>();
  Millis now = clock_.now(), idle = cfg_.session_idle_minutes * 60 * 1000;
  TRY(auto live, db::read<std::vector<std::string>>(db_, [&](db::Conn& c) {
        return store::liveSessions(c, token_hashes, now, idle);
      }));
  std::sort(live.begin(), live.end());
  std::vector<std::string> out;
  for (const auto& h : token_hashes) {
    if (!std::binary_search(live.begin(), live.end(), h)) out.push_back(h);
  }
  return out;
}

Status AuthService::validateAssignment(const std::string& role, const std::string& jurisdiction,
                                       const std::optional<std::string>& department) const {
  auto r = access::parseRole(role);
  if (!r) {
    return Error::invalid("role",
                          "role must be one of admin, commander, duty_officer, "
                          "department_officer, enterprise_officer");
  }
  const org::Jurisdiction* j = registry_.find(jurisdiction);
  if (!j) return Error::invalid("jurisdiction", "unknown jurisdiction code '" + jurisdiction + "'");
  if (*r == access::Role::kDepartmentOfficer && (!department || department->empty())) {
    return Error::invalid("department", "a department officer needs a department");
  }
  if (department && !department->empty() && !registry_.department(*department)) {
    return Error::invalid("department", "unknown department code '" + *department + "'");
  }
  return {};
}

void AuthService::publish(const std::string& type, const access::User& u) {
  // Events reach every role in the jurisdiction: they carry no contact details.
  boost::json::object data{{"id", u.id},
                           {"username", u.username},
                           {"display_name", u.display_name},
                           {"role", roleName(u.role)},
                           {"jurisdiction", u.jurisdiction},
                           {"active", u.active},
                           {"version", u.version}};
  bus_.publish({type,
                {u.jurisdiction, {}, {}},
                "",
                access::actionName(access::Action::kReadUsers),
                clock_.now(),
                std::move(data)});
}

Result<access::User> AuthService::createUser(const access::Principal* actor, const NewUser& in) {
  TRY_STATUS(validateUsername(in.username));
  if (in.display_name.empty() || in.display_name.size() > 100) {
    return Error::invalid("display_name", "display name must be 1 to 100 bytes");
  }
  TRY_STATUS(validatePassword(in.password, in.username));
  TRY_STATUS(validateAssignment(in.role, in.jurisdiction, in.department));
  TRY_STATUS(checkManage(actor, in.jurisdiction));
  TRY_STATUS(checkEnterprise(actor, in.role, in.enterprise_id));
  TRY(auto hash, hasher_.hash(in.password));
  access::User u;
  u.username = in.username;
  u.display_name = in.display_name;
  u.role = *access::parseRole(in.role);
  u.jurisdiction = in.jurisdiction;
  u.department = in.department;
  u.enterprise_id = in.enterprise_id;
  u.phone = in.phone;
  u.created_at = u.updated_at = clock_.now();
  TRY_STATUS(db_.write([&](db::Conn& c) -> Status {
    auto id = store::insertUser(c, u, hash);
    if (!id.ok()) {
      if (id.error().code == Code::kConflict) {
        return Error{Code::kConflict, "username '" + u.username + "' is taken", "username"};
      }
      return std::move(id).error();
    }
    u.id = id.value();
    TRY(auto aid, audit::append(c, clock_, audit::actorOf(actor), "user", std::to_string(u.id),
                                "create", u.jurisdiction, std::nullopt, toJson(u)));
    (void)aid;
    return {};
  }));
  publish("user.created", u);
  return u;
}

Result<access::User> AuthService::getUser(const access::Principal& actor, std::int64_t id) {
  TRY_STATUS(access::authorize(actor, access::Action::kReadUsers));
  TRY(auto u, db::read<std::optional<access::User>>(
                  db_, [&](db::Conn& c) { return store::findUser(c, id); }));
  // Out of scope reads as not found: a guessed id tells nothing.
  if (!u || !actor.scope.admits({u->jurisdiction, {}, {}})) return Error::notFound("no such user");
  return std::move(*u);
}

Result<access::User> AuthService::updateUser(const access::Principal& actor, std::int64_t id,
                                             const UserPatch& patch) {
  TRY_STATUS(access::authorize(actor, access::Action::kManageUsers));
  access::User before, after;
  TRY_STATUS(db_.write([&](db::Conn& c) -> Status {
    TRY(auto u, store::findUser(c, id));
    if (!u || !actor.scope.admits({u->jurisdiction, {}, {}}))
      return Error::notFound("no such user");
    before = *u;
    if (patch.version != before.version) {
      return Error::conflict("the user was changed by someone else (version " +
                             std::to_string(before.version) + "); reload and try again");
    }
    after = before;
    if (patch.display_name) {
      if (patch.display_name->empty() || patch.display_name->size() > 100) {
        return Error::invalid("display_name", "display name must be 1 to 100 bytes");
      }
      after.display_name = *patch.display_name;
    }
    if (patch.role) after.role = access::parseRole(*patch.role).value_or(after.role);
    if (patch.jurisdiction) after.jurisdiction = *patch.jurisdiction;
    if (patch.department)
      after.department = patch.department->empty() ? std::nullopt : patch.department;
    if (patch.phone) after.phone = patch.phone->empty() ? std::nullopt : patch.phone;
    if (patch.active) after.active = *patch.active;
    // Only an enterprise officer is bound to an enterprise, and only at creation (with its check).
    if (after.role != access::Role::kEnterpriseOfficer) after.enterprise_id.reset();
    if (after.role == access::Role::kEnterpriseOfficer && !after.enterprise_id) {
      return Error::invalid("role",
                            "an enterprise officer's account is created with their enterprise");
    }
    TRY_STATUS(validateAssignment(patch.role ? *patch.role : roleName(after.role),
                                  after.jurisdiction, after.department));
    if (!actor.scope.admits({after.jurisdiction, {}, {}})) {
      return Error{Code::kPermissionDenied, "that jurisdiction is outside yours", "jurisdiction"};
    }
    if (actor.user.id == id && (!after.active || after.role != before.role)) {
      return Error{Code::kFailedPrecondition,
                   "you cannot deactivate yourself or change your own role", "active"};
    }
    after.version = before.version + 1;
    after.updated_at = clock_.now();
    TRY(bool updated, store::updateUser(c, after));
    if (!updated)
      return Error::conflict("the user was changed by someone else; reload and try again");
    if (!after.active && before.active)
      TRY_STATUS(store::revokeUserSessions(c, id, after.updated_at));
    TRY(auto aid, audit::append(c, clock_, audit::actorOf(&actor), "user", std::to_string(id),
                                "update", after.jurisdiction, toJson(before), toJson(after)));
    (void)aid;
    return {};
  }));
  sessions_.forgetUser(id);  // the role, the jurisdiction or the account itself changed
  if (after.active != before.active || after.role != before.role ||
      after.jurisdiction != before.jurisdiction || after.department != before.department) {
    ended("user:" +
          std::to_string(id));  // its open sockets were admitted as someone it no longer is
  }
  publish("user.updated", after);
  return after;
}

Status AuthService::resetPassword(const access::Principal* actor, std::int64_t id,
                                  const std::string& password) {
  if (actor) TRY_STATUS(access::authorize(*actor, access::Action::kManageUsers));
  TRY(auto target, db::read<std::optional<access::User>>(
                       db_, [&](db::Conn& c) { return store::findUser(c, id); }));
  if (!target || (actor && !actor->scope.admits({target->jurisdiction, {}, {}}))) {
    return Error::notFound("no such user");
  }
  TRY_STATUS(validatePassword(password, target->username));
  TRY(auto hash, hasher_.hash(password));
  Status s = db_.write([&](db::Conn& c) -> Status {
    TRY(auto u, store::findUser(c, id));
    if (!u || (actor && !actor->scope.admits({u->jurisdiction, {}, {}}))) {
      return Error::notFound("no such user");
    }
    Millis now = clock_.now();
    TRY_STATUS(store::setPassword(c, id, hash, now));
    TRY_STATUS(store::revokeUserSessions(c, id, now));
    TRY(auto aid, audit::append(c, clock_, audit::actorOf(actor), "user", std::to_string(id),
                                "reset_password", u->jurisdiction, std::nullopt, std::nullopt));
    (void)aid;
    return {};
  });
  sessions_.forgetUser(id);
  if (s.ok()) ended("user:" + std::to_string(id));
  return s;
}

Result<std::vector<access::User>> AuthService::listUsers(const access::Principal& actor,
                                                         std::optional<std::string> role,
                                                         std::optional<std::string> q,
                                                         std::optional<std::int64_t> after_id,
                                                         int limit) {
  TRY_STATUS(access::authorize(actor, access::Action::kReadUsers));
  store::UserQuery query;
  query.scope = actor.scope;
  query.role = std::move(role);
  query.q = std::move(q);
  query.after_id = after_id;
  query.limit = limit;
  return db::read<std::vector<access::User>>(
      db_, [&](db::Conn& c) { return store::listUsers(c, query); });
}

Result<std::vector<access::Principal>> AuthService::activePrincipals(
    const std::function<bool(const access::Principal&)>& keep) {
  std::vector<access::Principal> out;
  if (registry_.city().empty()) return out;
  store::UserQuery query;
  query.scope = access::Scope::of(registry_.treeOf(registry_.city()));
  query.limit = 1000;
  for (;;) {
    TRY(auto page, db::read<std::vector<access::User>>(
                       db_, [&](db::Conn& c) { return store::listUsers(c, query); }));
    for (auto& u : page) {
      if (!u.active) continue;
      access::Principal p = principalOf(u);
      if (keep(p)) out.push_back(std::move(p));
    }
    if (static_cast<int>(page.size()) < query.limit) break;
    query.after_id = page.back().id;
  }
  return out;
}

Status AuthService::bindEnterprise(const std::string& username, std::int64_t enterprise_id) {
  std::optional<std::int64_t> changed;
  Status s = db_.write([&](db::Conn& c) -> Status {
    TRY(auto u, store::findUserByName(c, username));
    if (!u) return Error::notFound("no such user: " + username);
    changed = u->id;
    access::User after = *u;
    after.enterprise_id = enterprise_id;
    after.version = u->version + 1;
    after.updated_at = clock_.now();
    TRY(bool ok, store::updateUser(c, after));
    if (!ok) return Error::conflict("the user changed meanwhile");
    TRY(auto aid, audit::append(c, clock_, audit::actorOf(nullptr), "user", std::to_string(u->id),
                                "update", u->jurisdiction, toJson(*u), toJson(after)));
    (void)aid;
    return {};
  });
  if (changed) sessions_.forgetUser(*changed);
  if (s.ok() && changed) ended("user:" + std::to_string(*changed));
  return s;
}

Result<std::optional<access::User>> AuthService::findByUsername(const std::string& username) {
  return db::read<std::optional<access::User>>(
      db_, [&](db::Conn& c) { return store::findUserByName(c, username); });
}

Result<std::map<std::int64_t, access::User>> AuthService::usersById(
    const std::vector<std::int64_t>& ids) {
  using Out = std::map<std::int64_t, access::User>;
  if (ids.empty()) return Out();
  return db::read<Out>(db_, [&](db::Conn& c) -> Result<Out> {
    TRY(auto users, store::findUsers(c, ids));
    Out out;
    for (auto& u : users) out.emplace(u.id, std::move(u));
    return out;
  });
}

Result<std::map<std::string, access::User>> AuthService::usersByName(
    const std::vector<std::string>& usernames) {
  using Out = std::map<std::string, access::User>;
  if (usernames.empty()) return Out();
  return db::read<Out>(db_, [&](db::Conn& c) -> Result<Out> {
    TRY(auto users, store::findUsersByName(c, usernames));
    Out out;
    for (auto& u : users) out.emplace(u.username, std::move(u));
    return out;
  });
}

}  // namespace anlan::auth

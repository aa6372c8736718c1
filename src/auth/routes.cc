#include "auth/routes.h"

#include "access/guard.h"
#include "access/rules.h"
#include "auth/rules.h"
#include "core/crypto.h"
#include "core/json.h"
#include "http/download.h"
#include "http/lists.h"
#include "http/params.h"

namespace anlan::auth {
namespace {

namespace bj = boost::json;
using http::errorResponse;
using http::jsonResponse;
using http::Request;
using http::Response;

bj::object meJson(const access::User& u, const org::Registry& reg) {
  bj::object o = toJson(u);
  if (const auto* j = reg.find(u.jurisdiction)) {
    o["jurisdiction_name"] = j->name;
    o["jurisdiction_name_en"] = j->name_en;
  }
  return o;
}

std::string cookie(const std::string& name, const std::string& value, bool http_only, bool secure,
                   std::int64_t max_age) {
  std::string c =
      name + "=" + value + "; Path=/; SameSite=Strict; Max-Age=" + std::to_string(max_age);
  if (http_only) c += "; HttpOnly";
  if (secure) c += "; Secure";
  return c;
}

// The columns of the user table: Chinese headers and names (县区值班员, 祁东县, 在用), or codes.
std::vector<Column<access::User>> userColumns(const org::Registry& reg, const Calendar& cal) {
  using U = access::User;
  static const std::vector<Label> roles = {{"admin", "系统管理员"},
                                           {"commander", "市指挥中心"},
                                           {"duty_officer", "县区值班员"},
                                           {"department_officer", "行业部门"},
                                           {"enterprise_officer", "企业安全员"}};
  return {
      {"id", "编号", [](const U& u) { return std::to_string(u.id); }, nullptr},
      {"username", "用户名", [](const U& u) { return u.username; }, nullptr},
      {"display_name", "姓名", [](const U& u) { return u.display_name; }, nullptr},
      {"role", "角色", [](const U& u) { return std::string(access::roleName(u.role)); },
       [](const U& u) { return nameOf(roles, access::roleName(u.role)); }},
      {"jurisdiction", "所属辖区", [](const U& u) { return u.jurisdiction; },
       [&reg](const U& u) {
         std::string n = reg.fullName(u.jurisdiction);
         return n.empty() ? u.jurisdiction : n;
       }},
      {"department", "部门", [](const U& u) { return u.department.value_or(""); },
       [&reg](const U& u) {
         const org::Department* d = u.department ? reg.department(*u.department) : nullptr;
         return d ? d->name : u.department.value_or("");
       }},
      {"phone", "电话", [](const U& u) { return u.phone.value_or(""); }, nullptr},
      {"active", "状态", [](const U& u) { return std::string(u.active ? "1" : "0"); },
       [](const U& u) { return std::string(u.active ? "在用" : "已停用"); }},
      {"created_at", "创建时间", [&cal](const U& u) { return cal.dateTimeText(u.created_at); },
       nullptr},
      {"updated_at", "更新时间", [&cal](const U& u) { return cal.dateTimeText(u.updated_at); },
       nullptr},
  };
}

}  // namespace

void addRoutes(http::Router& router, AuthService& auth, const http::OriginPolicy& origins,
               const Clock& clock, const Calendar& calendar) {
  router.add(
      "POST", "/api/v1/auth/login",
      [&auth, &origins](Request& req) -> Response {
        if (auto allowed = origins.check(req); !allowed.ok()) return errorResponse(allowed.error());
        auto body = json::parseObject(req.body);
        if (!body.ok()) return errorResponse(body.error());
        auto in = credentialsFromJson(*body);
        if (!in.ok()) return errorResponse(in.error());
        std::int64_t retry = 0;
        auto r = auth.login(
            {in->username, in->password, req.remote_addr, std::string(req.header("user-agent"))},
            &retry);
        if (!r.ok()) {
          Response res = errorResponse(r.error());
          if (r.error().code == Code::kResourceExhausted) {
            res.headers.emplace_back("Retry-After", std::to_string(retry));
          }
          return res;
        }
        bj::object out{{"token", r->token},
                       {"csrf_token", r->csrf},
                       {"expires_at", r->expires_at},
                       {"user", meJson(r->user, auth.registry())}};
        Response res = jsonResponse(std::move(out));
        std::int64_t age = r->ttl_seconds;  // the session's absolute expiry bounds the cookie
        res.headers.emplace_back("Set-Cookie",
                                 cookie(access::kSessionCookie, r->token, true, req.tls, age));
        res.headers.emplace_back("Set-Cookie",
                                 cookie(access::kCsrfCookie, r->csrf, false, req.tls, age));
        res.headers.emplace_back("Cache-Control", "no-store");
        return res;
      },
      "Sign in with username and password");

  router.add(
      "POST", "/api/v1/auth/logout",
      access::guarded(auth,
                      [&auth](Request& req, const access::Principal& p) -> Result<Response> {
                        TRY_STATUS(auth.logout(p));
                        Response res = jsonResponse(bj::object{{"ok", true}});
                        res.headers.emplace_back(
                            "Set-Cookie", cookie(access::kSessionCookie, "", true, req.tls, 0));
                        res.headers.emplace_back(
                            "Set-Cookie", cookie(access::kCsrfCookie, "", false, req.tls, 0));
                        return res;
                      }),
      "End the current session");

  router.add(
      "GET", "/api/v1/me",
      access::guardedInMemory(auth,
                              [&auth](Request&, const access::Principal& p) -> Result<Response> {
                                bj::object o = meJson(p.user, auth.registry());
                                o["csrf_token"] = p.csrf;
                                return jsonResponse(std::move(o));
                              }),
      "The signed-in user");

  router.add(
      "GET", "/api/v1/users",
      access::guarded(
          auth,
          [&](Request& req, const access::Principal& p) -> Result<Response> {
            TRY(std::string format, http::formatParam(req));
            if (format != "json") {
              // Every user the filters select, as a file.
              TRY(auto codes, http::boolParam(req, "codes"));
              std::vector<access::User> rows;
              std::optional<std::int64_t> after;
              for (;;) {
                TRY(auto users, auth.listUsers(p, http::textParam(req, "role"),
                                               http::textParam(req, "q"), after, 500));
                for (auto& u : users) rows.push_back(std::move(u));
                if (users.size() < 500) break;
                after = rows.back().id;
              }
              return http::tableResponse(format, "用户", userColumns(auth.registry(), calendar),
                                         rows, codes.value_or(false),
                                         calendar.compactDate(clock.now()));
            }
            TRY(int limit, http::limitParam(req));
            TRY(auto cursor, http::intParam(req, "cursor"));
            TRY(auto users, auth.listUsers(p, http::textParam(req, "role"),
                                           http::textParam(req, "q"), cursor, limit));
            bj::array items;
            for (const auto& u : users) items.push_back(toJson(u));
            bj::value next = nullptr;
            if (static_cast<int>(users.size()) == limit) next = std::to_string(users.back().id);
            return jsonResponse(bj::object{{"items", std::move(items)}, {"next_cursor", next}});
          }),
      "List users in the caller's jurisdiction");

  router.add("POST", "/api/v1/users",
             access::guarded(auth,
                             [&auth](Request& req, const access::Principal& p) -> Result<Response> {
                               TRY_STATUS(access::authorize(p, access::Action::kManageUsers));
                               TRY(auto body, json::parseObject(req.body));
                               TRY(auto in, newUserFromJson(body));
                               TRY(auto u, auth.createUser(&p, in));
                               return jsonResponse(toJson(u), 201);
                             }),
             "Create a user");

  router.add("GET", "/api/v1/users/{id}",
             access::guarded(auth,
                             [&auth](Request& req, const access::Principal& p) -> Result<Response> {
                               TRY(auto id, http::idParam(req));
                               TRY(auto u, auth.getUser(p, id));
                               return jsonResponse(toJson(u));
                             }),
             "One user");

  router.add("PATCH", "/api/v1/users/{id}",
             access::guarded(auth,
                             [&auth](Request& req, const access::Principal& p) -> Result<Response> {
                               TRY_STATUS(access::authorize(p, access::Action::kManageUsers));
                               TRY(auto id, http::idParam(req));
                               TRY(auto body, json::parseObject(req.body));
                               TRY(auto patch, userPatchFromJson(body));
                               TRY(auto u, auth.updateUser(p, id, patch));
                               return jsonResponse(toJson(u));
                             }),
             "Change a user (role, unit, active…) with optimistic version");

  router.add("POST", "/api/v1/users/{id}/password",
             access::guarded(auth,
                             [&auth](Request& req, const access::Principal& p) -> Result<Response> {
                               TRY_STATUS(access::authorize(p, access::Action::kManageUsers));
                               TRY(auto id, http::idParam(req));
                               TRY(auto body, json::parseObject(req.body));
                               TRY(auto pw, json::requireString(body, "password", 200));
                               TRY_STATUS(auth.resetPassword(&p, id, pw));
                               return jsonResponse(bj::object{{"ok", true}});
                             }),
             "Reset a user's password (ends their sessions)");
}

}  // namespace anlan::auth

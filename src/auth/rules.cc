#include "auth/rules.h"

#include <array>
#include <cctype>

namespace anlan::auth {

namespace {

// Rows: actions; columns: admin, commander, duty officer, department officer, enterprise officer.
struct Grant {
  Action action;
  std::array<bool, 5> roles;
};
constexpr Grant kGrants[] = {
    {Action::kReadJurisdictions, {true, true, true, true, true}},
    {Action::kReadUsers, {true, true, false, false, false}},
    {Action::kManageUsers, {true, false, false, false, false}},
    {Action::kReadAudit, {true, false, false, false, false}},
    {Action::kSubscribeEvents, {true, true, true, true, true}},
};

}  // namespace

bool allowed(Role role, Action action) {
  for (const auto& g : kGrants) {
    if (g.action == action) return g.roles[static_cast<std::size_t>(role)];
  }
  return false;
}

bool inScope(const Principal& p, const org::Registry& registry, const std::string& code) {
  return registry.contains(p.user.jurisdiction, code);
}

Status authorize(const Principal& p, Action action) {
  if (!allowed(p.user.role, action)) return Error::denied("your role may not do this");
  return {};
}

Status validateUsername(const std::string& u) {
  if (u.size() < 3 || u.size() > 64) {
    return Error::invalid("username", "username must be 3 to 64 characters");
  }
  for (char c : u) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.')) {
      return Error::invalid("username", "username may use letters, digits, '-', '_' and '.' only");
    }
  }
  return {};
}

Status validatePassword(const std::string& pw, const std::string& field) {
  if (pw.size() < 10) return Error::invalid(field, "password must be at least 10 characters");
  if (pw.size() > 200) return Error::invalid(field, "password must be at most 200 characters");
  bool letter = false, digit = false;
  for (char c : pw) {
    letter = letter || std::isalpha(static_cast<unsigned char>(c)) || (c & 0x80);
    digit = digit || std::isdigit(static_cast<unsigned char>(c));
  }
  if (!letter || !digit) return Error::invalid(field, "password needs a letter and a digit");
  return {};
}

}  // namespace anlan::auth

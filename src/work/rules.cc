#include "work/rules.h"

#include <algorithm>

namespace anlan::work {

using access::Role;

std::optional<Party> partyOf(const access::Principal& p) {
  if (p.scope.none()) return std::nullopt;
  switch (p.user.role) {
    case Role::kAdmin:
      return std::nullopt;
    case Role::kEnterpriseOfficer:
      if (!p.user.enterprise_id) return std::nullopt;
      return Party::kEnterprise;
    case Role::kCommander:
    case Role::kDutyOfficer:
    case Role::kDepartmentOfficer:
      return p.scope.tree().whole ? Party::kCity : Party::kUnit;
  }
  return std::nullopt;
}

bool waitsOn(const WorkItem& w, const access::Principal& p) {
  auto party = partyOf(p);
  return party && *party == w.party && (roleMask(w.roles) & roleBit(p.user.role)) != 0 &&
         p.scope.admits(w.subject);
}

std::int64_t roleBit(Role r) {
  for (std::size_t i = 0; i < std::size(access::kAllRoles); ++i) {
    if (access::kAllRoles[i] == r) return std::int64_t{1} << i;
  }
  return 0;
}

std::int64_t roleMask(const std::vector<Role>& roles) {
  std::int64_t mask = 0;
  for (Role r : roles) mask |= roleBit(r);
  return mask;
}

std::vector<Role> rolesOf(std::int64_t mask) {
  std::vector<Role> out;
  for (Role r : access::kAllRoles) {
    if (mask & roleBit(r)) out.push_back(r);
  }
  return out;
}

bool isOverdue(const WorkItem& w, Millis now) { return w.due && *w.due < now; }

bool isDueSoon(const WorkItem& w, Millis now) {
  return w.due && *w.due >= now && *w.due < now + kDueSoon;
}

std::int64_t sortKey(const WorkItem& w) {
  // Epoch milliseconds stay below 2^43 for centuries: the groups are apart by 2^45.
  constexpr std::int64_t kGroup = std::int64_t{1} << 45;
  std::int64_t group = w.urgent ? 0 : (w.due ? 1 : 2);
  return group * kGroup + (w.due ? *w.due : w.since);
}

Status checkItem(const WorkItem& w) {
  if (w.record.empty() || w.kind.find('.') == std::string::npos || w.title.empty() ||
      w.link.empty()) {
    return Error::internal(
        "a work item needs its record, a kind <module>.<what>, a title and a link");
  }
  if (w.roles.empty()) return Error::internal("work item " + w.kind + " names no role");
  if (w.party == Party::kEnterprise && !w.subject.enterprise_id) {
    return Error::internal("work item " + w.kind + " waits on an enterprise but names none");
  }
  if (w.subject.sectors.size() > 1) {
    return Error::internal("work item " + w.kind + " has more than one sector");
  }
  return {};
}

}  // namespace anlan::work

// Pure rules of the inbox: whose move an item is, when it is overdue or due soon, and its place in
// the list. Time is a parameter.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "access/model.h"
#include "core/result.h"
#include "work/model.h"

namespace anlan::work {

inline constexpr Millis kDueSoon = 3LL * 24 * 3600 * 1000;  // "due within 3 days"

// The party `p` acts for: an enterprise officer bound to an enterprise for it, a government
// account whose tree is the whole city for the city, any other government account for its unit.
// nullopt for administrators and unbound enterprise officers (nothing waits on them).
std::optional<Party> partyOf(const access::Principal& p);
// Whether `w` waits on `p`: p acts for w's party in one of w's roles, and p's scope admits w's
// record. The inbox's SQL (store::list) is the same rule.
bool waitsOn(const WorkItem& w, const access::Principal& p);

// Roles as bits (store and SQL): bit i for kAllRoles[i].
std::int64_t roleMask(const std::vector<access::Role>& roles);
std::int64_t roleBit(access::Role r);
std::vector<access::Role> rolesOf(std::int64_t mask);

bool isOverdue(const WorkItem& w, Millis now);
bool isDueSoon(const WorkItem& w, Millis now);

// The list order as one integer: urgent items first, then by due (earliest first), items without
// a due date last, each group oldest first.
std::int64_t sortKey(const WorkItem& w);

// Refuses items a module must not feed (empty kind, title or link, no roles, an enterprise
// party without an enterprise): internal, since they are the program's own.
Status checkItem(const WorkItem& w);

}  // namespace anlan::work

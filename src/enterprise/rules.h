// Pure rules about enterprises: the credit code, field validation, and who may see or change
// which enterprise.
#pragma once

#include <string>

#include "auth/model.h"
#include "core/result.h"
#include "enterprise/model.h"
#include "org/registry.h"

namespace anlan::enterprise {

// The GB 32100-2015 check character for the first 17 characters of a credit code, or '\0' when
// one of them is outside the code's character set.
char creditCheckChar(std::string_view first17);
// Whether `code` is a well-formed 18-character credit code with the right check character.
Status validateCreditCode(const std::string& code);

// Validates every field of `e` against the registry (sectors, jurisdiction, location inside it).
Status validate(const Enterprise& e, const org::Registry& registry);

// Who may read and who may change an enterprise: administrators, commanders and duty officers
// read their jurisdiction's; department officers those of the sectors their department leads;
// enterprise officers only their own. Administrators, commanders and department officers change
// what they may read.
bool mayRead(const auth::Principal& p, const org::Registry& registry, const Enterprise& e);
bool mayWrite(const auth::Principal& p, const org::Registry& registry, const Enterprise& e);
bool mayWriteAny(const auth::Principal& p);

// The sector codes a department leads.
std::vector<std::string> sectorsLedBy(const org::Registry& registry, const std::string& department);

}  // namespace anlan::enterprise

// Pure rules about enterprises: the credit code, field validation, and who may see or change
// which enterprise.
#pragma once

#include <string>

#include "access/model.h"
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

// Whose an enterprise is: its jurisdiction, its sectors and itself. Who may read it is the
// caller's scope's answer (access::Scope::admits).
Subject subjectOf(const Enterprise& e);
// Administrators, commanders and department officers change the enterprises they may read.
bool mayWriteAny(const access::Principal& p);
bool mayWrite(const access::Principal& p, const Enterprise& e);

}  // namespace anlan::enterprise

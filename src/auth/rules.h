// Input rules for accounts. Pure functions: no I/O, no clock.
#pragma once

#include <string>

#include "core/result.h"

namespace anlan::auth {

Status validateUsername(const std::string& username);
// At least 10 characters with a letter and a digit; at most 200.
Status validatePassword(const std::string& password, const std::string& field = "password");

}  // namespace anlan::auth

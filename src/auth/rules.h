// Input rules for accounts. Pure functions: no I/O, no clock.
#pragma once

#include <string>

#include "core/result.h"

namespace anlan::auth {

Status validateUsername(const std::string& username);
// At least 10 characters with a letter and a digit, at most 200; not the username (nor built on
// it) and not a common password: libpwquality's checks against the cracklib dictionary (Debian
// packages libpwquality1 and cracklib-runtime). Thread-safe. invalid_argument on `field`.
Status validatePassword(const std::string& password, const std::string& username,
                        const std::string& field = "password");
// Whether the common-password dictionary can be read (checked at start: without it every
// password would be refused).
Status passwordDictionaryReady();

}  // namespace anlan::auth

// Checks on text from outside: well-formed UTF-8 and control characters.
#pragma once

#include <cstdint>
#include <string_view>

namespace anlan::text {

// Whether `s` is well-formed UTF-8 (no overlong forms, surrogates or code points past U+10FFFF).
bool validUtf8(std::string_view s);
// Whether `s` contains a C0 control character other than TAB, LF and CR, or DEL (NUL included).
bool hasControl(std::string_view s);
// Whether `s` contains any C0 control character or DEL, TAB, LF and CR included (single-line text
// such as names).
bool hasAnyControl(std::string_view s);

}  // namespace anlan::text

// Checks on untrusted text before it goes anywhere (databases refuse invalid UTF-8 and NUL; a
// control character in a name or a log line is never wanted).
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace anlan::text {

// Whether `s` is well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, at most U+10FFFF).
bool validUtf8(std::string_view s);

// The length of the longest well-formed UTF-8 prefix of `s` (s.size() when all of it is).
std::size_t validUtf8Prefix(std::string_view s);

// `s` with every ill-formed sequence replaced by U+FFFD, for echoing untrusted bytes safely.
std::string toValidUtf8(std::string_view s);

// At most `max_bytes` of toValidUtf8(s), cut at a character boundary (for storing untrusted
// header values such as a User-Agent in a bounded column).
std::string clip(std::string_view s, std::size_t max_bytes);

// Whether `s` contains any C0 control character or DEL, TAB, LF and CR included (single-line text
// such as file names).
bool hasAnyControl(std::string_view s);

// Refuses text that is not valid UTF-8 or that holds NUL or another control character than TAB,
// LF and CR (U+0001–U+001F, U+007F): invalid_argument on `field`, naming it.
Status checkText(std::string_view field, std::string_view s);

}  // namespace anlan::text

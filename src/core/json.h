// JSON input helpers: parse untrusted text and read typed fields, each failure naming the field.
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/geo.h"
#include "core/result.h"

namespace anlan::json {

namespace bj = boost::json;

// Parses `text` as a JSON object; a syntax error, a non-object or a number too large for a double
// (1e400) is invalid_argument on "body".
Result<bj::object> parseObject(std::string_view text);

// Required and optional fields. Wrong types and empty required strings are invalid_argument, and
// so are strings holding NUL or other control characters than TAB, LF and CR (text::checkText).
// Boost.JSON has already refused invalid UTF-8 and unpaired surrogate escapes in the text.
Result<std::string> requireString(const bj::object& o, std::string_view field,
                                  std::size_t max_len = 1000);
Result<std::optional<std::string>> optionalString(const bj::object& o, std::string_view field,
                                                  std::size_t max_len = 1000);
Result<std::int64_t> requireInt(const bj::object& o, std::string_view field);
Result<std::optional<std::int64_t>> optionalInt(const bj::object& o, std::string_view field);
Result<std::optional<bool>> optionalBool(const bj::object& o, std::string_view field);

// {"lon": number, "lat": number}; absent or null is nullopt. Not checked against WGS-84 bounds.
Result<std::optional<geo::LonLat>> optionalLonLat(const bj::object& o, std::string_view field);
// o[field] as an object; absent or null is nullptr, another type invalid_argument.
Result<const bj::object*> optionalObject(const bj::object& o, std::string_view field);
// Reruns `r`'s error with its field prefixed ("meeting" → "confirmation.meeting").
template <class T>
Result<T> prefixed(Result<T> r, std::string_view prefix) {
  if (r.ok()) return r;
  Error e = std::move(r).error();
  e.field = std::string(prefix) + "." + e.field;
  e.message = std::string(prefix) + "." + e.message;
  return e;
}

// The error for a key the body may not have: invalid_argument on the key ("body" for "").
Error unknownField(std::string_view key);
// Refuses any key of `o` not in `allowed` (a typo must not be silently ignored).
Status onlyFields(const bj::object& o, std::initializer_list<std::string_view> allowed);
Status onlyFields(const bj::object& o, const std::vector<std::string_view>& allowed);

}  // namespace anlan::json

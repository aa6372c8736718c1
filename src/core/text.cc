#include "core/text.h"

namespace anlan::text {
namespace {

// The length of the well-formed UTF-8 sequence at the start of `s`, or 0 if there is none.
std::size_t sequenceLength(std::string_view s) {
  auto b = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  auto cont = [&](std::size_t i) { return i < s.size() && (b(i) & 0xC0) == 0x80; };
  unsigned char c = b(0);
  if (c < 0x80) return 1;
  if (c < 0xC2) return 0;  // a continuation byte, or an overlong two-byte form
  if (c < 0xE0) return cont(1) ? 2 : 0;
  if (c < 0xF0) {
    if (s.size() < 2) return 0;
    // E0 needs A0..BF (no overlong forms); ED needs 80..9F (no surrogates).
    if ((c == 0xE0 && b(1) < 0xA0) || (c == 0xED && b(1) > 0x9F)) return 0;
    return cont(1) && cont(2) ? 3 : 0;
  }
  if (c < 0xF5) {
    if (s.size() < 2) return 0;
    // F0 needs 90..BF (no overlong forms); F4 needs 80..8F (nothing above U+10FFFF).
    if ((c == 0xF0 && b(1) < 0x90) || (c == 0xF4 && b(1) > 0x8F)) return 0;
    return cont(1) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

}  // namespace

std::size_t validUtf8Prefix(std::string_view s) {
  std::size_t at = 0;
  while (at < s.size()) {
    std::size_t n = sequenceLength(s.substr(at));
    if (n == 0) break;
    at += n;
  }
  return at;
}

bool validUtf8(std::string_view s) { return validUtf8Prefix(s) == s.size(); }

std::string toValidUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  while (!s.empty()) {
    std::size_t n = sequenceLength(s);
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      n = 1;
    } else {
      out.append(s.substr(0, n));
    }
    s.remove_prefix(n);
  }
  return out;
}

std::string clip(std::string_view s, std::size_t max_bytes) {
  std::string out = toValidUtf8(s);
  if (out.size() <= max_bytes) return out;
  std::size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(out[end]) & 0xC0) == 0x80)
    --end;  // not mid-character
  out.resize(end);
  return out;
}

bool hasAnyControl(std::string_view s) {
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c == 0x7F) return true;
  }
  return false;
}

Status checkText(std::string_view field, std::string_view s) {
  std::string name(field);
  if (!validUtf8(s)) return Error::invalid(name, name + " is not valid UTF-8");
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if (c == 0) return Error::invalid(name, name + " must not contain NUL (\\u0000)");
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
      return Error::invalid(name, name + " must not contain control characters");
    }
  }
  return {};
}

}  // namespace anlan::text

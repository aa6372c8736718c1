#include "auth/rules.h"

#include <cctype>

namespace anlan::auth {

Status validateUsername(const std::string& u) {
  if (u.size() < 3 || u.size() > 64) {
    return Error::invalid("username", "username must be 3 to 64 characters");
  }
  for (char c : u) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.')) {
      return Error::invalid("username", "username may use letters, digits, '-', '_' and '.' only");
    }
  }
  return {};
}

Status validatePassword(const std::string& pw, const std::string& field) {
  if (pw.size() < 10) return Error::invalid(field, "password must be at least 10 characters");
  if (pw.size() > 200) return Error::invalid(field, "password must be at most 200 characters");
  bool letter = false, digit = false;
  for (char c : pw) {
    letter = letter || std::isalpha(static_cast<unsigned char>(c)) || (c & 0x80);
    digit = digit || std::isdigit(static_cast<unsigned char>(c));
  }
  if (!letter || !digit) return Error::invalid(field, "password needs a letter and a digit");
  return {};
}

}  // namespace anlan::auth

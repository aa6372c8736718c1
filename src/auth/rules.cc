#include "auth/rules.h"

#include <pwquality.h>

#include <cctype>
#include <cstdlib>
#include <mutex>

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

namespace {

// libpwquality's settings (made once) and the lock around its checks: cracklib's dictionary
// lookup keeps state between calls.
struct Quality {
  std::mutex mu;
  pwquality_settings_t* settings = nullptr;
  Quality() {
    settings = pwquality_default_settings();
    if (!settings) return;
    pwquality_set_int_value(settings, PWQ_SETTING_MIN_LENGTH, 10);
    pwquality_set_int_value(settings, PWQ_SETTING_DICT_CHECK, 1);
    pwquality_set_int_value(settings, PWQ_SETTING_USER_CHECK, 1);
    pwquality_set_int_value(settings, PWQ_SETTING_MIN_CLASS, 0);
  }
  ~Quality() { pwquality_free_settings(settings); }
};

Quality& quality() {
  static Quality q;
  return q;
}

}  // namespace

Status validatePassword(const std::string& pw, const std::string& username,
                        const std::string& field) {
  if (pw.size() < 10) return Error::invalid(field, "password must be at least 10 characters");
  if (pw.size() > 200) return Error::invalid(field, "password must be at most 200 characters");
  bool letter = false, digit = false;
  for (char c : pw) {
    letter = letter || std::isalpha(static_cast<unsigned char>(c)) || (c & 0x80);
    digit = digit || std::isdigit(static_cast<unsigned char>(c));
  }
  if (!letter || !digit) return Error::invalid(field, "password needs a letter and a digit");
  Quality& q = quality();
  if (!q.settings) return Error::internal("libpwquality could not start");
  int score;
  {
    std::lock_guard lock(q.mu);
    void* aux = nullptr;  // a number or a static string, never to be freed
    score = pwquality_check(q.settings, pw.c_str(), nullptr,
                            username.empty() ? nullptr : username.c_str(), &aux);
  }
  switch (score) {
    case PWQ_ERROR_USER_CHECK:
      return Error::invalid(field, "password must not contain the username");
    case PWQ_ERROR_CRACKLIB_CHECK:
      return Error::invalid(
          field,
          "password is too common: it is a dictionary word, a keyboard run or a simple pattern");
    case PWQ_ERROR_PALINDROME:
    case PWQ_ERROR_MIN_DIGITS:
    case PWQ_ERROR_MIN_UPPERS:
    case PWQ_ERROR_MIN_LOWERS:
    case PWQ_ERROR_MIN_OTHERS:
    case PWQ_ERROR_MIN_CLASSES:
    case PWQ_ERROR_MAX_CONSECUTIVE:
    case PWQ_ERROR_MAX_CLASS_REPEAT:
    case PWQ_ERROR_MAX_SEQUENCE:
      return Error::invalid(field, "password is too simple: avoid repeats, runs and palindromes");
    default:
      if (score < 0) return Error::invalid(field, "password is too weak; choose a longer one");
      return {};
  }
}

Status passwordDictionaryReady() {
  Quality& q = quality();
  if (!q.settings) return Error::internal("libpwquality could not start");
  std::lock_guard lock(q.mu);
  void* aux = nullptr;
  int score = pwquality_check(q.settings, "Kx7-qLm2-vR9", nullptr, nullptr, &aux);
  if (score == PWQ_ERROR_CRACKLIB_CHECK) {
    return Error::invalid(
        "password", "the common-password dictionary cannot be read: install cracklib-runtime");
  }
  return {};
}

}  // namespace anlan::auth

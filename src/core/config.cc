#include "core/config.h"

#include <toml++/toml.h>

#include <charconv>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <sstream>

#include "core/calendar.h"

namespace anlan {
namespace {

template <class T>
Status parseNumber(const std::string& key, const std::string& text, T& out) {
  T v{};
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || p != text.data() + text.size())
    return Error::invalid(key, key + " must be a number, got '" + text + "'");
  out = v;
  return {};
}

// One table of settable keys: name -> setter from text.
using Setter = std::function<Status(Config&, const std::string&, const std::string&)>;

template <class T>
Setter num(T Config::*m) {
  return [m](Config& c, const std::string& k, const std::string& v) {
    return parseNumber(k, v, c.*m);
  };
}
Setter flag(bool Config::*m) {
  return [m](Config& c, const std::string& k, const std::string& v) -> Status {
    if (v != "true" && v != "false")
      return Error::invalid(k, k + " must be true or false, got '" + v + "'");
    c.*m = v == "true";
    return {};
  };
}
Setter str(std::string Config::*m) {
  return [m](Config& c, const std::string&, const std::string& v) -> Status {
    c.*m = v;
    return {};
  };
}

const std::map<std::string, Setter>& setters() {
  static const std::map<std::string, Setter> table = {
      {"listen", str(&Config::listen)},
      {"db", str(&Config::db)},
      {"tls_cert", str(&Config::tls_cert)},
      {"tls_key", str(&Config::tls_key)},
      {"web_root", str(&Config::web_root)},
      {"log_level", str(&Config::log_level)},
      {"worker_threads", num(&Config::worker_threads)},
      {"io_threads", num(&Config::io_threads)},
      {"max_header_bytes", num(&Config::max_header_bytes)},
      {"max_body_bytes", num(&Config::max_body_bytes)},
      {"read_timeout_ms", num(&Config::read_timeout_ms)},
      {"max_connections", num(&Config::max_connections)},
      {"session_idle_minutes", num(&Config::session_idle_minutes)},
      {"session_absolute_hours", num(&Config::session_absolute_hours)},
      {"session_cache_seconds", num(&Config::session_cache_seconds)},
      {"session_watch_ms", num(&Config::session_watch_ms)},
      {"login_account_failures", num(&Config::login_account_failures)},
      {"login_address_failures", num(&Config::login_address_failures)},
      {"login_window_seconds", num(&Config::login_window_seconds)},
      {"argon2_ops", num(&Config::argon2_ops)},
      {"argon2_mem_kib", num(&Config::argon2_mem_kib)},
      {"argon2_concurrency", num(&Config::argon2_concurrency)},
      {"db_pool_size", num(&Config::db_pool_size)},
      {"files_dir", str(&Config::files_dir)},
      {"max_upload_bytes", num(&Config::max_upload_bytes)},
      {"notice_cycle_days", num(&Config::notice_cycle_days)},
      {"scheduler_seconds", num(&Config::scheduler_seconds)},
      {"testing_clock", flag(&Config::testing_clock)},
      {"roll_call_answer_seconds", num(&Config::roll_call_answer_seconds)},
      {"ice_servers", str(&Config::ice_servers)},
      {"turn_username", str(&Config::turn_username)},
      {"turn_password", str(&Config::turn_password)},
      {"webhook_url", str(&Config::webhook_url)},
      {"webhook_secret", str(&Config::webhook_secret)},
      {"webhook_ca_file", str(&Config::webhook_ca_file)},
      {"webhook_timeout_ms", num(&Config::webhook_timeout_ms)},
      {"notify_poll_ms", num(&Config::notify_poll_ms)},
      {"calendar_utc_offset",
       [](Config& c, const std::string&, const std::string& v) -> Status {
         TRY(auto cal, Calendar::parseOffset(v));
         (void)cal;
         c.calendar_utc_offset = v;
         return {};
       }},
      {"public_origins",
       [](Config& c, const std::string& k, const std::string& v) -> Status {
         std::istringstream in(v);
         for (std::string o; in >> o;) {
           bool scheme = o.rfind("http://", 0) == 0 || o.rfind("https://", 0) == 0;
           std::string rest = scheme ? o.substr(o.find("://") + 3) : "";
           if (rest.empty() || rest.find('/') != std::string::npos) {
             std::string why = k;
             why += " are origins like https://yjj.example.gov.cn (no path), got '";
             why += o;
             why += "'";
             return Error::invalid(k, why);
           }
         }
         c.public_origins = v;
         return {};
       }},
  };
  return table;
}

// toml++ 3.3 (Debian 12) reaches __builtin_unreachable — undefined behaviour — when it meets some
// non-ASCII characters (U+00A1–U+0499, U+2CE6–U+30DF, U+FB46–U+FEFE) where it looks for
// whitespace: in keys, in bad values, after a backslash in a """ string (upstream issues 190 and
// 295). The loader reads `key = value` lines only, so before toml++ sees the text, non-ASCII text
// is refused (naming the line) anywhere but in comments and in a string that is the whole value.
Status checkTomlText(std::string_view text, const std::string& source) {
  enum class In {
    kKey,
    kBeforeValue,
    kValue,
    kComment,
    kBasic,
    kLiteral,
    kMultiBasic,
    kMultiLiteral
  };
  In in = In::kKey;
  int line = 1;
  auto at = [&](std::size_t i, std::string_view s) { return text.substr(i, s.size()) == s; };
  auto refuse = [&] {
    return Error::invalid("config", "cannot read " + source + ": line " + std::to_string(line) +
                                        " has non-ASCII text outside a string or a comment");
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    bool ascii = static_cast<unsigned char>(c) < 0x80;
    if (c == '\n') ++line;
    switch (in) {
      case In::kKey:
      case In::kBeforeValue:
      case In::kValue:
        if (!ascii) return refuse();
        if (c == '\n') {
          in = In::kKey;
        } else if (c == '#') {
          in = In::kComment;
        } else if (in == In::kKey && c == '=') {
          in = In::kBeforeValue;
        } else if (in == In::kBeforeValue && c != ' ' && c != '\t') {
          in = In::kValue;  // only a value that begins with a quote is a string
          if (at(i, "\"\"\"")) {
            in = In::kMultiBasic;
            i += 2;
          } else if (at(i, "'''")) {
            in = In::kMultiLiteral;
            i += 2;
          } else if (c == '"') {
            in = In::kBasic;
          } else if (c == '\'') {
            in = In::kLiteral;
          }
        }
        break;
      case In::kComment:
        if (c == '\n') in = In::kKey;
        break;
      case In::kBasic:
        if (c == '\\' && i + 1 < text.size() && text[i + 1] != '\n') {
          ++i;  // an escape
        } else if (c == '"' || c == '\n') {
          in = c == '"' ? In::kValue : In::kKey;
        }
        break;
      case In::kLiteral:
        if (c == '\'' || c == '\n') in = c == '\'' ? In::kValue : In::kKey;
        break;
      case In::kMultiBasic:
        if (c == '\\') {
          std::size_t j = i + 1;
          constexpr std::string_view kSpace = " \t\r\n";
          while (j < text.size() && kSpace.find(text[j]) != std::string_view::npos) {
            if (text[j] == '\n') ++line;
            ++j;
          }
          // toml++ asks whether what follows a backslash (and its whitespace) is whitespace.
          if (j < text.size() && static_cast<unsigned char>(text[j]) >= 0x80) return refuse();
          i = j == i + 1 ? i + 1 : j - 1;  // an escape, or the whitespace after the backslash
        } else if (at(i, "\"\"\"")) {
          in = In::kValue;
          i += 2;
          while (i + 1 < text.size() && text[i + 1] == '"') ++i;  // """"" ends with quotes inside
        }
        break;
      case In::kMultiLiteral:
        if (at(i, "'''")) {
          in = In::kValue;
          i += 2;
          while (i + 1 < text.size() && text[i + 1] == '\'') ++i;
        }
        break;
    }
  }
  return {};
}

}  // namespace

Status setConfigValue(Config& cfg, const std::string& key, const std::string& value) {
  auto it = setters().find(key);
  if (it == setters().end()) return Error::invalid(key, "unknown setting '" + key + "'");
  return it->second(cfg, key, value);
}

Status applySetting(Config& cfg, std::string_view key_eq_value) {
  auto eq = key_eq_value.find('=');
  if (eq == std::string_view::npos) return Error::invalid("set", "--set needs KEY=VALUE");
  return setConfigValue(cfg, std::string(key_eq_value.substr(0, eq)),
                        std::string(key_eq_value.substr(eq + 1)));
}

Status loadConfigFile(const std::string& path, Config& cfg) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return Error::invalid("config", "cannot read " + path + ": no such file or not readable");
  std::ostringstream text;
  text << in.rdbuf();
  return loadConfigText(text.str(), path, cfg);
}

Status loadConfigText(std::string_view text, const std::string& source, Config& cfg) {
  TRY_STATUS(checkTomlText(text, source));
  toml::table doc;
  try {
    doc = toml::parse(text, source);
  } catch (const toml::parse_error& e) {
    return Error::invalid("config", "cannot read " + source + ": " + std::string(e.description()));
  }
  for (auto&& [k, node] : doc) {
    std::string key(k.str());
    std::string text;
    // By node type: value<std::int64_t>() would also read a boolean, as 1 or 0.
    if (auto s = node.as_string()) {
      text = s->get();
    } else if (auto b = node.as_boolean()) {
      text = b->get() ? "true" : "false";
    } else if (auto i = node.as_integer()) {
      text = std::to_string(i->get());
    } else {
      return Error::invalid(key, "setting '" + key + "' must be a string, an integer or a boolean");
    }
    TRY_STATUS(setConfigValue(cfg, key, text));
  }
  return {};
}

void applyEnvironment(Config& cfg) {
  static const std::pair<const char*, std::string Config::*> vars[] = {
      {"ANLAN_LISTEN", &Config::listen},     {"ANLAN_DB", &Config::db},
      {"ANLAN_TLS_CERT", &Config::tls_cert}, {"ANLAN_TLS_KEY", &Config::tls_key},
      {"ANLAN_WEB_ROOT", &Config::web_root}, {"ANLAN_LOG_LEVEL", &Config::log_level},
  };
  for (auto& [name, member] : vars) {
    if (const char* v = std::getenv(name); v && *v) cfg.*member = v;
  }
}

}  // namespace anlan

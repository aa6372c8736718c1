// Server configuration: built-in defaults < TOML file < environment (ANLAN_*) < command-line flags.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "core/result.h"

namespace anlan {

struct Config {
  std::string listen = "127.0.0.1:8080";
  std::string db = "sqlite:var/anlan.db";
  std::string tls_cert;  // PEM files; TLS is on when both are set (one alone is an error)
  std::string tls_key;
  std::string web_root = "web/dist";  // the built web UI, served with SPA fallback when present
  std::string log_level = "info";
  int worker_threads = 0;  // 0: twice the number of cores, at least 4
  int io_threads = 0;      // 0: the number of cores

  // HTTP protection.
  std::uint32_t max_header_bytes = 16 * 1024;
  std::uint64_t max_body_bytes = 8 * 1024 * 1024;
  int read_timeout_ms = 15'000;
  int max_connections = 10'000;

  // Sessions.
  std::int64_t session_idle_minutes = 30;
  std::int64_t session_absolute_hours = 12;
  // How long a session read from the database is trusted in memory; 0: read it on every request.
  std::int64_t session_cache_seconds = 5;
  // How often the sessions of open event sockets are checked, so that a socket whose session was
  // ended by another node (or expired) is closed within this many milliseconds.
  int session_watch_ms = 1000;

  // Login throttling: failures within the window before further attempts are refused, of one
  // account from one address, and of any accounts from one address.
  int login_account_failures = 5;
  int login_address_failures = 20;
  std::int64_t login_window_seconds = 15 * 60;

  // argon2id cost (libsodium crypto_pwhash); defaults are the INTERACTIVE limits.
  std::uint64_t argon2_ops = 2;
  std::uint64_t argon2_mem_kib = 64 * 1024;
  int argon2_concurrency = 0;  // 0: number of cores

  // Postgres pool size.
  int db_pool_size = 8;

  // Uploaded files (photos, evidence), stored by content.
  std::string files_dir = "var/files";
  std::int64_t max_upload_bytes = 5 * 1024 * 1024;

  // Hazards: notices (通报) are issued by the city every this many days; the scheduler wakes up
  // this often to mark overdue hazards and issue notices that are due.
  std::int64_t notice_cycle_days = 15;
  int scheduler_seconds = 60;

  // Duty rooms: a room rung in a spot check that has not answered after this long is recorded
  // as no answer.
  int roll_call_answer_seconds = 60;
  // ICE servers for the spot-check video calls, space-separated stun:/turn:/turns: URLs (none on
  // a LAN), and the credentials of the TURN ones (e.g. coturn's static user).
  std::string ice_servers;
  std::string turn_username;
  std::string turn_password;

  // The calendar's zone as a fixed offset from UTC: every day, month, year, deadline and serial
  // number is counted in it. China Standard Time has no daylight saving.
  std::string calendar_utc_offset = "+08:00";

  // The origins (scheme://host[:port]) browsers reach this server by, space-separated. Sign-in and
  // the event WebSocket refuse a browser request whose Origin is not one of them; when none is
  // set, the Origin must be the server's own (the request's Host, with its scheme).
  std::string public_origins;

  // Notifications of new work items (待办) outside the app: a signed JSON POST to webhook_url
  // (http:// or https://, e.g. the bureau's SMS platform), signed with webhook_secret (at least
  // 16 bytes; HMAC-SHA-256), trusting webhook_ca_file (PEM) for https when set. None when the URL
  // is empty. The notifier looks for due deliveries every notify_poll_ms.
  std::string webhook_url;
  std::string webhook_secret;
  std::string webhook_ca_file;
  int webhook_timeout_ms = 10'000;
  int notify_poll_ms = 2000;

  // Browser tests only: POST /api/v1/testing/clock moves the clock forward. Refused unless the
  // server listens on a loopback address.
  bool testing_clock = false;
};

// Loads a TOML file over `cfg`. Unknown keys are errors (field = the key).
Status loadConfigFile(const std::string& path, Config& cfg);
// The same for TOML text; `source` names it in messages (the file's path).
Status loadConfigText(std::string_view text, const std::string& source, Config& cfg);
// Applies ANLAN_LISTEN, ANLAN_DB, ANLAN_TLS_CERT, ANLAN_TLS_KEY, ANLAN_WEB_ROOT, ANLAN_LOG_LEVEL.
void applyEnvironment(Config& cfg);
// Applies one "key=value" setting by TOML key name (used by flags and tests).
Status setConfigValue(Config& cfg, const std::string& key, const std::string& value);
// Applies one command-line setting "KEY=VALUE" (--set): split at the first '='; without one it
// is invalid_argument on "set".
Status applySetting(Config& cfg, std::string_view key_eq_value);

}  // namespace anlan

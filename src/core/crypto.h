// Small cryptographic helpers over libsodium. All functions are thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace anlan {

// Initialises libsodium; call once at start (idempotent). Throws on failure.
void initCrypto();
// SHA-256 of `data` as 64 lower-case hex characters.
std::string sha256Hex(std::string_view data);
// HMAC-SHA-256 of `data` under `key` as 64 lower-case hex characters (webhook signatures).
std::string hmacSha256Hex(std::string_view key, std::string_view data);
// URL-safe base64 without padding.
std::string base64Url(std::string_view bytes);
// Decodes URL-safe base64 without padding; nullopt when `text` is not such.
std::optional<std::string> base64UrlDecode(std::string_view text);
// Compares two strings in time independent of where they differ.
bool constantTimeEquals(std::string_view a, std::string_view b);

}  // namespace anlan

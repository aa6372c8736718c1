// Uploaded files (photos, evidence), stored once by content under a directory: <dir>/ab/<sha256>.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace anlan {

// The media type of `bytes` read from its first bytes (JPEG, PNG, PDF), or nullopt.
std::optional<std::string> sniffMediaType(std::string_view bytes);
// The media type a file name's extension promises (.jpg/.jpeg, .png, .pdf), or nullopt.
std::optional<std::string> mediaTypeOfName(std::string_view name);
// A name an uploaded file may keep: 1 to 200 bytes of well-formed UTF-8 with no control
// characters, no quotes, backslashes or slashes, not "." or "..". invalid_argument on `field`.
Status validateFileName(std::string_view name, const std::string& field = "name");

// The media type of an upload named `name` holding `bytes`: the name passes validateFileName,
// ending in .jpg, .jpeg, .png or .pdf, and the
// bytes are not empty and are what the name says. invalid_argument on "name" or "file" otherwise.
Result<std::string> checkUpload(std::string_view name, std::string_view bytes);

class FileStore {
 public:
  explicit FileStore(std::string dir) : dir_(std::move(dir)) {}
  // Writes `bytes` durably (temporary file, fsync, rename, fsync of the directory) and returns
  // its SHA-256. Storing the same bytes twice keeps one file. Thread-safe.
  Result<std::string> put(std::string_view bytes);
  // The bytes stored under `sha256`; not_found when absent.
  Result<std::string> get(const std::string& sha256) const;

 private:
  std::string pathOf(const std::string& sha256) const;
  std::string dir_;
};

}  // namespace anlan

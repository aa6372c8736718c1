// The built web application, served from memory: MIME types by extension, gzip when the client
// takes it, long-lived caching for hashed assets, a strict Content-Security-Policy, and the SPA
// fallback (unknown non-API paths get index.html so the client-side router can take them).
#pragma once

#include <map>
#include <optional>
#include <string>

#include "core/result.h"
#include "http/message.h"

namespace anlan::http {

class StaticFiles {
 public:
  // Reads every file below `root` (which must hold index.html). Files are compressed once here.
  static Result<StaticFiles> load(const std::string& root);
  // The answer to a GET or HEAD of `req`, or nullopt for API paths and non-GET methods.
  std::optional<Response> serve(const Request& req) const;
  std::size_t files() const { return files_.size(); }

  static const char* kContentSecurityPolicy;

 private:
  struct File {
    std::string type, body, gzip;  // gzip empty when compression does not pay
  };
  Response answer(const std::string& path, const File& f, const Request& req) const;
  std::map<std::string, File> files_;  // by URL path ("/index.html", "/assets/app-1a2b.js")
};

// The MIME type for a file name, by extension ("application/octet-stream" when unknown).
std::string mimeType(const std::string& name);
// gzip of `data` at the default level.
std::string gzip(const std::string& data);

}  // namespace anlan::http

#include "http/download.h"

#include <cstdio>

#include "core/table_export.h"

namespace anlan::http {
namespace {

// The name reduced to printable ASCII without quotes or backslashes (others become '_').
std::string asciiStandIn(const std::string& name) {
  std::string out;
  for (unsigned char c : name) {
    bool plain = c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '/' && c != ';';
    if (plain) {
      out.push_back(static_cast<char>(c));
    } else if ((c & 0xC0) != 0x80) {  // one '_' per character, not per byte
      out.push_back('_');
    }
  }
  return out.empty() ? "file" : out;
}

// RFC 5987 ext-value: UTF-8 with everything but attr-chars percent-encoded.
std::string extValue(const std::string& name) {
  std::string out = "UTF-8''";
  for (unsigned char c : name) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
        std::string_view("!#$&+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos) {
      out.push_back(static_cast<char>(c));
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

}  // namespace

Response download(std::string body, std::string type, const std::string& filename,
                  Disposition disposition) {
  Response r;
  r.content_type = std::move(type);
  r.body = std::move(body);
  r.headers.emplace_back(
      "Content-Disposition",
      std::string(disposition == Disposition::kInline ? "inline" : "attachment") + "; filename=\"" +
          asciiStandIn(filename) + "\"; filename*=" + extValue(filename));
  r.headers.emplace_back("Cache-Control", "private, no-store");
  return r;
}

Result<Response> exportResponse(const std::string& format, const std::string& name,
                                const csv::Record& header, const std::vector<csv::Record>& rows,
                                const std::string& day) {
  TRY(auto file, exportTable(format, name, header, rows));
  return download(std::move(file.body), file.media_type, name + "-" + day + "." + file.extension);
}

}  // namespace anlan::http

#include "http/static_files.h"

#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace anlan::http {

const char* StaticFiles::kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self' ws: wss:; "
    "media-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'";

std::string mimeType(const std::string& name) {
  static const std::map<std::string, std::string> kTypes = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".geojson", "application/geo+json"},
      {".map", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},
      {".webp", "image/webp"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".ttf", "font/ttf"},
      {".txt", "text/plain; charset=utf-8"},
      {".wasm", "application/wasm"},
      {".mp3", "audio/mpeg"},
      {".wav", "audio/wav"}};
  auto ext = std::filesystem::path(name).extension().string();
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto it = kTypes.find(ext);
  return it == kTypes.end() ? "application/octet-stream" : it->second;
}

std::string gzip(const std::string& data) {
  z_stream z{};
  if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    return {};
  std::string out(deflateBound(&z, data.size()) + 32, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  int rc = deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return rc == Z_STREAM_END ? out : std::string();
}

Result<StaticFiles> StaticFiles::load(const std::string& root) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::exists(fs::path(root) / "index.html", ec)) {
    return Error::invalid("web_root", "no index.html in " + root + " (build the web app first)");
  }
  StaticFiles out;
  for (auto it = fs::recursive_directory_iterator(root, ec);
       it != fs::recursive_directory_iterator(); ++it) {
    if (!it->is_regular_file()) continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::ostringstream data;
    data << in.rdbuf();
    File f;
    f.type = mimeType(it->path().filename().string());
    f.body = data.str();
    bool text = f.type.find("text/") == 0 || f.type.find("json") != std::string::npos ||
                f.type.find("svg") != std::string::npos || f.type.find("wasm") != std::string::npos;
    if (text && f.body.size() > 512) {
      std::string z = gzip(f.body);
      if (!z.empty() && z.size() < f.body.size() * 9 / 10) f.gzip = std::move(z);
    }
    std::string url = "/" + fs::relative(it->path(), root).generic_string();
    out.files_.emplace(std::move(url), std::move(f));
  }
  return out;
}

Response StaticFiles::answer(const std::string& path, const File& f, const Request& req) const {
  Response r;
  r.content_type = f.type;
  bool hashed = path.rfind("/assets/", 0) == 0;
  r.headers.emplace_back("Cache-Control", hashed ? "public, max-age=31536000, immutable"
                                          : path == "/index.html" ? "no-cache"
                                                                  : "public, max-age=3600");
  r.headers.emplace_back("Content-Security-Policy", kContentSecurityPolicy);
  r.headers.emplace_back("X-Frame-Options", "DENY");
  r.headers.emplace_back("Referrer-Policy", "same-origin");
  r.headers.emplace_back("Vary", "Accept-Encoding");
  if (!f.gzip.empty() && req.header("accept-encoding").find("gzip") != std::string_view::npos) {
    r.headers.emplace_back("Content-Encoding", "gzip");
    r.body = f.gzip;
  } else {
    r.body = f.body;
  }
  return r;
}

std::optional<Response> StaticFiles::serve(const Request& req) const {
  if (req.method != "GET" && req.method != "HEAD") return std::nullopt;
  const std::string& path = req.path;
  if (path.rfind("/api/", 0) == 0 || path == "/api" || path == "/healthz" || path == "/metrics") {
    return std::nullopt;
  }
  if (path.find("..") != std::string::npos) return std::nullopt;
  auto it = files_.find(path == "/" ? "/index.html" : path);
  if (it != files_.end()) return answer(it->first, it->second, req);
  // A missing asset is a 404; any other path belongs to the client-side router.
  if (path.rfind("/assets/", 0) == 0 || std::filesystem::path(path).has_extension())
    return std::nullopt;
  auto index = files_.find("/index.html");
  return answer(index->first, index->second, req);
}

}  // namespace anlan::http

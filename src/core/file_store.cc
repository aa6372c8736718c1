#include "core/file_store.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/crypto.h"
#include "core/text.h"

namespace anlan {

Status validateFileName(std::string_view name, const std::string& field) {
  if (name.empty() || name.size() > 200)
    return Error::invalid(field, field + " must be a file name of 1 to 200 bytes");
  if (!text::validUtf8(name)) return Error::invalid(field, field + " is not valid UTF-8");
  if (text::hasAnyControl(name) || name.find_first_of("\"/\\") != std::string_view::npos ||
      name == "." || name == "..") {
    return Error::invalid(
        field, field + " must not contain control characters, quotes, slashes or backslashes");
  }
  return {};
}

namespace {

namespace fs = std::filesystem;

bool startsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

Status syncPath(const std::string& path, int flags) {
  int fd = ::open(path.c_str(), flags);
  if (fd < 0) return Error::internal("cannot open " + path + ": " + std::strerror(errno));
  int rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0) return Error::internal("cannot sync " + path + ": " + std::strerror(errno));
  return {};
}

}  // namespace

std::optional<std::string> sniffMediaType(std::string_view b) {
  if (startsWith(b, "\xFF\xD8\xFF")) return "image/jpeg";
  if (startsWith(b, "\x89PNG\r\n\x1A\n")) return "image/png";
  if (startsWith(b, "%PDF-")) return "application/pdf";
  return std::nullopt;
}

std::optional<std::string> mediaTypeOfName(std::string_view name) {
  auto dot = name.rfind('.');
  if (dot == std::string_view::npos) return std::nullopt;
  std::string ext = lower(name.substr(dot + 1));
  if (ext == "jpg" || ext == "jpeg") return "image/jpeg";
  if (ext == "png") return "image/png";
  if (ext == "pdf") return "application/pdf";
  return std::nullopt;
}

Result<std::string> checkUpload(std::string_view name, std::string_view bytes) {
  TRY_STATUS(validateFileName(name));
  auto promised = mediaTypeOfName(name);
  if (!promised) {
    return Error::invalid("name", "only JPEG, PNG and PDF files are accepted (.jpg, .png, .pdf)");
  }
  if (bytes.empty()) return Error::invalid("file", "the file is empty");
  auto actual = sniffMediaType(bytes);
  if (!actual || *actual != *promised) {
    if (!actual) {
      return Error::invalid("file", "the file's content is not " + *promised + " as its name says");
    }
    return Error::invalid("file", "the file's content is not " + *promised +
                                      " as its name says (it is " + *actual + ")");
  }
  return *actual;
}

std::string FileStore::pathOf(const std::string& sha256) const {
  return dir_ + "/" + sha256.substr(0, 2) + "/" + sha256;
}

Result<std::string> FileStore::put(std::string_view bytes) {
  static std::atomic<std::uint64_t> counter{0};
  std::string sha = sha256Hex(bytes);
  std::string path = pathOf(sha);
  std::error_code ec;
  if (fs::exists(path, ec)) return sha;
  std::string folder = dir_ + "/" + sha.substr(0, 2);
  fs::create_directories(folder, ec);
  if (ec) return Error::internal("cannot create " + folder + ": " + ec.message());
  std::string tmp = path + ".tmp" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0640);
  if (fd < 0) return Error::internal("cannot write " + tmp + ": " + std::strerror(errno));
  std::size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ::close(fd);
      ::unlink(tmp.c_str());
      return Error::internal("cannot write " + tmp + ": " + std::strerror(errno));
    }
    done += static_cast<std::size_t>(n);
  }
  bool synced = ::fsync(fd) == 0;
  ::close(fd);
  if (!synced) {
    ::unlink(tmp.c_str());
    return Error::internal("cannot sync " + tmp);
  }
  fs::rename(tmp, path, ec);
  if (ec) return Error::internal("cannot store " + path + ": " + ec.message());
  TRY_STATUS(syncPath(folder, O_RDONLY | O_DIRECTORY));
  return sha;
}

Result<std::string> FileStore::get(const std::string& sha256) const {
  if (sha256.size() != 64 || sha256.find_first_not_of("0123456789abcdef") != std::string::npos) {
    return Error::notFound("no such file");
  }
  std::ifstream in(pathOf(sha256), std::ios::binary);
  if (!in) return Error::notFound("no such file");
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace anlan

#include "http/origin.h"

#include <algorithm>
#include <cctype>
#include <sstream>

namespace anlan::http {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// "https://host:443" and "https://host" are the same origin.
std::string canonical(std::string_view origin) {
  std::string o = lower(origin);
  if (o.size() > 4 && o.compare(o.size() - 4, 4, ":443") == 0 && o.rfind("https://", 0) == 0)
    o.resize(o.size() - 4);
  if (o.size() > 3 && o.compare(o.size() - 3, 3, ":80") == 0 && o.rfind("http://", 0) == 0)
    o.resize(o.size() - 3);
  while (!o.empty() && o.back() == '/') o.pop_back();
  return o;
}

}  // namespace

OriginPolicy::OriginPolicy(std::vector<std::string> allowed) {
  for (auto& o : allowed) allowed_.push_back(canonical(o));
}

OriginPolicy OriginPolicy::parse(const std::string& list) {
  std::vector<std::string> all;
  std::istringstream in(list);
  for (std::string o; in >> o;) all.push_back(o);
  return OriginPolicy(std::move(all));
}

Status OriginPolicy::check(const Request& req) const {
  std::string_view origin = req.header("origin");
  if (origin.empty()) return {};
  std::string given = canonical(origin);
  bool ok;
  if (allowed_.empty()) {
    std::string_view host = req.header("host");
    ok = !host.empty() &&
         given == canonical(std::string(req.tls ? "https://" : "http://") + std::string(host));
  } else {
    ok = std::find(allowed_.begin(), allowed_.end(), given) != allowed_.end();
  }
  if (!ok) {
    return Error{Code::kPermissionDenied,
                 "requests from the page at " + std::string(origin.substr(0, 200)) +
                     " are not accepted here (see the public_origins setting)",
                 "origin"};
  }
  return {};
}

}  // namespace anlan::http

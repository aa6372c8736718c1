#include "http/router.h"

#include <string_view>

#include "http/params.h"

namespace anlan::http {
namespace {

// Matches `path` against `pattern`, collecting {params}. No allocation on mismatch.
bool matchPath(std::string_view pattern, std::string_view path,
               std::map<std::string, std::string>* params) {
  while (!pattern.empty() || !path.empty()) {
    if (pattern.empty() || path.empty() || pattern[0] != '/' || path[0] != '/') return false;
    pattern.remove_prefix(1);
    path.remove_prefix(1);
    auto pe = pattern.find('/');
    auto se = path.find('/');
    std::string_view pseg = pattern.substr(0, pe), seg = path.substr(0, se);
    if (pseg.size() > 2 && pseg.front() == '{' && pseg.back() == '}') {
      if (seg.empty()) return false;
      if (params) (*params)[std::string(pseg.substr(1, pseg.size() - 2))] = std::string(seg);
    } else if (pseg != seg) {
      return false;
    }
    pattern = pe == std::string_view::npos ? std::string_view() : pattern.substr(pe);
    path = se == std::string_view::npos ? std::string_view() : path.substr(se);
  }
  return true;
}

// What every route does around its own work: parameters that are not text are refused before
// the handler sees them, and the answer is finished (errors logged with the request id).
Handler atTheEdge(Handler h) {
  return [h = std::move(h)](Request& req) -> Response {
    Status checked = checkParams(req);
    Response res = checked.ok() ? h(req) : errorResponse(checked.error());
    finishResponse(req, res);
    return res;
  };
}

QuickHandler atTheEdge(QuickHandler q) {
  if (!q) return q;
  return [q = std::move(q)](Request& req) -> std::optional<Response> {
    Status checked = checkParams(req);
    std::optional<Response> res = checked.ok() ? q(req) : errorResponse(checked.error());
    if (res) finishResponse(req, *res);
    return res;
  };
}

}  // namespace

Handler handler(std::function<Result<Response>(Request&)> fn) {
  return [fn = std::move(fn)](Request& req) -> Response {
    Result<Response> r = fn(req);
    return r.ok() ? std::move(r).value() : errorResponse(r.error());
  };
}

void Router::add(std::string method, std::string pattern, Handler handler, std::string summary) {
  routes_.push_back({std::move(method),
                     std::move(pattern),
                     atTheEdge(std::move(handler)),
                     std::move(summary),
                     {}});
}

void Router::add(std::string method, std::string pattern, Endpoint endpoint, std::string summary) {
  routes_.push_back({std::move(method), std::move(pattern), atTheEdge(std::move(endpoint.handler)),
                     std::move(summary), atTheEdge(std::move(endpoint.quick))});
}

Router::Match Router::match(Request& req) const {
  Match m;
  std::string_view method = req.method == "HEAD" ? std::string_view("GET") : req.method;
  for (const auto& r : routes_) {
    if (!matchPath(r.pattern, req.path, nullptr)) continue;
    if (r.method != method) {
      m.path_known = true;
      m.allow += (m.allow.empty() ? "" : ", ") + r.method;
      continue;
    }
    matchPath(r.pattern, req.path, &req.params);
    m.route = &r;
    return m;
  }
  return m;
}

}  // namespace anlan::http

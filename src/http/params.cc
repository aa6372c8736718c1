#include "http/params.h"

#include <charconv>
#include <cmath>
#include <cstdlib>

#include "core/text.h"

namespace anlan::http {
namespace {

std::optional<std::int64_t> toInt(const std::string& s) {
  std::int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

}  // namespace

Status checkParams(const Request& req) {
  for (const auto& [name, value] : req.query) {
    if (!text::checkText(name, name).ok()) {
      return Error::invalid("query", "a query parameter's name is not valid text");
    }
    TRY_STATUS(text::checkText(name, value));
  }
  for (const auto& [name, value] : req.params) TRY_STATUS(text::checkText(name, value));
  return {};
}

Result<int> limitParam(const Request& req, int def, int max) {
  auto text = req.queryParam("limit");
  if (!text) return def;
  auto v = toInt(*text);
  if (!v || *v < 1 || *v > max) {
    return Error::invalid("limit", "limit must be an integer from 1 to " + std::to_string(max));
  }
  return static_cast<int>(*v);
}

Result<std::optional<std::int64_t>> intParam(const Request& req, const std::string& name) {
  auto text = req.queryParam(name);
  if (!text || text->empty()) return std::optional<std::int64_t>();
  auto v = toInt(*text);
  if (!v) return Error::invalid(name, name + " must be an integer");
  return std::optional<std::int64_t>(*v);
}

Result<double> numberParam(const Request& req, const std::string& name) {
  auto text = req.queryParam(name);
  char* end = nullptr;
  double v = text ? std::strtod(text->c_str(), &end) : 0;
  if (!text || text->empty() || end != text->c_str() + text->size() || !std::isfinite(v)) {
    return Error::invalid(name, name + " must be a number (WGS-84 degrees)");
  }
  return v;
}

std::optional<std::string> textParam(const Request& req, const std::string& name) {
  auto text = req.queryParam(name);
  if (!text || text->empty()) return std::nullopt;
  return text;
}

Result<std::int64_t> idParam(const Request& req, const std::string& name) {
  auto it = req.params.find(name);
  if (it == req.params.end()) return Error::notFound("not found");
  auto v = toInt(it->second);
  if (!v || *v < 1) return Error::notFound("not found");
  return *v;
}

Result<std::optional<bool>> boolParam(const Request& req, const std::string& name) {
  auto v = textParam(req, name);
  if (!v) return std::optional<bool>();
  if (*v == "1" || *v == "true") return std::optional<bool>(true);
  if (*v == "0" || *v == "false") return std::optional<bool>(false);
  return Error::invalid(name, name + " must be true or false");
}

Result<std::string> formatParam(const Request& req) {
  auto format = textParam(req, "format").value_or("json");
  if (format != "csv" && format != "xlsx" && format != "json") {
    return Error::invalid("format", "format must be json, csv or xlsx");
  }
  return format;
}

}  // namespace anlan::http

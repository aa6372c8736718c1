#include "core/json.h"

#include <cmath>

#include "core/text.h"

namespace anlan::json {

namespace {

// Whether every number in `v` is finite. Boost.JSON reads 1e400 as infinity, which it would
// write back as `Infinity`: not JSON. Depth is bounded by the parser (32 by default).
bool finiteNumbers(const bj::value& v) {
  if (v.is_double()) return std::isfinite(v.as_double());
  if (const auto* a = v.if_array()) {
    for (const auto& e : *a) {
      if (!finiteNumbers(e)) return false;
    }
  }
  if (const auto* o = v.if_object()) {
    for (const auto& kv : *o) {
      if (!finiteNumbers(kv.value())) return false;
    }
  }
  return true;
}

}  // namespace

Result<bj::object> parseObject(std::string_view text) {
  boost::system::error_code ec;
  bj::value v = bj::parse(text, ec);
  if (ec) return Error::invalid("body", "request body is not valid JSON: " + ec.message());
  if (!v.is_object()) return Error::invalid("body", "request body must be a JSON object");
  if (!finiteNumbers(v)) return Error::invalid("body", "a number in the request body is too large");
  return std::move(v.as_object());
}

Result<std::optional<std::string>> optionalString(const bj::object& o, std::string_view field,
                                                  std::size_t max_len) {
  auto it = o.find(field);
  if (it == o.end() || it->value().is_null()) return std::optional<std::string>();
  if (!it->value().is_string()) {
    return Error::invalid(std::string(field), std::string(field) + " must be a string");
  }
  std::string s(it->value().as_string());
  if (s.size() > max_len) {
    return Error::invalid(std::string(field), std::string(field) + " is longer than " +
                                                  std::to_string(max_len) + " bytes");
  }
  TRY_STATUS(text::checkText(field, s));
  return std::optional<std::string>(std::move(s));
}

Result<std::string> requireString(const bj::object& o, std::string_view field,
                                  std::size_t max_len) {
  TRY(auto s, optionalString(o, field, max_len));
  if (!s || s->empty()) {
    return Error::invalid(std::string(field), std::string(field) + " is required");
  }
  return std::move(*s);
}

Result<std::optional<std::int64_t>> optionalInt(const bj::object& o, std::string_view field) {
  auto it = o.find(field);
  if (it == o.end() || it->value().is_null()) return std::optional<std::int64_t>();
  const bj::value& v = it->value();
  if (v.is_int64()) return std::optional<std::int64_t>(v.as_int64());
  if (v.is_uint64() && v.as_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) {
    return std::optional<std::int64_t>(static_cast<std::int64_t>(v.as_uint64()));
  }
  return Error::invalid(std::string(field), std::string(field) + " must be an integer");
}

Result<std::int64_t> requireInt(const bj::object& o, std::string_view field) {
  TRY(auto v, optionalInt(o, field));
  if (!v) return Error::invalid(std::string(field), std::string(field) + " is required");
  return *v;
}

Result<std::optional<bool>> optionalBool(const bj::object& o, std::string_view field) {
  auto it = o.find(field);
  if (it == o.end() || it->value().is_null()) return std::optional<bool>();
  if (!it->value().is_bool()) {
    return Error::invalid(std::string(field), std::string(field) + " must be true or false");
  }
  return std::optional<bool>(it->value().as_bool());
}

Result<std::optional<geo::LonLat>> optionalLonLat(const bj::object& o, std::string_view field) {
  auto it = o.find(field);
  if (it == o.end() || it->value().is_null()) return std::optional<geo::LonLat>();
  const bj::object* loc = it->value().if_object();
  auto num = [&](const char* k) -> std::optional<double> {
    const bj::value* v = loc ? loc->if_contains(k) : nullptr;
    if (v && v->is_double()) return v->as_double();
    if (v && v->is_int64()) return static_cast<double>(v->as_int64());
    return std::nullopt;
  };
  auto lon = num("lon"), lat = num("lat");
  if (!lon || !lat) {
    return Error::invalid(
        std::string(field),
        std::string(field) + " must be {\"lon\": number, \"lat\": number} or null");
  }
  return std::optional<geo::LonLat>(geo::LonLat{*lon, *lat});
}

Result<const bj::object*> optionalObject(const bj::object& o, std::string_view field) {
  auto it = o.find(field);
  if (it == o.end() || it->value().is_null()) return static_cast<const bj::object*>(nullptr);
  if (!it->value().is_object()) {
    return Error::invalid(std::string(field), std::string(field) + " must be an object");
  }
  return &it->value().as_object();
}

Error unknownField(std::string_view key) {
  // An empty name cannot name the field: the error names the body instead.
  if (key.empty()) return Error::invalid("body", "a field with an empty name is not allowed");
  std::string k(key);
  return Error::invalid(k, "unknown field '" + k + "'");
}

Status onlyFields(const bj::object& o, std::initializer_list<std::string_view> allowed) {
  return onlyFields(o, std::vector<std::string_view>(allowed));
}

Status onlyFields(const bj::object& o, const std::vector<std::string_view>& allowed) {
  for (const auto& kv : o) {
    bool known = false;
    for (auto a : allowed) known = known || kv.key() == a;
    if (!known) return unknownField(kv.key());
  }
  return {};
}

}  // namespace anlan::json

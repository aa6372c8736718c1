#include <charconv>
#include <cstdlib>

#include "db/database.h"

namespace anlan::db {

std::int64_t Row::i64(std::size_t i) const {
  const Value& v = values_.at(i);
  if (auto p = std::get_if<std::int64_t>(&v)) return *p;
  if (auto p = std::get_if<double>(&v)) return static_cast<std::int64_t>(*p);
  if (auto p = std::get_if<std::string>(&v)) {
    std::int64_t out = 0;
    std::from_chars(p->data(), p->data() + p->size(), out);
    return out;
  }
  return 0;
}

double Row::f64(std::size_t i) const {
  const Value& v = values_.at(i);
  if (auto p = std::get_if<double>(&v)) return *p;
  if (auto p = std::get_if<std::int64_t>(&v)) return static_cast<double>(*p);
  if (auto p = std::get_if<std::string>(&v)) return std::strtod(p->c_str(), nullptr);
  return 0;
}

std::string Row::str(std::size_t i) const {
  const Value& v = values_.at(i);
  if (auto p = std::get_if<std::string>(&v)) return *p;
  if (auto p = std::get_if<std::int64_t>(&v)) return std::to_string(*p);
  if (auto p = std::get_if<double>(&v)) return std::to_string(*p);
  return {};
}

std::optional<std::int64_t> Row::optI64(std::size_t i) const {
  if (isNull(i)) return std::nullopt;
  return i64(i);
}

std::optional<std::string> Row::optStr(std::size_t i) const {
  if (isNull(i)) return std::nullopt;
  return str(i);
}

}  // namespace anlan::db

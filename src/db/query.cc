#include "db/query.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "core/crypto.h"

namespace anlan::db {
namespace {

Error badCursor() { return Error::invalid("cursor", "cursor is not one this server gave"); }

}  // namespace

std::string encodeCursor(const boost::json::value& key, std::int64_t id) {
  return base64Url(boost::json::serialize(boost::json::array{key, id}));
}

Result<Keyset> decodeCursor(std::string_view cursor) {
  auto text = base64UrlDecode(std::string(cursor));
  if (!text) return badCursor();
  boost::system::error_code ec;
  auto v = boost::json::parse(*text, ec);
  // The server only ever makes [integer or text, integer]; anything else is not one of its.
  if (ec || !v.is_array() || v.as_array().size() != 2 || !v.as_array()[1].is_int64() ||
      !(v.as_array()[0].is_int64() || v.as_array()[0].is_string())) {
    return badCursor();
  }
  return Keyset{v.as_array()[0], v.as_array()[1].as_int64()};
}

Result<std::string> after(const Order& order, const Keyset& k, std::vector<Value>& params) {
  if (order.text && k.key.is_string()) {
    params.emplace_back(std::string(k.key.as_string()));
  } else if (!order.text && k.key.is_int64()) {
    params.emplace_back(k.key.as_int64());
  } else {
    return Error::invalid("cursor", "cursor does not match the sort");
  }
  params.emplace_back(k.id);
  return " AND (" + std::string(order.column) + ", " + std::string(order.id_column) +
         (order.descending ? ") < (?, ?)" : ") > (?, ?)");
}

std::string orderBy(const Order& order) {
  const char* dir = order.descending ? " DESC" : "";
  return " ORDER BY " + std::string(order.column) + dir + ", " + std::string(order.id_column) + dir;
}

std::string lowerAscii(std::string s) {
  for (auto& ch : s) {
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  }
  return s;
}

std::string contains(std::string_view column, std::string_view text, std::vector<Value>& params) {
  std::string pattern = "%";
  for (char ch : text) {
    if (ch == '%' || ch == '_' || ch == '\\') pattern.push_back('\\');
    pattern.push_back(ch);
  }
  pattern.push_back('%');
  params.emplace_back(std::move(pattern));
  return " AND " + std::string(column) + " LIKE ? ESCAPE '\\'";
}

}  // namespace anlan::db

// Pieces of SQL every store needs in the same shape: keyset paging with opaque cursors, and text
// search with LIKE. One text for both engines.
#pragma once

#include <boost/json/value.hpp>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "core/result.h"
#include "db/database.h"

namespace anlan::db {

// Where a page ended: the sort key and the id of its last row. Clients see it only as an opaque
// cursor (base64url of the JSON array [key, id]).
struct Keyset {
  boost::json::value key;
  std::int64_t id = 0;
};

std::string encodeCursor(const boost::json::value& key, std::int64_t id);
// The keyset of a cursor encodeCursor made; invalid_argument on "cursor" for anything else.
Result<Keyset> decodeCursor(std::string_view cursor);

// A keyset order: ORDER BY column, id_column (both descending when `descending`).
struct Order {
  std::string_view column, id_column;
  bool text = false;  // the column holds text (else integers)
  bool descending = false;
};

// The condition (starting with " AND ") for rows after `k` in `order`. invalid_argument on
// "cursor" when the key is not of the column's kind (a cursor of another sort).
Result<std::string> after(const Order& order, const Keyset& k, std::vector<Value>& params);
// " ORDER BY column, id_column", with DESC when descending.
std::string orderBy(const Order& order);

// Every row a keyset-paged `list(query)` gives (a Result of a page with `items` and
// `next_cursor`), page after page of 1000 from the first, in the caller's snapshot;
// resource_exhausted past `max` rows (an export asked for more than it may hold).
template <class Query, class List>
auto everyPage(Query q, int max, List list)
    -> Result<std::decay_t<decltype(list(q).value().items)>> {
  std::decay_t<decltype(list(q).value().items)> all;
  q.limit = 1000;
  q.cursor.clear();
  for (;;) {
    TRY(auto page, list(q));
    for (auto& item : page.items) all.push_back(std::move(item));
    if (static_cast<int>(all.size()) > max) {
      return Error{Code::kResourceExhausted,
                   "more than " + std::to_string(max) + " rows: narrow the filters",
                   {}};
    }
    if (!page.next_cursor) break;
    q.cursor = *page.next_cursor;
  }
  return all;
}

// ASCII letters lower-cased (search columns are stored this way; other bytes are kept).
std::string lowerAscii(std::string s);
// The condition " AND column LIKE ? ESCAPE '\'" matching rows whose column contains `text`
// literally (%, _ and \ in it match themselves).
std::string contains(std::string_view column, std::string_view text, std::vector<Value>& params);

}  // namespace anlan::db

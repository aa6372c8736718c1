// What every list route answers: a page of items with the cursor of the next page as JSON, or
// every row the filters select as a CSV/xlsx download.
#pragma once

#include <boost/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/csv.h"
#include "core/table_export.h"
#include "http/download.h"
#include "http/message.h"

namespace anlan::http {

// {"items": [toJson(item)…], "next_cursor": next or null}.
template <class Item, class ToJson>
Response pageResponse(const std::vector<Item>& items, const std::optional<std::string>& next,
                      ToJson toJson) {
  boost::json::array out;
  out.reserve(items.size());
  for (const auto& item : items) out.push_back(toJson(item));
  return jsonResponse(boost::json::object{
      {"items", std::move(out)}, {"next_cursor", next ? boost::json::value(*next) : nullptr}});
}

// The rows as a table in `format` (csv or xlsx), each made by toRow, as exportResponse names it.
template <class Item, class ToRow>
Result<Response> tableResponse(const std::string& format, const std::string& name,
                               const csv::Record& header, const std::vector<Item>& rows,
                               ToRow toRow, const std::string& day) {
  std::vector<csv::Record> table;
  table.reserve(rows.size());
  for (const auto& row : rows) table.push_back(toRow(row));
  return exportResponse(format, name, header, table, day);
}

// The rows as people read them (Chinese headers, names, Beijing time) or, with `codes`, as
// machines do: `columns` says both.
template <class Item>
Result<Response> tableResponse(const std::string& format, const std::string& name,
                               const std::vector<Column<Item>>& columns,
                               const std::vector<Item>& rows, bool codes, const std::string& day) {
  std::vector<csv::Record> table;
  table.reserve(rows.size());
  for (const auto& row : rows) table.push_back(rowOf(columns, row, codes));
  return exportResponse(format, name, headerOf(columns, codes), table, day);
}

}  // namespace anlan::http

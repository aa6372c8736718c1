// Tables (a header and rows of text) written as CSV or .xlsx, for "export what the filters show".
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/csv.h"
#include "core/result.h"

namespace anlan {

// Whether a spreadsheet would read text cell `cell` as a formula (OWASP CSV injection): it starts
// with = + - @ TAB or CR and is not a plain number such as -5 or +3.25.
bool looksLikeFormula(std::string_view cell);

// CSV with a UTF-8 byte-order mark, so that spreadsheet programs read Chinese text correctly.
// A cell that looksLikeFormula is written quoted with a leading single quote ("'=1+1"), so that
// it stays text; every other cell as it is.
std::string tableCsv(const csv::Record& header, const std::vector<csv::Record>& rows);
// An .xlsx workbook with one sheet (libxlsxwriter). Every cell is a string cell, never a formula,
// so cells are written as they are (no quote prefix). Thread-safe.
Result<std::string> tableXlsx(const std::string& sheet, const csv::Record& header,
                              const std::vector<csv::Record>& rows);

// One column of an export, written once for both readers: people get `header` (Chinese) and
// `name` (names, labels, Beijing times); machines, with the `codes` option, get `key` and `code`.
// An import reads either form back (Column::parse).
template <class Row>
struct Column {
  std::string key, header;
  std::function<std::string(const Row&)> code;
  std::function<std::string(const Row&)> name;  // empty: people read the code too
};

template <class Row>
csv::Record headerOf(const std::vector<Column<Row>>& cols, bool codes) {
  csv::Record out;
  out.reserve(cols.size());
  for (const auto& c : cols) out.push_back(codes ? c.key : c.header);
  return out;
}

template <class Row>
csv::Record rowOf(const std::vector<Column<Row>>& cols, const Row& row, bool codes) {
  csv::Record out;
  out.reserve(cols.size());
  for (const auto& c : cols) out.push_back(codes || !c.name ? c.code(row) : c.name(row));
  return out;
}

// The key of the column whose key or header is `text` (an import's header cell), if any.
template <class Row>
const Column<Row>* columnNamed(const std::vector<Column<Row>>& cols, std::string_view text) {
  for (const auto& c : cols) {
    if (c.key == text || c.header == text) return &c;
  }
  return nullptr;
}

// A code and how people name it, for the labels of a table.
struct Label {
  std::string_view code, name;
};
// The name of `code`, or the code itself when the table has none.
std::string nameOf(const std::vector<Label>& labels, std::string_view code);
// The code `text` is (a code or a name of the table), if any.
std::optional<std::string> codeOfLabel(const std::vector<Label>& labels, std::string_view text);

// "是"/"否" for people, "1"/"0" for machines.
inline std::string yesNo(bool v) { return v ? "是" : "否"; }

struct ExportFile {
  std::string body, media_type, extension;
};
// The table in `format` ("csv" or "xlsx"); any other format is invalid_argument on "format".
Result<ExportFile> exportTable(const std::string& format, const std::string& sheet,
                               const csv::Record& header, const std::vector<csv::Record>& rows);

}  // namespace anlan

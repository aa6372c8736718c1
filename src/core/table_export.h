// Tables (a header and rows of text) written as CSV or .xlsx, for "export what the filters show".
#pragma once

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

struct ExportFile {
  std::string body, media_type, extension;
};
// The table in `format` ("csv" or "xlsx"); any other format is invalid_argument on "format".
Result<ExportFile> exportTable(const std::string& format, const std::string& sheet,
                               const csv::Record& header, const std::vector<csv::Record>& rows);

}  // namespace anlan

// Tables (a header and rows of text) written as CSV or .xlsx, for "export what the filters show".
#pragma once

#include <string>
#include <vector>

#include "core/csv.h"
#include "core/result.h"

namespace anlan {

// CSV with a UTF-8 byte-order mark, so that spreadsheet programs read Chinese text correctly.
std::string tableCsv(const csv::Record& header, const std::vector<csv::Record>& rows);
// An .xlsx workbook with one sheet (libxlsxwriter). Thread-safe.
Result<std::string> tableXlsx(const std::string& sheet, const csv::Record& header,
                              const std::vector<csv::Record>& rows);

struct ExportFile {
  std::string body, media_type, extension;
};
// The table in `format` ("csv" or "xlsx"); any other format is invalid_argument on "format".
Result<ExportFile> exportTable(const std::string& format, const std::string& sheet,
                               const csv::Record& header, const std::vector<csv::Record>& rows);

}  // namespace anlan

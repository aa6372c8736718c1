// CSV (RFC 4180) reading and writing: quoted fields, doubled quotes, CRLF or LF, a UTF-8 BOM.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace anlan::csv {

using Record = std::vector<std::string>;

// Parses all records of UTF-8 text. An unterminated quote, bytes that are not UTF-8 and control
// characters other than TAB, CR and LF (NUL among them) are invalid_argument on "file", naming
// the line.
Result<std::vector<Record>> parse(std::string_view text);
// Appends one field, quoted when it needs to be (or always, with `force_quote`).
void appendField(std::string& out, std::string_view field, bool force_quote = false);
// Appends one record, quoting fields that need it, ending with CRLF. Writes the fields as they
// are: an export for spreadsheets defuses formulas first (tableCsv in core/table_export.h).
void append(std::string& out, const Record& fields);

}  // namespace anlan::csv

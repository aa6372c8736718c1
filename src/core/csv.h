// CSV (RFC 4180) reading and writing: quoted fields, doubled quotes, CRLF or LF, a UTF-8 BOM.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace anlan::csv {

using Record = std::vector<std::string>;

// Parses all records. An unterminated quote is invalid_argument naming the line.
Result<std::vector<Record>> parse(std::string_view text);
// Appends one record, quoting fields that need it, ending with CRLF.
void append(std::string& out, const Record& fields);

}  // namespace anlan::csv

// Enterprises to and from JSON and CSV rows (the import and export columns).
#pragma once

#include <boost/json.hpp>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/csv.h"
#include "core/result.h"
#include "core/table_export.h"
#include "enterprise/model.h"
#include "org/registry.h"

namespace anlan::enterprise {

boost::json::object toJson(const Enterprise& e);
// Reads the fields of a create request into `e`.
Status fromJson(const boost::json::object& o, Enterprise& e);
// Applies the fields present in a PATCH body to `e` ("version" is read by the caller).
Status applyPatch(const boost::json::object& o, Enterprise& e);

// How people name risk colours (重大风险 …) and enterprise sizes (大型 …).
const std::vector<Label>& riskColorLabels();
const std::vector<Label>& sizeLabels();
// The columns of the enterprise table, for exports (names and Chinese headers, or codes) and
// imports, which read either form of the first twelve (name … major_hazard_installations).
std::vector<Column<Enterprise>> tableColumns(const org::Registry& reg, const Calendar& cal);
// The header of an import, checked: trailing spaces dropped, every column known by its key or
// its Chinese header (the export's extra columns are allowed, so an exported file imports as it
// is) and the required ones present; returned as keys. invalid_argument on "file" otherwise.
Result<std::vector<std::string>> importHeader(const csv::Record& first_row);
// An import file to fill in: its header and one example row, in Chinese and names or (codes) by
// key and code.
std::vector<csv::Record> importTemplate(const org::Registry& reg, bool codes);
// Reads one import row by header positions (keys, from importHeader); names read as codes (a
// jurisdiction by code, full name or unique name; sectors by code or name, separated by 、 | or
// commas; 重大风险 …, 大型 …, 是/否). Field errors name the column.
Status fromCsvRow(const std::vector<std::string>& header, const csv::Record& row, Enterprise& e,
                  const org::Registry& reg);

}  // namespace anlan::enterprise

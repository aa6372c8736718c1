// Enterprises to and from JSON and CSV rows (the import and export columns).
#pragma once

#include <boost/json.hpp>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/csv.h"
#include "core/result.h"
#include "enterprise/model.h"

namespace anlan::enterprise {

boost::json::object toJson(const Enterprise& e);
// Reads the fields of a create request into `e`.
Status fromJson(const boost::json::object& o, Enterprise& e);
// Applies the fields present in a PATCH body to `e` ("version" is read by the caller).
Status applyPatch(const boost::json::object& o, Enterprise& e);

// The import/export columns, in order.
const std::vector<std::string>& csvColumns();
// The export row of `e` (csvColumns() followed by id, active, demo, updated_at).
csv::Record toCsvRow(const Enterprise& e, const Calendar& cal);
const std::vector<std::string>& exportColumns();
// The header row of an import, checked: trailing spaces dropped, every column known (the export's
// extra columns are allowed, so an exported file imports as it is) and the required ones present.
// invalid_argument on "file" otherwise.
Result<std::vector<std::string>> importHeader(const csv::Record& first_row);
// Reads one import row by header positions; field errors name the column.
Status fromCsvRow(const std::vector<std::string>& header, const csv::Record& row, Enterprise& e);

}  // namespace anlan::enterprise

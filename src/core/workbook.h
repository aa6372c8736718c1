// Workbooks laid out for printing and filing (台账): several sheets, each with a merged title,
// lines under it, a header of one or two levels, rows of wrapped text, column widths, the header
// frozen, and A4 landscape pages fitted to the width with the header repeated on every page.
#pragma once

#include <string>
#include <vector>

#include "core/csv.h"
#include "core/result.h"

namespace anlan {

struct WorkbookColumn {
  std::string group;   // the upper header cell shared by consecutive columns; "" for none
  std::string header;  // the column's own header cell
  double width = 12;   // in characters of the default font (a Chinese character counts about 2)
};

struct WorkbookSheet {
  std::string name;                // the sheet's tab (at most 31 characters, no []:*?/\)
  std::string title;               // merged across the columns, large and bold
  std::vector<std::string> lines;  // each merged across the columns under the title
  std::vector<WorkbookColumn> columns;
  std::vector<csv::Record> rows;  // text only, never formulas; each as wide as `columns`
  std::string empty_note;         // shown under the header when there are no rows
};

// The sheets as one .xlsx (libxlsxwriter). A column with a group gets a two-level header (the
// group merged across its columns above); one without spans both header rows. Every cell is a
// string cell. Thread-safe.
Result<std::string> workbookXlsx(const std::vector<WorkbookSheet>& sheets);

}  // namespace anlan

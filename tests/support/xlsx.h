// Reading back the .xlsx files the server writes (a zip of XML parts), with zlib only.
#pragma once

#include <string>
#include <vector>

namespace anlan::test {

// The uncompressed entry `name` of the zip archive `zip` (through its central directory); "" when
// there is no such entry or it cannot be read.
std::string zipEntry(const std::string& zip, const std::string& name);

// The sheet names of a workbook, in order.
std::vector<std::string> xlsxSheetNames(const std::string& xlsx);

// The cells of the `n`-th sheet (0-based) as rows of text: shared and inline strings resolved,
// XML entities decoded, missing cells "". Rows are as many as the last row written.
std::vector<std::vector<std::string>> xlsxSheet(const std::string& xlsx, int n);

// The text of every cell of every sheet, joined (to search a workbook for a word).
std::string xlsxText(const std::string& xlsx);

// The XML of the `n`-th sheet (0-based), for its merges, panes and page setup.
std::string xlsxSheetXml(const std::string& xlsx, int n);

}  // namespace anlan::test

// CSV files (core/csv.cc parse), as the enterprise import receives them, and the writers: what
// parse accepts is text, csv::append writes it back so that it parses to the same records, and
// tableCsv (the exports) changes nothing but the leading quote of formula-like cells.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/csv.h"
#include "core/table_export.h"
#include "core/text.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace csv = anlan::csv;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto records = csv::parse(text);
  if (!records.ok()) {
    FUZZ_CHECK(records.error().field == "file");
    FUZZ_CHECK(records.error().message.find("line ") != std::string::npos);
    return 0;
  }
  for (const auto& r : *records) {
    FUZZ_CHECK(!r.empty());
    FUZZ_CHECK(!(r.size() == 1 && r[0].empty()));  // blank lines are skipped
    for (const auto& f : r) FUZZ_CHECK(anlan::text::checkText("cell", f).ok());
  }
  // Written back (after a BOM, as exports are), the records parse to themselves.
  std::string out = "\xEF\xBB\xBF";
  for (const auto& r : *records) csv::append(out, r);
  auto again = csv::parse(out);
  FUZZ_CHECK(again.ok());
  FUZZ_CHECK(*again == *records);
  // An export of them: each cell is the same, or a formula-like one with a quote before it.
  if (records->empty()) return 0;
  std::vector<csv::Record> rows(records->begin() + 1, records->end());
  auto exported = csv::parse(anlan::tableCsv((*records)[0], rows));
  FUZZ_CHECK(exported.ok());
  FUZZ_CHECK(exported->size() == records->size());
  for (std::size_t i = 0; i < records->size(); ++i) {
    const auto& a = (*records)[i];
    const auto& b = (*exported)[i];
    FUZZ_CHECK(a.size() == b.size());
    for (std::size_t j = 0; j < a.size(); ++j) {
      FUZZ_CHECK(b[j] == (anlan::looksLikeFormula(a[j]) ? "'" + a[j] : a[j]));
      FUZZ_CHECK(!anlan::looksLikeFormula(b[j]));
    }
  }
  return 0;
}

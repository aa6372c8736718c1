// The enterprise CSV import (POST /api/v1/enterprises/import): core/csv parses the body, the
// first row is the header (enterprise/codec.cc importHeader), every other row is decoded with
// fromCsvRow and validated against Hengyang's registry, as EnterpriseService::importCsv does.
#include <cstdint>
#include <string_view>

#include "core/csv.h"
#include "core/text.h"
#include "enterprise/codec.h"
#include "enterprise/rules.h"
#include "fuzz_check.h"
#include "fuzz_registry.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  anlan::fuzz::registry();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace enterprise = anlan::enterprise;
  auto records = anlan::csv::parse(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!records.ok() || records->empty()) return 0;
  auto header = enterprise::importHeader((*records)[0]);
  if (!header.ok()) {
    FUZZ_CHECK(header.error().field == "file");
    return 0;
  }
  for (const auto& required : {"name", "credit_code", "sectors", "jurisdiction"}) {
    FUZZ_CHECK(std::find(header->begin(), header->end(), required) != header->end());
  }
  for (std::size_t i = 1; i < records->size() && i <= 200; ++i) {
    enterprise::Enterprise e;
    const auto& reg = anlan::fuzz::registry();
    auto row = enterprise::fromCsvRow(*header, (*records)[i], e, reg);
    if (!row.ok()) {
      FUZZ_CHECK(!row.error().field.empty());
      continue;
    }
    FUZZ_CHECK((*records)[i].size() == header->size());
    for (const auto& s : e.sectors) FUZZ_CHECK(!s.empty() && s.find('|') == std::string::npos);
    if (e.location) FUZZ_CHECK(std::isfinite(e.location->lon) && std::isfinite(e.location->lat));
    auto valid = enterprise::validate(e, anlan::fuzz::registry());
    if (valid.ok()) {
      FUZZ_CHECK(anlan::text::checkText("name", e.name).ok());
      FUZZ_CHECK(enterprise::validateCreditCode(e.credit_code).ok());
      // A valid row exports to a row that imports as the same enterprise, as people read it
      // (Chinese headers and names) and with codes.
      auto columns = enterprise::tableColumns(reg, anlan::Calendar());
      for (bool codes : {false, true}) {
        auto keys = enterprise::importHeader(anlan::headerOf(columns, codes));
        FUZZ_CHECK(keys.ok());
        enterprise::Enterprise back;
        FUZZ_CHECK(enterprise::fromCsvRow(*keys, anlan::rowOf(columns, e, codes), back, reg).ok());
        FUZZ_CHECK(back.credit_code == e.credit_code && back.sectors == e.sectors);
        FUZZ_CHECK(back.jurisdiction == e.jurisdiction && back.risk_color == e.risk_color);
        FUZZ_CHECK(back.size == e.size);
        FUZZ_CHECK(back.major_hazard_installations == e.major_hazard_installations);
      }
    }
  }
  return 0;
}

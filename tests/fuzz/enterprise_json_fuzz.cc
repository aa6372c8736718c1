// Enterprise request bodies (enterprise/codec.cc): POST /api/v1/enterprises (fromJson) and PATCH
// /api/v1/enterprises/{id} (applyPatch), then validate() against Hengyang's registry as the
// service does (credit code, jurisdiction, sectors, location inside the jurisdiction's outline),
// and the record's JSON and export row written back.
#include <boost/json.hpp>
#include <cstdint>
#include <string_view>

#include "core/json.h"
#include "core/text.h"
#include "enterprise/codec.h"
#include "enterprise/rules.h"
#include "fuzz_check.h"
#include "fuzz_registry.h"

namespace {

namespace bj = boost::json;
using anlan::enterprise::Enterprise;

void checkDecoded(const Enterprise& e) {
  for (const auto* s :
       {&e.name, &e.credit_code, &e.jurisdiction, &e.address, &e.risk_color, &e.size}) {
    FUZZ_CHECK(anlan::text::checkText("field", *s).ok());
  }
  for (const auto& s : e.sectors) FUZZ_CHECK(anlan::text::checkText("sectors", s).ok());
  auto valid = anlan::enterprise::validate(e, anlan::fuzz::registry());
  if (valid.ok()) {
    FUZZ_CHECK(anlan::enterprise::validateCreditCode(e.credit_code).ok());
    FUZZ_CHECK(!e.sectors.empty());
  } else {
    FUZZ_CHECK(!valid.error().field.empty());
  }
  std::string text = bj::serialize(anlan::enterprise::toJson(e));
  boost::system::error_code ec;
  (void)bj::parse(text, ec);
  FUZZ_CHECK(!ec);
  auto columns = anlan::enterprise::tableColumns(anlan::fuzz::registry(), anlan::Calendar());
  FUZZ_CHECK(anlan::rowOf(columns, e, false).size() == columns.size());
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  anlan::fuzz::registry();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto body = anlan::json::parseObject(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!body.ok()) return 0;
  Enterprise created;
  auto made = anlan::enterprise::fromJson(*body, created);
  if (made.ok()) {
    FUZZ_CHECK(!created.name.empty() && created.name.size() <= 200);
    FUZZ_CHECK(created.credit_code.size() <= 18);  // an empty sector list is validate()'s to refuse
    checkDecoded(created);
  } else {
    FUZZ_CHECK(made.error().code == anlan::Code::kInvalidArgument && !made.error().field.empty());
  }
  // A patch over a registered enterprise.
  Enterprise target;
  target.name = "衡阳市华盛化工有限公司";
  target.credit_code = "91430400MA4L0XXX0X";
  target.jurisdiction = "430405";
  target.sectors = {"hazardous_chemicals"};
  auto patched = anlan::enterprise::applyPatch(*body, target);
  if (patched.ok()) checkDecoded(target);
  return 0;
}

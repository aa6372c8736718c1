// Hazard request bodies (hazard/codec.cc): registration (fromJson), a step of the loop
// (transitionFromJson with its records: confirmation, assignment slip, five-item plan, the
// attachment ids), each record on its own, and what is sent back for them.
#include <boost/json.hpp>
#include <cstdint>
#include <string_view>

#include "core/json.h"
#include "core/text.h"
#include "fuzz_check.h"
#include "fuzz_registry.h"
#include "hazard/codec.h"

namespace {

namespace bj = boost::json;

void checkSerialises(const bj::value& v) {
  std::string text = bj::serialize(v);
  FUZZ_CHECK(anlan::text::validUtf8(text));
  boost::system::error_code ec;
  bj::value back = bj::parse(text, ec);
  FUZZ_CHECK(!ec);
}

template <class T>
void checkError(const anlan::Result<T>& r) {
  if (!r.ok())
    FUZZ_CHECK(r.error().code == anlan::Code::kInvalidArgument && !r.error().field.empty());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace hazard = anlan::hazard;
  auto body = anlan::json::parseObject(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!body.ok()) return 0;
  const bj::object& o = *body;

  hazard::Hazard h;
  auto made = hazard::fromJson(o, h);
  if (made.ok()) {
    FUZZ_CHECK(!h.sector.empty() && !h.description.empty() && h.description.size() <= 2000);
    FUZZ_CHECK(anlan::text::checkText("description", h.description).ok());
    checkSerialises(hazard::toJson(h));
    auto columns = hazard::tableColumns(anlan::fuzz::registry(), anlan::Calendar());
    for (bool codes : {false, true}) {
      FUZZ_CHECK(anlan::rowOf(columns, h, codes).size() == columns.size());
    }
  } else {
    FUZZ_CHECK(!made.error().field.empty());
  }

  auto step = hazard::transitionFromJson(o);
  checkError(step);
  if (step.ok()) {
    FUZZ_CHECK(step->attachments.size() <= 20);
    checkSerialises(hazard::confirmationJson(step->confirmation));
    checkSerialises(hazard::assignmentJson(step->assignment));
    checkSerialises(hazard::planJson(step->plan));
    if (step->plan) FUZZ_CHECK(step->plan->measures.size() <= 4000);
  }

  auto confirmation = hazard::confirmationFromJson(o);
  checkError(confirmation);
  if (confirmation.ok()) checkSerialises(hazard::confirmationJson(*confirmation));
  auto assignment = hazard::assignmentFromJson(o);
  checkError(assignment);
  if (assignment.ok()) checkSerialises(hazard::assignmentJson(*assignment));
  auto plan = hazard::planFromJson(o);
  checkError(plan);
  if (plan.ok()) checkSerialises(hazard::planJson(*plan));
  auto ids = hazard::attachmentIds(o);
  checkError(ids);
  if (ids.ok()) FUZZ_CHECK(ids->size() <= 20);
  return 0;
}

// Duty request bodies (duty/codec.cc): a rota shift (POST /api/v1/duty/shifts) and an intake
// report (POST /api/v1/intake), and their JSON written back.
#include <boost/json.hpp>
#include <cstdint>
#include <string_view>

#include "core/json.h"
#include "core/text.h"
#include "duty/codec.h"
#include "fuzz_check.h"

namespace {

void checkSerialises(const boost::json::object& o) {
  std::string text = boost::json::serialize(o);
  FUZZ_CHECK(anlan::text::validUtf8(text));
  boost::system::error_code ec;
  (void)boost::json::parse(text, ec);
  FUZZ_CHECK(!ec);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace duty = anlan::duty;
  auto body = anlan::json::parseObject(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!body.ok()) return 0;
  duty::Shift shift;
  auto s = duty::fromJson(*body, shift);
  if (s.ok()) {
    FUZZ_CHECK(!shift.leader.empty() && shift.leader.size() <= 100);
    for (const auto& name : shift.officers)
      FUZZ_CHECK(anlan::text::checkText("officers", name).ok());
    checkSerialises(duty::toJson(shift));
  } else {
    FUZZ_CHECK(!s.error().field.empty());
  }
  duty::Intake intake;
  auto i = duty::fromJson(*body, intake);
  if (i.ok()) {
    FUZZ_CHECK(!intake.reporter_name.empty() && !intake.place.empty());
    FUZZ_CHECK(anlan::text::checkText("place", intake.place).ok());
    checkSerialises(duty::toJson(intake));
  } else {
    FUZZ_CHECK(!i.error().field.empty());
  }
  auto start = duty::startFromJson(*body);
  if (start.ok()) {
    FUZZ_CHECK(!start->rooms.empty() || start->random >= 0);
    for (const auto& room : start->rooms) FUZZ_CHECK(room.size() <= 12);
    if (start->seed) FUZZ_CHECK(start->seed->size() <= 64);
  } else {
    FUZZ_CHECK(!start.error().field.empty());
  }
  auto a = duty::assessmentFromJson(*body);
  if (a.ok()) {
    FUZZ_CHECK(!a->assessment.empty() && a->report.size() <= 4000 && a->remarks.size() <= 4000);
  } else {
    FUZZ_CHECK(!a.error().field.empty());
  }
  return 0;
}

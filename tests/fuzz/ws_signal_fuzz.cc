// A text message a client sends on the event WebSocket: DutyService::relay (src/duty/service.cc)
// reads {"type":"signal","roll_call_id":…,"room":…,"data":{…}} with core/json and passes `data`
// on in an event, or answers call.signal_refused with the reason. This target makes the same
// calls in the same order and checks that both events it could publish serialise to valid JSON.
#include <boost/json.hpp>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/json.h"
#include "core/text.h"
#include "fuzz_check.h"

namespace {

namespace bj = boost::json;
namespace json = anlan::json;

void checkEvent(const bj::object& event) {
  std::string text = bj::serialize(event);
  FUZZ_CHECK(anlan::text::validUtf8(text));
  boost::system::error_code ec;
  bj::value back = bj::parse(text, ec);
  FUZZ_CHECK(!ec);
  FUZZ_CHECK(back == bj::value(event));
}

void refuse(const std::string& why) { checkEvent({{"reason", why}}); }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  auto body = json::parseObject(text);
  if (!body.ok()) {
    refuse(body.error().message);
    return 0;
  }
  auto type = json::requireString(*body, "type", 20);
  auto id = json::requireInt(*body, "roll_call_id");
  auto room = json::requireString(*body, "room", 12);
  if (!type.ok() || *type != "signal" || !id.ok() || !room.ok()) {
    refuse("a signal is {\"type\":\"signal\",\"roll_call_id\",\"room\",\"data\"}");
    return 0;
  }
  FUZZ_CHECK(room->size() <= 12 && anlan::text::checkText("room", *room).ok());
  auto found = body->find("data");
  if (found == body->end() || !found->value().is_object()) {
    refuse("data must be an object");
    return 0;
  }
  checkEvent(
      {{"roll_call_id", *id}, {"room", *room}, {"from", "duty-430405"}, {"data", found->value()}});
  return 0;
}

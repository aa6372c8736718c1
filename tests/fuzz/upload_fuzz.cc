// Uploads: POST /api/v1/hazards/{id}/attachments?name=… carries the file as the raw body. The
// first byte is the length of the name as it stands in the request target (percent-encoded or
// not), the rest is the body. The name goes through the target parsing and the router's parameter
// check as on the server, then checkUpload (the name checks, mediaTypeOfName, sniffMediaType).
#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/file_store.h"
#include "core/text.h"
#include "fuzz_check.h"
#include "http/message.h"
#include "http/params.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  std::size_t name_len = std::min<std::size_t>(data[0], size - 1);
  std::string_view raw(reinterpret_cast<const char*>(data) + 1, name_len);
  std::string_view bytes(reinterpret_cast<const char*>(data) + 1 + name_len, size - 1 - name_len);

  auto sniffed = anlan::sniffMediaType(bytes);
  auto promised = anlan::mediaTypeOfName(raw);
  (void)promised;

  anlan::http::Request req;
  req.method = "POST";
  anlan::http::parseTarget("/api/v1/hazards/1/attachments?name=" + std::string(raw), req);
  if (!anlan::http::checkParams(req).ok()) return 0;  // 400 before the handler
  auto name = anlan::http::textParam(req, "name");
  if (!name) return 0;  // 400 "name is required"
  auto type = anlan::checkUpload(*name, bytes);
  if (!type.ok()) {
    FUZZ_CHECK(type.error().field == "name" || type.error().field == "file");
    return 0;
  }
  FUZZ_CHECK(sniffed && *sniffed == *type);
  FUZZ_CHECK(anlan::mediaTypeOfName(*name) == *type);
  FUZZ_CHECK(!name->empty() && name->size() <= 200);
  FUZZ_CHECK(name->find('/') == std::string::npos && name->find('\\') == std::string::npos);
  FUZZ_CHECK(anlan::text::checkText("name", *name).ok());
  return 0;
}

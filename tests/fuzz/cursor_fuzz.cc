// Opaque keyset cursors (src/db/query.cc) from any bytes: a cursor is what encodeCursor made, or
// refused at `cursor`; a decoded one becomes SQL only for a key of the sort's kind, with exactly
// its two parameters; encoding a decoded cursor again decodes to the same keyset.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "db/query.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto k = anlan::db::decodeCursor(text);
  if (!k.ok()) {
    FUZZ_CHECK(k.error().field == "cursor");
    return 0;
  }
  auto again = anlan::db::decodeCursor(anlan::db::encodeCursor(k->key, k->id));
  FUZZ_CHECK(again.ok() && again->id == k->id && again->key == k->key);
  for (bool text_key : {false, true}) {
    for (bool descending : {false, true}) {
      std::vector<anlan::db::Value> params;
      anlan::db::Order order{"t.col", "t.id", text_key, descending};
      auto sql = anlan::db::after(order, *k, params);
      bool kind = text_key ? k->key.is_string() : k->key.is_int64();
      FUZZ_CHECK(sql.ok() == kind);
      if (sql.ok()) {
        FUZZ_CHECK(params.size() == 2);
        FUZZ_CHECK(sql->find('?') != std::string::npos && sql->find(';') == std::string::npos);
      } else {
        FUZZ_CHECK(sql.error().field == "cursor" && params.empty());
      }
    }
  }
  return 0;
}

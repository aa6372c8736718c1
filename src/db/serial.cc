#include "db/serial.h"

namespace anlan::db {

Result<std::int64_t> nextSerial(Conn& c, const std::string& series, std::int64_t year,
                                std::int64_t n) {
  if (n < 1) return Error::internal("nextSerial needs n >= 1");
  TRY(auto rows,
      c.query("INSERT INTO serials (series, year, last) VALUES (?, ?, ?) "
              "ON CONFLICT (series, year) DO UPDATE SET last = serials.last + excluded.last "
              "RETURNING last",
              {series, year, n}));
  return rows[0].i64(0);
}

}  // namespace anlan::db

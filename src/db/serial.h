// Serial numbers per series and year (YH-430426-2027-000001, 〔2027〕3号 …): one race-free counter
// for every module.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "db/database.h"
#include "db/migrate.h"

namespace anlan::db {

// The db module's own migrations (the serials table); applied before every module's.
const std::vector<Migration>& migrations();

// The next number of `series` in `year` (1, 2, …) inside the caller's write transaction. Safe
// under concurrent writers on both engines (one upsert; a rolled-back transaction gives its
// number back). With n > 1 it reserves n numbers and returns the last of them. The year is the
// calendar's (core/calendar.h), never the UTC one.
Result<std::int64_t> nextSerial(Conn& c, const std::string& series, std::int64_t year,
                                std::int64_t n = 1);

}  // namespace anlan::db

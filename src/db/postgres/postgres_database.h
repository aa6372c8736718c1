// PostgreSQL implementation of db::Database through libpq, with a bounded connection pool.
#pragma once

#include <memory>
#include <string>

#include "db/database.h"

namespace anlan::db {

// Connects to `url` (a libpq connection URI) with up to `pool_size` connections.
Result<std::unique_ptr<Database>> openPostgres(const std::string& url, int pool_size);

}  // namespace anlan::db

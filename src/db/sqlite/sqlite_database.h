// SQLite implementation of db::Database: WAL, foreign keys on, a busy timeout, one writer
// connection (writers serialised in-process) and a pool of reader connections.
#pragma once

#include <memory>
#include <string>

#include "db/database.h"

namespace anlan::db {

// Opens (creating if needed) the SQLite file at `path` with `readers` reader connections.
Result<std::unique_ptr<Database>> openSqlite(const std::string& path, int readers);

}  // namespace anlan::db

#include "db/database.h"
#include "db/postgres/postgres_database.h"
#include "db/sqlite/sqlite_database.h"

namespace anlan::db {

Result<std::unique_ptr<Database>> open(const std::string& url, int pool_size) {
  if (url.rfind("sqlite:", 0) == 0) {
    std::string path = url.substr(7);
    if (path.empty()) return Error::invalid("db", "sqlite: needs a file path");
    return openSqlite(path, pool_size);
  }
  if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) {
    return openPostgres(url, pool_size);
  }
  return Error::invalid("db", "database URL must start with sqlite: or postgresql://");
}

}  // namespace anlan::db

// Fresh databases for tests: a SQLite file in a temporary directory, or a new database on the
// PostgreSQL server named by ANLAN_TEST_PG_URL (started by tools/run-tests.sh).
#pragma once

#include <string>

#include "db/database.h"

namespace anlan::test {

// A temporary directory removed (with its contents) on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// The PostgreSQL server for tests, or "" when none is configured.
std::string pgServerUrl();

class TestDb {
 public:
  // Creates an empty database of `engine`. For PostgreSQL without a server it fails the test.
  explicit TestDb(db::Engine engine);
  ~TestDb();
  const std::string& url() const { return url_; }
  db::Engine engine() const { return engine_; }

 private:
  db::Engine engine_;
  TempDir dir_;
  std::string url_, pg_name_;
};

const char* engineName(db::Engine e);

}  // namespace anlan::test

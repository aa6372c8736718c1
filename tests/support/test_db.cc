#include "support/test_db.h"

#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>

namespace anlan::test {

TempDir::TempDir() {
  char tmpl[] = "/tmp/anlan-test.XXXXXX";
  const char* p = ::mkdtemp(tmpl);
  path_ = p ? p : "/tmp";
}

TempDir::~TempDir() {
  std::error_code ec;
  if (path_ != "/tmp") std::filesystem::remove_all(path_, ec);
}

std::string pgServerUrl() {
  const char* v = std::getenv("ANLAN_TEST_PG_URL");
  return v ? v : "";
}

namespace {

bool pgAdmin(const std::string& sql) {
  PGconn* c = PQconnectdb(pgServerUrl().c_str());
  bool ok = PQstatus(c) == CONNECTION_OK;
  if (ok) {
    PGresult* r = PQexec(c, sql.c_str());
    ok = PQresultStatus(r) == PGRES_COMMAND_OK;
    if (!ok) ADD_FAILURE() << "postgresql: " << PQresultErrorMessage(r);
    PQclear(r);
  } else {
    ADD_FAILURE() << "cannot reach the test PostgreSQL: " << PQerrorMessage(c);
  }
  PQfinish(c);
  return ok;
}

}  // namespace

const char* engineName(db::Engine e) { return e == db::Engine::kSqlite ? "sqlite" : "postgres"; }

TestDb::TestDb(db::Engine engine) : engine_(engine) {
  if (engine == db::Engine::kSqlite) {
    url_ = "sqlite:" + dir_.path() + "/anlan.db";
    return;
  }
  std::string base = pgServerUrl();
  if (base.empty()) {
    ADD_FAILURE() << "ANLAN_TEST_PG_URL is not set: run the tests with `make test`";
    return;
  }
  static std::atomic<int> counter{0};
  pg_name_ = "anlan_t" + std::to_string(::getpid()) + "_" + std::to_string(counter++);
  if (!pgAdmin("CREATE DATABASE " + pg_name_)) return;
  url_ = base.substr(0, base.rfind('/') + 1) + pg_name_;
}

TestDb::~TestDb() {
  if (!pg_name_.empty()) pgAdmin("DROP DATABASE IF EXISTS " + pg_name_ + " WITH (FORCE)");
}

}  // namespace anlan::test

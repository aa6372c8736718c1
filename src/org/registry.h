// The jurisdiction tree held in memory: answers "is X inside Y" without a database round trip.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/result.h"
#include "db/database.h"
#include "db/migrate.h"
#include "org/model.h"

namespace anlan::org {

const std::vector<db::Migration>& migrations();

class Registry {
 public:
  // Loads every jurisdiction from the database.
  static Result<Registry> load(db::Database& db);
  // Builds a registry from a list (tests).
  explicit Registry(std::vector<Jurisdiction> all);

  const Jurisdiction* find(const std::string& code) const;
  // True when `code` is `root` or lies below it. Unknown codes are inside nothing.
  bool contains(const std::string& root, const std::string& code) const;
  // `root` and everything below it, parents before children.
  std::vector<const Jurisdiction*> subtree(const std::string& root) const;
  // The path from the top of the tree down to `code`, inclusive.
  std::vector<const Jurisdiction*> path(const std::string& code) const;
  std::vector<const Jurisdiction*> children(const std::string& code) const;

 private:
  std::map<std::string, Jurisdiction> by_code_;
  std::multimap<std::string, std::string> children_;
};

}  // namespace anlan::org

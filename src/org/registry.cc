#include "org/registry.h"

namespace anlan::org {

Registry::Registry(std::vector<Jurisdiction> all) {
  for (auto& j : all) {
    children_.emplace(j.parent, j.code);
    std::string code = j.code;
    by_code_.emplace(std::move(code), std::move(j));
  }
}

Result<Registry> Registry::load(db::Database& db) {
  return db::read<Registry>(db, [](db::Conn& c) -> Result<Registry> {
    TRY(auto rows, c.query("SELECT code, name, name_en, level, parent_code, official "
                           "FROM jurisdictions ORDER BY code"));
    std::vector<Jurisdiction> all;
    for (const auto& r : rows.rows) {
      all.push_back({r.str(0), r.str(1), r.str(2), r.str(3), r.str(4), r.i64(5) != 0});
    }
    return Registry(std::move(all));
  });
}

const Jurisdiction* Registry::find(const std::string& code) const {
  auto it = by_code_.find(code);
  return it == by_code_.end() ? nullptr : &it->second;
}

bool Registry::contains(const std::string& root, const std::string& code) const {
  for (const Jurisdiction* j = find(code); j; j = find(j->parent)) {
    if (j->code == root) return true;
  }
  return false;
}

std::vector<const Jurisdiction*> Registry::children(const std::string& code) const {
  std::vector<const Jurisdiction*> out;
  auto [b, e] = children_.equal_range(code);
  for (auto it = b; it != e; ++it) out.push_back(find(it->second));
  return out;
}

std::vector<const Jurisdiction*> Registry::subtree(const std::string& root) const {
  std::vector<const Jurisdiction*> out;
  if (const Jurisdiction* r = find(root)) out.push_back(r);
  for (std::size_t i = 0; i < out.size(); ++i) {
    for (const Jurisdiction* c : children(out[i]->code)) out.push_back(c);
  }
  return out;
}

std::vector<const Jurisdiction*> Registry::path(const std::string& code) const {
  std::vector<const Jurisdiction*> out;
  for (const Jurisdiction* j = find(code); j; j = find(j->parent)) out.insert(out.begin(), j);
  return out;
}

}  // namespace anlan::org

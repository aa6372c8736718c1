#include "access/scope.h"

#include <algorithm>

namespace anlan::access {

bool Subtree::contains(std::string_view code) const {
  return codes && std::binary_search(codes->begin(), codes->end(), code,
                                     [](std::string_view a, std::string_view b) { return a < b; });
}

Scope Scope::of(Subtree tree) {
  Scope s;
  s.none_ = tree.empty();
  s.tree_ = std::move(tree);
  return s;
}

Scope Scope::ofEnterprise(Subtree tree, std::int64_t enterprise_id) {
  Scope s = of(std::move(tree));
  s.enterprise_ = enterprise_id;
  s.none_ = false;
  s.bounded_ = false;  // the enterprise's records are visible wherever they lie
  return s;
}

Scope Scope::onlySectors(std::vector<std::string> sectors) const {
  Scope s = *this;
  std::sort(sectors.begin(), sectors.end());
  if (sectors.empty()) s.none_ = true;
  s.sectors_ = std::move(sectors);
  return s;
}

bool Scope::admits(const Subject& s) const {
  if (none_) return false;
  if (enterprise_ && (!s.enterprise_id || *s.enterprise_id != *enterprise_)) return false;
  if (bounded_ && !tree_.contains(s.jurisdiction)) return false;
  if (sectors_ && !s.sectors.empty()) {
    return std::any_of(s.sectors.begin(), s.sectors.end(), [&](const std::string& sector) {
      return std::binary_search(sectors_->begin(), sectors_->end(), sector);
    });
  }
  return true;
}

Scope Scope::within(const Subtree& filter) const {
  if (none_) return *this;
  Scope s = *this;
  if (tree_.contains(filter.root)) {
    s.tree_ = filter;
    s.bounded_ = true;
  } else if (!filter.contains(tree_.root)) {
    s.none_ = true;
  }
  return s;
}

Scope Scope::inSector(const std::string& sector) const {
  Scope s = *this;
  if (sectors_ && !std::binary_search(sectors_->begin(), sectors_->end(), sector)) s.none_ = true;
  s.sectors_ = std::vector<std::string>{sector};
  return s;
}

}  // namespace anlan::access

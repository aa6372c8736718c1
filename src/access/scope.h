// What a caller may see, written once: a jurisdiction subtree, narrowed to the sectors a
// department leads or to one enterprise. Every module's store turns it into SQL (access/sql.h),
// every service asks admits(record), and the event filter uses the same rule. A plain value,
// cheap to copy (the subtree is shared and immutable); thread-safe to read.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/subject.h"

namespace anlan::access {

// A jurisdiction and everything below it, as the registry knows it (org::Registry::treeOf makes
// one per jurisdiction, once).
struct Subtree {
  std::string root;
  std::shared_ptr<const std::vector<std::string>> codes;  // root and every code below it, sorted
  std::string unit;    // the county-level unit (or park) at or above root; "" above unit level
  bool whole = false;  // root is the city or above it: every record of the deployment lies inside

  bool contains(std::string_view code) const;
  bool empty() const { return !codes || codes->empty(); }
};

class Scope {
 public:
  // Sees nothing.
  Scope() = default;
  // Every record in `tree`.
  static Scope of(Subtree tree);
  // The records of one enterprise; `tree` (the officer's own jurisdiction) bounds the reference
  // data they may browse (inTree), not the enterprise's records.
  static Scope ofEnterprise(Subtree tree, std::int64_t enterprise_id);
  // Only records in one of `sectors` (records without a sector stay visible); none when empty.
  Scope onlySectors(std::vector<std::string> sectors) const;

  bool none() const { return none_; }
  // Whether a record with this subject is visible. A record outside the tree never is; with
  // sectors, one of the record's sectors must be among them; for an enterprise scope the record
  // must be that enterprise's.
  bool admits(const Subject& s) const;
  // Whether jurisdiction `code` lies in the tree (reference data: jurisdictions, map outlines),
  // whatever records the scope admits.
  bool inTree(std::string_view code) const { return tree_.contains(code); }

  // Narrowed by a jurisdiction filter: a filter inside the tree narrows it to the filter's
  // subtree, one above it changes nothing, any other selects nothing.
  Scope within(const Subtree& filter) const;
  // Narrowed by a sector filter: nothing when the sector is not among the scope's sectors.
  Scope inSector(const std::string& sector) const;

  const Subtree& tree() const { return tree_; }
  // nullopt: any sector.
  const std::optional<std::vector<std::string>>& sectors() const { return sectors_; }
  // Set for an enterprise officer's scope.
  const std::optional<std::int64_t>& enterprise() const { return enterprise_; }
  // Whether records must lie in the tree (false for an enterprise scope not narrowed by a filter).
  bool bounded() const { return bounded_; }

 private:
  bool none_ = true;
  bool bounded_ = true;
  Subtree tree_;
  std::optional<std::vector<std::string>> sectors_;
  std::optional<std::int64_t> enterprise_;
};

}  // namespace anlan::access

// The reference registry held in memory: the jurisdiction tree with boundaries, departments and
// sectors. It answers "is X inside Y" and "which unit is this point in" without a database round
// trip. Immutable after loading, so it is safe to share between threads.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "access/scope.h"
#include "core/geo.h"
#include "core/result.h"
#include "db/database.h"
#include "db/migrate.h"
#include "org/model.h"

namespace anlan::org {

const std::vector<db::Migration>& migrations();

class Registry {
 public:
  // Loads jurisdictions, boundaries, departments and sectors from the database.
  static Result<Registry> load(db::Database& db);
  // Builds a registry from a list (tests).
  explicit Registry(std::vector<Jurisdiction> all);

  const Jurisdiction* find(const std::string& code) const;
  // True when `code` is `root` or lies below it. Unknown codes are inside nothing.
  bool contains(const std::string& root, const std::string& code) const;
  // `root` and everything below it, parents before children.
  std::vector<const Jurisdiction*> subtree(const std::string& root) const;
  std::vector<std::string> subtreeCodes(const std::string& root) const;
  // The path from the top of the tree down to `code`, inclusive.
  std::vector<const Jurisdiction*> path(const std::string& code) const;
  std::vector<const Jurisdiction*> children(const std::string& code) const;
  // The deployment's city (the first jurisdiction of level city), or "" when there is none.
  const std::string& city() const { return city_; }
  // The county-level unit (county or park) at or above `code`, or "" when there is none.
  std::string unitOf(const std::string& code) const;
  // A jurisdiction as people name it in a table: the names on its path below the city, joined
  // ("祁东县白鹤街道"; the city itself by its own name); "" for an unknown code.
  std::string fullName(const std::string& code) const;
  // The code of a jurisdiction given by its code, its full name or its own name when that is
  // unique in the city; nullopt otherwise.
  std::optional<std::string> codeOf(const std::string& text) const;
  // A sector's Chinese name ("" when unknown), and the code of a sector given by code or name.
  std::string sectorName(const std::string& code) const;
  std::optional<std::string> sectorCodeOf(const std::string& text) const;
  // `code` and everything below it, for scopes (computed once at load); empty when unknown.
  access::Subtree treeOf(const std::string& code) const;
  // `scope` narrowed by a jurisdiction filter (Scope::within), or `scope` when there is none.
  access::Scope narrowed(const access::Scope& scope,
                         const std::optional<std::string>& jurisdiction) const {
    return jurisdiction ? scope.within(treeOf(*jurisdiction)) : scope;
  }

  // The GeoJSON geometry text of a unit's boundary, or "" when it has none.
  const std::string& boundary(const std::string& code) const;
  // The bounding box (south-west, north-east) of a unit's boundary; nullopt without one.
  std::optional<std::pair<geo::LonLat, geo::LonLat>> bounds(const std::string& code) const;
  // Where a unit without a boundary (a park) is marked on the map, and the district it lies in.
  struct Seat {
    geo::LonLat at;
    std::string host;
    std::string short_name;  // the name on the map (综保区)
  };
  const Seat* seat(const std::string& code) const;
  // The code of the county-level unit whose boundary contains `p`, or "".
  std::string unitAt(geo::LonLat p) const;
  // Whether `p` lies inside `code`'s area: its boundary, else its nearest ancestor's (townships),
  // else anywhere in the city's units (parks).
  bool locatedIn(const std::string& code, geo::LonLat p) const;

  // The command center of a unit (city, county-level unit or park), or null.
  const CommandCenter* commandCenter(const std::string& code) const;
  const std::vector<Department>& departments() const { return departments_; }
  const std::vector<Sector>& sectors() const { return sectors_; }
  const Department* department(const std::string& code) const;
  const Sector* sector(const std::string& code) const;
  // The codes of the sectors `department` leads.
  std::vector<std::string> sectorsLedBy(const std::string& department) const;

 private:
  void index();  // city_ and trees_, once every jurisdiction is in

  std::map<std::string, Jurisdiction> by_code_;
  std::string city_;
  std::map<std::string, access::Subtree> trees_;
  std::multimap<std::string, std::string> children_;
  std::map<std::string, std::string> boundary_text_;
  std::map<std::string, Seat> seats_;
  std::map<std::string, geo::MultiPolygon> shapes_;
  std::map<std::string, CommandCenter> command_centers_;
  std::vector<Department> departments_;
  std::vector<Sector> sectors_;
};

}  // namespace anlan::org

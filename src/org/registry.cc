#include "org/registry.h"

#include <algorithm>
#include <boost/json/parse.hpp>

namespace anlan::org {

Registry::Registry(std::vector<Jurisdiction> all) {
  for (auto& j : all) {
    children_.emplace(j.parent, j.code);
    std::string code = j.code;
    by_code_.emplace(std::move(code), std::move(j));
  }
  index();
}

void Registry::index() {
  for (const auto& [code, j] : by_code_) {
    if (j.level == "city") {
      city_ = code;
      break;
    }
  }
  for (const auto& [code, j] : by_code_) {
    auto codes = std::make_shared<std::vector<std::string>>(subtreeCodes(code));
    std::sort(codes->begin(), codes->end());
    access::Subtree t;
    t.root = code;
    t.codes = std::move(codes);
    t.unit = unitOf(code);
    t.whole = !city_.empty() && contains(code, city_);
    trees_.emplace(code, std::move(t));
  }
}

std::string Registry::unitOf(const std::string& code) const {
  for (const Jurisdiction* j = find(code); j; j = find(j->parent)) {
    if (j->level == "county" || j->level == "park") return j->code;
  }
  return "";
}

access::Subtree Registry::treeOf(const std::string& code) const {
  auto it = trees_.find(code);
  if (it == trees_.end()) return access::Subtree{code, nullptr, "", false};
  return it->second;
}

std::vector<std::string> Registry::sectorsLedBy(const std::string& department) const {
  std::vector<std::string> out;
  for (const auto& s : sectors_) {
    if (s.lead_department == department) out.push_back(s.code);
  }
  return out;
}

Result<Registry> Registry::load(db::Database& db) {
  return db::read<Registry>(db, [](db::Conn& c) -> Result<Registry> {
    TRY(auto rows, c.query("SELECT code, name, name_en, level, parent_code, official "
                           "FROM jurisdictions ORDER BY code"));
    std::vector<Jurisdiction> all;
    for (const auto& r : rows.rows) {
      all.push_back({r.str(0), r.str(1), r.str(2), r.str(3), r.str(4), r.i64(5) != 0});
    }
    Registry reg(std::move(all));
    TRY(auto shapes, c.query("SELECT code, geometry FROM jurisdiction_boundaries ORDER BY code"));
    for (const auto& r : shapes.rows) {
      boost::system::error_code ec;
      auto g = boost::json::parse(r.str(1), ec);
      if (ec) return Error::internal("boundary of " + r.str(0) + " is not JSON");
      TRY(auto area, geo::parseGeometry(g));
      reg.shapes_.emplace(r.str(0), std::move(area));
      reg.boundary_text_.emplace(r.str(0), r.str(1));
    }
    TRY(auto seats, c.query("SELECT code, lon, lat, host, short_name FROM jurisdiction_seats"));
    for (const auto& r : seats.rows) {
      reg.seats_.emplace(r.str(0), Seat{geo::LonLat{r.f64(1), r.f64(2)}, r.str(3), r.str(4)});
    }
    TRY(auto centers,
        c.query("SELECT jurisdiction, name, name_en, duty_phone FROM command_centers"));
    for (const auto& r : centers.rows) {
      reg.command_centers_.emplace(r.str(0), CommandCenter{r.str(0), r.str(1), r.str(2), r.str(3)});
    }
    TRY(auto deps, c.query("SELECT code, name, name_en FROM departments ORDER BY sort"));
    for (const auto& r : deps.rows) reg.departments_.push_back({r.str(0), r.str(1), r.str(2)});
    TRY(auto secs,
        c.query("SELECT code, name, name_en, lead_department FROM sectors ORDER BY sort"));
    for (const auto& r : secs.rows)
      reg.sectors_.push_back({r.str(0), r.str(1), r.str(2), r.str(3)});
    return reg;
  });
}

const Registry::Seat* Registry::seat(const std::string& code) const {
  auto it = seats_.find(code);
  return it == seats_.end() ? nullptr : &it->second;
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

std::vector<std::string> Registry::subtreeCodes(const std::string& root) const {
  std::vector<std::string> out;
  for (const auto* j : subtree(root)) out.push_back(j->code);
  return out;
}

std::vector<const Jurisdiction*> Registry::path(const std::string& code) const {
  std::vector<const Jurisdiction*> out;
  for (const Jurisdiction* j = find(code); j; j = find(j->parent)) out.insert(out.begin(), j);
  return out;
}

std::string Registry::fullName(const std::string& code) const {
  std::string out;
  for (const Jurisdiction* j : path(code)) {
    if (j->code == city_ || j->level == "province") continue;
    out += j->name;
  }
  if (out.empty()) {
    const Jurisdiction* j = find(code);
    return j ? j->name : "";
  }
  return out;
}

std::optional<std::string> Registry::codeOf(const std::string& text) const {
  if (find(text)) return text;
  std::optional<std::string> by_name;
  int named = 0;
  for (const auto& [code, j] : by_code_) {
    if (fullName(code) == text) return code;
    if (j.name == text) {
      by_name = code;
      ++named;
    }
  }
  if (named == 1) return by_name;
  return std::nullopt;
}

std::string Registry::sectorName(const std::string& code) const {
  const Sector* s = sector(code);
  return s ? s->name : "";
}

std::optional<std::string> Registry::sectorCodeOf(const std::string& text) const {
  for (const auto& s : sectors_) {
    if (s.code == text || s.name == text) return s.code;
  }
  return std::nullopt;
}

const std::string& Registry::boundary(const std::string& code) const {
  static const std::string kNone;
  auto it = boundary_text_.find(code);
  return it == boundary_text_.end() ? kNone : it->second;
}

std::optional<std::pair<geo::LonLat, geo::LonLat>> Registry::bounds(const std::string& code) const {
  auto it = shapes_.find(code);
  if (it == shapes_.end()) return std::nullopt;
  geo::LonLat lo{180, 90}, hi{-180, -90};
  for (const auto& poly : it->second) {
    for (const auto& p : poly.empty() ? geo::Ring{} : poly[0]) {
      lo = {std::min(lo.lon, p.lon), std::min(lo.lat, p.lat)};
      hi = {std::max(hi.lon, p.lon), std::max(hi.lat, p.lat)};
    }
  }
  return std::make_pair(lo, hi);
}

std::string Registry::unitAt(geo::LonLat p) const {
  for (const auto& [code, area] : shapes_) {
    if (geo::contains(area, p)) return code;
  }
  return {};
}

bool Registry::locatedIn(const std::string& code, geo::LonLat p) const {
  // Walking up from `code`, the first jurisdiction that has a boundary, or whose units have
  // boundaries, decides. Townships fall back to their county; parks (enclaves across counties,
  // with no boundary data) and the city to "inside one of the city's units".
  for (const Jurisdiction* j = find(code); j; j = find(j->parent)) {
    if (auto it = shapes_.find(j->code); it != shapes_.end()) return geo::contains(it->second, p);
    for (const Jurisdiction* child : children(j->code)) {
      if (shapes_.count(child->code)) {
        std::string unit = unitAt(p);
        return !unit.empty() && contains(j->code, unit);
      }
    }
  }
  return false;
}

const CommandCenter* Registry::commandCenter(const std::string& code) const {
  auto it = command_centers_.find(code);
  return it == command_centers_.end() ? nullptr : &it->second;
}

const Department* Registry::department(const std::string& code) const {
  for (const auto& d : departments_) {
    if (d.code == code) return &d;
  }
  return nullptr;
}

const Sector* Registry::sector(const std::string& code) const {
  for (const auto& s : sectors_) {
    if (s.code == code) return &s;
  }
  return nullptr;
}

}  // namespace anlan::org

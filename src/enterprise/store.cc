#include "enterprise/store.h"

#include <boost/json.hpp>
#include <map>

#include "access/sql.h"
#include "db/query.h"

namespace anlan::enterprise::store {
namespace {

constexpr const char* kColumns =
    "SELECT e.id, e.name, e.credit_code, e.jurisdiction, e.address, e.lon, e.lat, e.risk_color, "
    "e.size, e.contact_name, e.contact_phone, e.major_hazard_installations, e.active, e.demo, "
    "e.version, e.created_at, e.updated_at FROM enterprises e";

db::Value opt(const std::optional<std::string>& v) {
  return v ? db::Value(*v) : db::Value(nullptr);
}

std::pair<db::Value, db::Value> coordinates(const Enterprise& e) {
  if (!e.location) return {db::Value(nullptr), db::Value(nullptr)};
  return {db::Value(e.location->lon), db::Value(e.location->lat)};
}

std::string searchText(const Enterprise& e) {
  return db::lowerAscii(e.name + " " + e.credit_code + " " + e.address);
}

Enterprise toEnterprise(const db::Row& r) {
  Enterprise e;
  e.id = r.i64(0);
  e.name = r.str(1);
  e.credit_code = r.str(2);
  e.jurisdiction = r.str(3);
  e.address = r.str(4);
  if (!r.isNull(5) && !r.isNull(6)) e.location = geo::LonLat{r.f64(5), r.f64(6)};
  e.risk_color = r.str(7);
  e.size = r.str(8);
  e.contact_name = r.optStr(9);
  e.contact_phone = r.optStr(10);
  e.major_hazard_installations = r.i64(11) != 0;
  e.active = r.i64(12) != 0;
  e.demo = r.i64(13) != 0;
  e.version = r.i64(14);
  e.created_at = r.i64(15);
  e.updated_at = r.i64(16);
  return e;
}

Status loadSectors(db::Conn& c, std::vector<Enterprise>& items) {
  if (items.empty()) return {};
  std::string sql = "SELECT enterprise_id, sector FROM enterprise_sectors WHERE enterprise_id IN (";
  std::vector<db::Value> params;
  std::map<std::int64_t, Enterprise*> by_id;
  for (auto& e : items) {
    sql += params.empty() ? "?" : ", ?";
    params.emplace_back(e.id);
    by_id[e.id] = &e;
  }
  sql += ") ORDER BY enterprise_id, sector";
  TRY(auto rows, c.query(sql, params));
  for (const auto& r : rows.rows) by_id[r.i64(0)]->sectors.push_back(r.str(1));
  return {};
}

Status writeSectors(db::Conn& c, const Enterprise& e) {
  TRY(auto n, c.exec("DELETE FROM enterprise_sectors WHERE enterprise_id = ?", {e.id}));
  (void)n;
  for (const auto& s : e.sectors) {
    TRY(auto m,
        c.exec("INSERT INTO enterprise_sectors (enterprise_id, sector) VALUES (?, ?)", {e.id, s}));
    (void)m;
  }
  return {};
}

}  // namespace

Result<std::optional<Enterprise>> find(db::Conn& c, std::int64_t id) {
  TRY(auto rows, c.query(std::string(kColumns) + " WHERE e.id = ?", {id}));
  if (rows.empty()) return std::optional<Enterprise>();
  std::vector<Enterprise> items{toEnterprise(rows[0])};
  TRY_STATUS(loadSectors(c, items));
  return std::optional<Enterprise>(std::move(items[0]));
}

Result<std::int64_t> insert(db::Conn& c, const Enterprise& e) {
  auto [lon, lat] = coordinates(e);
  auto rows = c.query(
      "INSERT INTO enterprises (name, credit_code, jurisdiction, address, lon, lat, risk_color, "
      "size, "
      "contact_name, contact_phone, major_hazard_installations, active, demo, search, version, "
      "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) "
      "RETURNING id",
      {e.name, e.credit_code, e.jurisdiction, e.address, lon, lat, e.risk_color, e.size,
       opt(e.contact_name), opt(e.contact_phone), std::int64_t{e.major_hazard_installations},
       std::int64_t{e.active}, std::int64_t{e.demo}, searchText(e), e.created_at, e.updated_at});
  if (!rows.ok()) {
    if (rows.error().code == Code::kConflict) {
      return Error{Code::kConflict,
                   "an enterprise with credit code " + e.credit_code + " is already registered",
                   "credit_code"};
    }
    return std::move(rows).error();
  }
  Enterprise copy = e;
  copy.id = rows.value()[0].i64(0);
  TRY_STATUS(writeSectors(c, copy));
  return copy.id;
}

Result<bool> update(db::Conn& c, const Enterprise& e) {
  auto [lon, lat] = coordinates(e);
  auto n = c.exec(
      "UPDATE enterprises SET name = ?, credit_code = ?, jurisdiction = ?, address = ?, lon = ?, "
      "lat = ?, risk_color = ?, size = ?, contact_name = ?, contact_phone = ?, "
      "major_hazard_installations = ?, active = ?, search = ?, version = ?, updated_at = ? "
      "WHERE id = ? AND version = ?",
      {e.name, e.credit_code, e.jurisdiction, e.address, lon, lat, e.risk_color, e.size,
       opt(e.contact_name), opt(e.contact_phone), std::int64_t{e.major_hazard_installations},
       std::int64_t{e.active}, searchText(e), e.version, e.updated_at, e.id, e.version - 1});
  if (!n.ok()) {
    if (n.error().code == Code::kConflict) {
      return Error{Code::kConflict, "another enterprise has credit code " + e.credit_code,
                   "credit_code"};
    }
    return std::move(n).error();
  }
  if (*n != 1) return false;
  TRY_STATUS(writeSectors(c, e));
  return true;
}

namespace {

// The scope's columns on the alias e: an enterprise has several sectors.
constexpr access::Columns kScopeColumns{.jurisdiction = "e.jurisdiction",
                                        .unit = "",
                                        .sector =
                                            "EXISTS (SELECT 1 FROM enterprise_sectors s WHERE "
                                            "s.enterprise_id = e.id AND s.sector IN {})",
                                        .enterprise = "e.id"};

// The WHERE clause of a query within the caller's scope (without the cursor).
Result<std::string> whereOf(const Query& q, const access::Scope& scope,
                            std::vector<db::Value>& params) {
  TRY(std::string where, access::whereOf(scope, kScopeColumns, params));
  where = " WHERE 1 = 1" + where;
  if (q.sector) {
    where +=
        " AND EXISTS (SELECT 1 FROM enterprise_sectors f WHERE f.enterprise_id = e.id AND f.sector "
        "= ?)";
    params.emplace_back(*q.sector);
  }
  if (q.risk_color) {
    where += " AND e.risk_color = ?";
    params.emplace_back(*q.risk_color);
  }
  if (q.active) {
    where += " AND e.active = ?";
    params.emplace_back(std::int64_t{*q.active});
  }
  if (q.major_hazard_installations) {
    where += " AND e.major_hazard_installations = ?";
    params.emplace_back(std::int64_t{*q.major_hazard_installations});
  }
  if (q.q) where += db::contains("e.search", db::lowerAscii(*q.q), params);
  return where;
}

}  // namespace

Result<Page> list(db::Conn& c, const Query& q, const access::Scope& scope) {
  Page page;
  if (scope.none()) return page;
  std::vector<db::Value> params;
  TRY(std::string where, whereOf(q, scope, params));
  std::string sql = std::string(kColumns) + where;
  bool by_name = q.sort == "name", by_updated = q.sort == "-updated_at";
  db::Order order{by_name      ? "e.name"
                  : by_updated ? "e.updated_at"
                               : "e.id",
                  "e.id", by_name, by_updated};
  if (!q.cursor.empty()) {
    TRY(auto k, db::decodeCursor(q.cursor));
    TRY(std::string after, db::after(order, k, params));
    sql += after;
  }
  sql += db::orderBy(order) + " LIMIT ?";
  params.emplace_back(std::int64_t{q.limit + 1});
  TRY(auto rows, c.query(sql, params));
  for (const auto& r : rows.rows) page.items.push_back(toEnterprise(r));
  if (static_cast<int>(page.items.size()) > q.limit) {
    page.items.resize(q.limit);
    const Enterprise& last = page.items.back();
    boost::json::value key = by_name      ? boost::json::value(last.name)
                             : by_updated ? boost::json::value(last.updated_at)
                                          : boost::json::value(last.id);
    page.next_cursor = db::encodeCursor(key, last.id);
  }
  TRY_STATUS(loadSectors(c, page.items));
  return page;
}

Result<std::vector<Count>> countByJurisdiction(db::Conn& c, const access::Scope& scope) {
  std::vector<Count> out;
  if (scope.none()) return out;
  Query q;
  q.active = true;
  std::vector<db::Value> params;
  TRY(std::string where, whereOf(q, scope, params));
  std::string sql = "SELECT e.jurisdiction, e.risk_color, COUNT(*) FROM enterprises e" + where +
                    " GROUP BY e.jurisdiction, e.risk_color";
  TRY(auto rows, c.query(sql, params));
  for (const auto& r : rows.rows) out.push_back({r.str(0), r.str(1), r.i64(2)});
  return out;
}

}  // namespace anlan::enterprise::store

#include "enterprise/store.h"

#include <boost/json.hpp>
#include <map>

#include "core/crypto.h"

namespace anlan::enterprise::store {
namespace {

constexpr const char* kColumns =
    "SELECT e.id, e.name, e.credit_code, e.jurisdiction, e.address, e.lon, e.lat, e.risk_color, "
    "e.size, e.contact_name, e.contact_phone, e.major_hazard_installations, e.active, e.demo, "
    "e.version, e.created_at, e.updated_at FROM enterprises e";

db::Value opt(const std::optional<std::string>& v) { return v ? db::Value(*v) : db::Value(nullptr); }

std::pair<db::Value, db::Value> coordinates(const Enterprise& e) {
  if (!e.location) return {db::Value(nullptr), db::Value(nullptr)};
  return {db::Value(e.location->lon), db::Value(e.location->lat)};
}

std::string lowerAscii(std::string s) {
  for (auto& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

std::string searchText(const Enterprise& e) {
  return lowerAscii(e.name + " " + e.credit_code + " " + e.address);
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
    TRY(auto m, c.exec("INSERT INTO enterprise_sectors (enterprise_id, sector) VALUES (?, ?)", {e.id, s}));
    (void)m;
  }
  return {};
}

// Cursor: base64url of the JSON array [sort value, id] of the last row of the previous page.
std::string encodeCursor(const boost::json::value& key, std::int64_t id) {
  return base64Url(boost::json::serialize(boost::json::array{key, id}));
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
      "INSERT INTO enterprises (name, credit_code, jurisdiction, address, lon, lat, risk_color, size, "
      "contact_name, contact_phone, major_hazard_installations, active, demo, search, version, "
      "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id",
      {e.name, e.credit_code, e.jurisdiction, e.address, lon, lat, e.risk_color, e.size,
       opt(e.contact_name), opt(e.contact_phone), std::int64_t{e.major_hazard_installations},
       std::int64_t{e.active}, std::int64_t{e.demo}, searchText(e), e.created_at, e.updated_at});
  if (!rows.ok()) {
    if (rows.error().code == Code::kConflict) {
      return Error{Code::kConflict, "an enterprise with credit code " + e.credit_code + " is already registered",
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
      return Error{Code::kConflict, "another enterprise has credit code " + e.credit_code, "credit_code"};
    }
    return std::move(n).error();
  }
  if (*n != 1) return false;
  TRY_STATUS(writeSectors(c, e));
  return true;
}

namespace {

// The WHERE clause of a query and the caller's visibility (without the cursor).
std::string whereOf(const Query& q, const Visibility& v, std::vector<db::Value>& params) {
  std::string where = " WHERE e.jurisdiction IN " + db::inList(params, v.jurisdictions);
  if (v.only_id) {
    where += " AND e.id = ?";
    params.emplace_back(*v.only_id);
  }
  if (!v.sectors.empty()) {
    where += " AND EXISTS (SELECT 1 FROM enterprise_sectors s WHERE s.enterprise_id = e.id AND s.sector IN " +
             db::inList(params, v.sectors) + ")";
  }
  if (q.sector) {
    where += " AND EXISTS (SELECT 1 FROM enterprise_sectors f WHERE f.enterprise_id = e.id AND f.sector = ?)";
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
  if (q.q) {
    std::string pattern = "%";
    for (char ch : lowerAscii(*q.q)) {
      if (ch == '%' || ch == '_' || ch == '\\') pattern.push_back('\\');
      pattern.push_back(ch);
    }
    pattern.push_back('%');
    where += " AND e.search LIKE ? ESCAPE '\\'";
    params.emplace_back(pattern);
  }
  return where;
}

}  // namespace

Result<Page> list(db::Conn& c, const Query& q, const Visibility& v) {
  Page page;
  if (v.jurisdictions.empty()) return page;
  std::vector<db::Value> params;
  std::string sql = std::string(kColumns) + whereOf(q, v, params);
  bool by_name = q.sort == "name", by_updated = q.sort == "-updated_at";
  if (!q.cursor.empty()) {
    auto text = base64UrlDecode(q.cursor);
    if (!text) return Error::invalid("cursor", "cursor is not one this server gave");
    boost::system::error_code ec;
    auto key = boost::json::parse(*text, ec);
    if (ec || !key.is_array() || key.as_array().size() != 2 || !key.as_array()[1].is_int64()) {
      return Error::invalid("cursor", "cursor is not one this server gave");
    }
    std::int64_t last_id = key.as_array()[1].as_int64();
    const auto& value = key.as_array()[0];
    if (by_name) {
      if (!value.is_string()) return Error::invalid("cursor", "cursor does not match the sort");
      sql += " AND (e.name > ? OR (e.name = ? AND e.id > ?))";
      std::string name(value.as_string());
      params.emplace_back(name);
      params.emplace_back(name);
      params.emplace_back(last_id);
    } else if (by_updated) {
      if (!value.is_int64()) return Error::invalid("cursor", "cursor does not match the sort");
      sql += " AND (e.updated_at < ? OR (e.updated_at = ? AND e.id < ?))";
      params.emplace_back(value.as_int64());
      params.emplace_back(value.as_int64());
      params.emplace_back(last_id);
    } else {
      sql += " AND e.id > ?";
      params.emplace_back(last_id);
    }
  }
  sql += by_name ? " ORDER BY e.name, e.id" : by_updated ? " ORDER BY e.updated_at DESC, e.id DESC" : " ORDER BY e.id";
  sql += " LIMIT ?";
  params.emplace_back(std::int64_t{q.limit + 1});
  TRY(auto rows, c.query(sql, params));
  for (const auto& r : rows.rows) page.items.push_back(toEnterprise(r));
  if (static_cast<int>(page.items.size()) > q.limit) {
    page.items.resize(q.limit);
    const Enterprise& last = page.items.back();
    boost::json::value key = by_name ? boost::json::value(last.name)
                             : by_updated ? boost::json::value(last.updated_at)
                                          : boost::json::value(last.id);
    page.next_cursor = encodeCursor(key, last.id);
  }
  TRY_STATUS(loadSectors(c, page.items));
  return page;
}

Result<std::vector<Count>> countByJurisdiction(db::Conn& c, const Visibility& v) {
  std::vector<Count> out;
  if (v.jurisdictions.empty()) return out;
  Query q;
  q.active = true;
  std::vector<db::Value> params;
  std::string sql = "SELECT e.jurisdiction, e.risk_color, COUNT(*) FROM enterprises e" +
                    whereOf(q, v, params) + " GROUP BY e.jurisdiction, e.risk_color";
  TRY(auto rows, c.query(sql, params));
  for (const auto& r : rows.rows) out.push_back({r.str(0), r.str(1), r.i64(2)});
  return out;
}

}  // namespace anlan::enterprise::store

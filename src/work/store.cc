#include "work/store.h"

#include <algorithm>
#include <map>

#include "access/sql.h"
#include "db/query.h"
#include "work/rules.h"

namespace anlan::work::store {
namespace {

constexpr const char* kColumns =
    "w.id, w.record_type, w.ref, w.kind, w.title, w.link, w.jurisdiction, w.unit, w.sector, "
    "w.enterprise_id, w.party, w.roles, w.due_at, w.urgent, w.since, w.closed_at";

const db::Order kOrder{"w.sort_key", "w.id", false, false};

Result<WorkItem> itemOf(const db::Row& r) {
  WorkItem w;
  w.id = r.i64(0);
  w.record = r.str(1);
  w.ref = r.i64(2);
  w.kind = r.str(3);
  w.title = r.str(4);
  w.link = r.str(5);
  w.subject.jurisdiction = r.str(6);
  w.unit = r.str(7);
  if (auto s = r.optStr(8)) w.subject.sectors = {*s};
  w.subject.enterprise_id = r.optI64(9);
  auto party = parseParty(r.str(10));
  if (!party)
    return Error::internal("work item " + std::to_string(w.id) + " has party '" + r.str(10) + "'");
  w.party = *party;
  w.roles = rolesOf(r.i64(11));
  w.due = r.optI64(12);
  w.urgent = r.i64(13) != 0;
  w.since = r.i64(14);
  w.closed_at = r.optI64(15);
  return w;
}

Result<std::vector<WorkItem>> itemsOf(const db::Rows& rows) {
  std::vector<WorkItem> out;
  out.reserve(rows.size());
  for (const auto& r : rows.rows) {
    TRY(auto w, itemOf(r));
    out.push_back(std::move(w));
  }
  return out;
}

db::Value sectorOf(const WorkItem& w) {
  if (w.subject.sectors.empty()) return nullptr;
  return w.subject.sectors[0];
}

db::Value optional(const std::optional<std::int64_t>& v) {
  if (v) return *v;
  return nullptr;
}

bool sameFields(const WorkItem& a, const WorkItem& b) {
  return a.title == b.title && a.link == b.link && a.unit == b.unit &&
         a.subject.sectors == b.subject.sectors &&
         a.subject.enterprise_id == b.subject.enterprise_id &&
         roleMask(a.roles) == roleMask(b.roles) && a.due == b.due && a.urgent == b.urgent;
}

// " AND …" selecting the open items waiting on `p` (work::waitsOn); " AND 1 = 0" when none can.
Result<std::string> waitingOn(const access::Principal& p, std::vector<db::Value>& params) {
  auto party = partyOf(p);
  if (!party) return std::string(" AND 1 = 0");
  std::string sql = " AND w.closed_at IS NULL AND w.party = ? AND (w.roles & ?) <> 0";
  params.emplace_back(partyName(*party));
  params.emplace_back(roleBit(p.user.role));
  TRY(auto scope,
      access::whereOf(p.scope, {"w.jurisdiction", "w.unit", "w.sector", "w.enterprise_id"},
                      params));
  return sql + scope;
}

}  // namespace

Result<Changes> sync(db::Conn& c, std::string_view record, std::int64_t ref,
                     std::vector<WorkItem> open, Millis now) {
  std::map<std::string, WorkItem> wanted;
  for (auto& w : open) {
    w.record = std::string(record);
    w.ref = ref;
    TRY_STATUS(checkItem(w));
    wanted.emplace(w.key(), std::move(w));
  }
  TRY(auto rows, c.query(std::string("SELECT ") + kColumns +
                             " FROM work_items w WHERE w.record_type = ? AND w.ref = ? AND "
                             "w.closed_at IS NULL ORDER BY w.id",
                         {std::string(record), ref}));
  TRY(auto existing, itemsOf(rows));
  Changes changes;
  for (auto& old : existing) {
    auto it = wanted.find(old.key());
    if (it == wanted.end()) {
      TRY(auto n, c.exec("UPDATE work_items SET closed_at = ? WHERE id = ?", {now, old.id}));
      (void)n;
      old.closed_at = now;
      changes.closed.push_back(std::move(old));
      continue;
    }
    WorkItem& w = it->second;
    w.id = old.id;
    w.since = old.since;
    if (!sameFields(old, w)) {
      TRY(auto n,
          c.exec("UPDATE work_items SET title = ?, link = ?, unit = ?, sector = ?, "
                 "enterprise_id = ?, roles = ?, due_at = ?, urgent = ?, sort_key = ? "
                 "WHERE id = ?",
                 {w.title, w.link, w.unit, sectorOf(w), optional(w.subject.enterprise_id),
                  roleMask(w.roles), optional(w.due), std::int64_t{w.urgent}, sortKey(w), w.id}));
      (void)n;
    }
    wanted.erase(it);
  }
  for (auto& [_, w] : wanted) {
    if (w.since == 0) w.since = now;
    TRY(auto id_rows,
        c.query("INSERT INTO work_items (record_type, ref, kind, title, link, jurisdiction, unit, "
                "sector, enterprise_id, party, roles, due_at, urgent, since, sort_key) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                {w.record, w.ref, w.kind, w.title, w.link, w.subject.jurisdiction, w.unit,
                 sectorOf(w), optional(w.subject.enterprise_id), partyName(w.party),
                 roleMask(w.roles), optional(w.due), std::int64_t{w.urgent}, w.since, sortKey(w)}));
    w.id = id_rows[0].i64(0);
    changes.opened.push_back(std::move(w));
  }
  return changes;
}

Result<Page> list(db::Conn& c, const access::Principal& p, const Query& q, Millis now) {
  std::vector<db::Value> params;
  std::string sql = std::string("SELECT ") + kColumns + " FROM work_items w WHERE 1 = 1";
  TRY(auto who, waitingOn(p, params));
  sql += who;
  if (!q.module.empty()) {
    sql += " AND w.kind LIKE ?";
    params.emplace_back(q.module + ".%");
  }
  if (q.filter == "overdue") {
    sql += " AND w.due_at < ?";
    params.emplace_back(now);
  } else if (q.filter == "due_soon") {
    sql += " AND w.due_at >= ? AND w.due_at < ?";
    params.emplace_back(now);
    params.emplace_back(now + kDueSoon);
  } else if (q.filter == "urgent") {
    sql += " AND w.urgent = 1";
  } else if (!q.filter.empty()) {
    return Error::invalid("filter", "filter must be overdue, due_soon or urgent");
  }
  if (!q.cursor.empty()) {
    TRY(auto k, db::decodeCursor(q.cursor));
    TRY(auto after, db::after(kOrder, k, params));
    sql += after;
  }
  sql += db::orderBy(kOrder) + " LIMIT " + std::to_string(q.limit + 1);
  TRY(auto rows, c.query(sql, params));
  Page page;
  TRY(page.items, itemsOf(rows));
  if (static_cast<int>(page.items.size()) > q.limit) {
    page.items.resize(q.limit);
    const WorkItem& last = page.items.back();
    page.next_cursor = db::encodeCursor(sortKey(last), last.id);
  }
  TRY(auto s, summary(c, p, now));
  page.counts = s.counts;
  return page;
}

Result<Summary> summary(db::Conn& c, const access::Principal& p, Millis now) {
  std::vector<db::Value> params{now, now, now + kDueSoon};
  std::string sql =
      "SELECT COUNT(*), "
      "COALESCE(SUM(CASE WHEN w.due_at < ? THEN 1 ELSE 0 END), 0), "
      "COALESCE(SUM(CASE WHEN w.due_at >= ? AND w.due_at < ? THEN 1 ELSE 0 END), 0), "
      "COALESCE(SUM(w.urgent), 0), MAX(w.id) FROM work_items w WHERE 1 = 1";
  TRY(auto who, waitingOn(p, params));
  TRY(auto rows, c.query(sql + who, params));
  Summary s;
  const auto& r = rows[0];
  s.counts = {r.i64(0), r.i64(1), r.i64(2), r.i64(3)};
  s.newest_id = r.optI64(4);
  return s;
}

Result<std::optional<WorkItem>> find(db::Conn& c, std::int64_t id) {
  TRY(auto rows,
      c.query(std::string("SELECT ") + kColumns + " FROM work_items w WHERE w.id = ?", {id}));
  if (rows.empty()) return std::optional<WorkItem>();
  TRY(auto w, itemOf(rows[0]));
  return std::optional<WorkItem>(std::move(w));
}

Status enqueue(db::Conn& c, std::int64_t item_id, const std::string& channel, Millis now) {
  TRY(auto n, c.exec("INSERT INTO work_deliveries (item_id, channel, next_at, created_at) "
                     "VALUES (?, ?, ?, ?)",
                     {item_id, channel, now, now}));
  (void)n;
  return {};
}

Result<std::vector<Delivery>> claim(db::Conn& c, const std::string& channel, Millis now,
                                    Millis lease, int limit) {
  TRY(auto rows, c.query("SELECT id, item_id, attempts, next_at, created_at FROM work_deliveries "
                         "WHERE channel = ? AND delivered_at IS NULL AND failed_at IS NULL "
                         "AND next_at <= ? AND (lease_until IS NULL OR lease_until <= ?) "
                         "ORDER BY next_at, id LIMIT " +
                             std::to_string(limit),
                         {channel, now, now}));
  std::vector<Delivery> out;
  for (const auto& r : rows.rows) {
    // Another node may have taken it since the SELECT: the UPDATE decides.
    TRY(auto n, c.exec("UPDATE work_deliveries SET lease_until = ? WHERE id = ? AND "
                       "delivered_at IS NULL AND failed_at IS NULL AND "
                       "(lease_until IS NULL OR lease_until <= ?)",
                       {now + lease, r.i64(0), now}));
    if (n != 1) continue;
    Delivery d;
    d.id = r.i64(0);
    d.channel = channel;
    d.item_id = r.i64(1);
    d.attempts = static_cast<int>(r.i64(2));
    d.next_at = r.i64(3);
    d.created_at = r.i64(4);
    out.push_back(std::move(d));
  }
  return out;
}

Status markDelivered(db::Conn& c, std::int64_t id, int attempts, Millis now) {
  TRY(auto n, c.exec("UPDATE work_deliveries SET delivered_at = ?, attempts = ?, "
                     "lease_until = NULL, last_error = '' WHERE id = ?",
                     {now, std::int64_t{attempts}, id}));
  (void)n;
  return {};
}

Status markFailedAttempt(db::Conn& c, std::int64_t id, int attempts, std::optional<Millis> next_at,
                         const std::string& error, Millis now) {
  TRY(auto n, c.exec("UPDATE work_deliveries SET attempts = ?, next_at = ?, failed_at = ?, "
                     "lease_until = NULL, last_error = ? WHERE id = ?",
                     {std::int64_t{attempts}, next_at.value_or(now),
                      next_at ? db::Value(nullptr) : db::Value(now), error, id}));
  (void)n;
  return {};
}

Result<OutboxCounts> outboxCounts(db::Conn& c, const std::string& channel) {
  TRY(auto rows,
      c.query("SELECT COALESCE(SUM(CASE WHEN delivered_at IS NULL AND failed_at IS NULL THEN 1 "
              "ELSE 0 END), 0), COALESCE(SUM(CASE WHEN delivered_at IS NOT NULL THEN 1 ELSE 0 "
              "END), 0), COALESCE(SUM(CASE WHEN failed_at IS NOT NULL THEN 1 ELSE 0 END), 0) "
              "FROM work_deliveries WHERE channel = ?",
              {channel}));
  return OutboxCounts{rows[0].i64(0), rows[0].i64(1), rows[0].i64(2)};
}

}  // namespace anlan::work::store

#include "hazard/store.h"

#include <algorithm>
#include <boost/json.hpp>
#include <iterator>
#include <map>
#include <tuple>
#include <unordered_map>

#include "access/sql.h"
#include "db/query.h"
#include "hazard/codec.h"

namespace anlan::hazard::store {
namespace {

namespace bj = boost::json;

constexpr const char* kColumns =
    "SELECT h.id, h.code, h.enterprise_id, h.enterprise_name, h.site, h.jurisdiction, h.unit, "
    "h.sector, "
    "h.lon, h.lat, h.description, h.grade, h.source, h.found_at, h.found_by, h.risk_color, "
    "h.state, "
    "h.deadline, h.overdue, h.supervision, h.confirmation, h.assignment, h.plan, h.closed_off_at, "
    "h.reporter_id, h.demo, h.version, h.created_at, h.updated_at FROM hazards h";

db::Value opt(const std::optional<std::int64_t>& v) {
  return v ? db::Value(*v) : db::Value(nullptr);
}

db::Value record(const bj::value& v) {
  return v.is_null() ? db::Value(nullptr) : db::Value(bj::serialize(v));
}

// A stored record (confirmation, assignment, plan) read back; one this server cannot read is an
// internal error, never silently dropped.
template <class T>
Result<std::optional<T>> readRecord(const db::Row& r, std::size_t i,
                                    Result<T> (*from)(const bj::object&), std::int64_t id) {
  if (r.isNull(i)) return std::optional<T>();
  boost::system::error_code ec;
  auto v = bj::parse(r.str(i), ec);
  if (ec || !v.is_object())
    return Error::internal("hazard " + std::to_string(id) + " has an unreadable record");
  auto parsed = from(v.as_object());
  if (!parsed.ok()) {
    return Error::internal("hazard " + std::to_string(id) +
                           " has an unreadable record: " + parsed.error().message);
  }
  return std::optional<T>(std::move(parsed).value());
}

template <class T>
Result<T> known(std::optional<T> v, const char* what, const std::string& text) {
  if (!v)
    return Error::internal(std::string("a stored ") + what + " this server does not know: '" +
                           text + "'");
  return *v;
}

std::string searchText(const Hazard& h) {
  return db::lowerAscii(h.code + " " + h.enterprise_name + " " + h.site + " " + h.description);
}

// The columns of a hazard's subject, for access::whereOf.
constexpr access::Columns kScopeColumns{.jurisdiction = "h.jurisdiction",
                                        .unit = "h.unit",
                                        .sector = "h.sector",
                                        .enterprise = "h.enterprise_id"};
// The kept counts know units and sectors only.
constexpr access::Columns kCountScope{
    .jurisdiction = "", .unit = "unit", .sector = "sector", .enterprise = ""};

Result<Hazard> toHazard(const db::Row& r) {
  Hazard h;
  h.id = r.i64(0);
  h.code = r.str(1);
  h.enterprise_id = r.optI64(2);
  h.enterprise_name = r.str(3);
  h.site = r.str(4);
  h.jurisdiction = r.str(5);
  h.unit = r.str(6);
  h.sector = r.str(7);
  if (!r.isNull(8) && !r.isNull(9)) h.location = geo::LonLat{r.f64(8), r.f64(9)};
  h.description = r.str(10);
  TRY(h.grade, known(parseGrade(r.str(11)), "grade", r.str(11)));
  h.source = r.str(12);
  h.found_at = r.i64(13);
  h.found_by = r.str(14);
  h.risk_color = r.str(15);
  TRY(h.state, known(parseState(r.str(16)), "state", r.str(16)));
  h.deadline = r.optI64(17);
  h.overdue = r.i64(18) != 0;
  h.supervision = r.str(19);
  TRY(h.confirmation, readRecord<Confirmation>(r, 20, confirmationFromJson, h.id));
  TRY(h.assignment, readRecord<Assignment>(r, 21, assignmentFromJson, h.id));
  TRY(h.plan, readRecord<Plan>(r, 22, planFromJson, h.id));
  h.closed_off_at = r.optI64(23);
  h.reporter_id = r.optI64(24);
  h.demo = r.i64(25) != 0;
  h.version = r.i64(26);
  h.created_at = r.i64(27);
  h.updated_at = r.i64(28);
  return h;
}

Result<std::vector<Hazard>> toHazards(const db::Rows& rows) {
  std::vector<Hazard> out;
  out.reserve(rows.size());
  for (const auto& r : rows.rows) {
    TRY(auto h, toHazard(r));
    out.push_back(std::move(h));
  }
  return out;
}

std::string filtersOf(const Query& q, std::vector<db::Value>& params) {
  std::string where;
  if (q.sector) {
    where += " AND h.sector = ?";
    params.emplace_back(*q.sector);
  }
  if (q.grade) {
    where += " AND h.grade = ?";
    params.emplace_back(std::string(gradeName(*q.grade)));
  }
  if (!q.states.empty()) {
    std::vector<std::string> names;
    for (State s : q.states) names.emplace_back(stateName(s));
    where += " AND h.state IN " + db::inList(params, names);
  }
  if (q.open_only) where += " AND h.state NOT IN ('closed_off', 'rechecked')";
  if (q.overdue) {
    where += " AND h.overdue = ?";
    params.emplace_back(std::int64_t{*q.overdue});
  }
  if (q.source) {
    where += " AND h.source = ?";
    params.emplace_back(*q.source);
  }
  if (q.supervision) {
    where += " AND h.supervision = ?";
    params.emplace_back(*q.supervision);
  }
  if (q.enterprise_id) {
    where += " AND h.enterprise_id = ?";
    params.emplace_back(*q.enterprise_id);
  }
  if (q.found_from) {
    where += " AND h.found_at >= ?";
    params.emplace_back(*q.found_from);
  }
  if (q.found_to) {
    where += " AND h.found_at < ?";
    params.emplace_back(*q.found_to);
  }
  if (q.q) where += db::contains("h.search", db::lowerAscii(*q.q), params);
  return where;
}

constexpr const char* kInsert =
    "INSERT INTO hazards (code, enterprise_id, enterprise_name, site, jurisdiction, unit, sector, "
    "lon, lat, "
    "description, grade, source, found_at, found_by, risk_color, state, deadline, overdue, "
    "supervision, "
    "confirmation, assignment, plan, closed_off_at, reporter_id, search, demo, version, "
    "created_at, updated_at) "
    "VALUES ";
// The values of one row of kInsert, in the order hazardValues gives them.
constexpr const char* kInsertRow =
    "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

std::vector<db::Value> hazardValues(const Hazard& h) {
  db::Value lon = h.location ? db::Value(h.location->lon) : db::Value(nullptr);
  db::Value lat = h.location ? db::Value(h.location->lat) : db::Value(nullptr);
  return {h.code,
          opt(h.enterprise_id),
          h.enterprise_name,
          h.site,
          h.jurisdiction,
          h.unit,
          h.sector,
          lon,
          lat,
          h.description,
          std::string(gradeName(h.grade)),
          h.source,
          h.found_at,
          h.found_by,
          h.risk_color,
          std::string(stateName(h.state)),
          opt(h.deadline),
          std::int64_t{h.overdue},
          h.supervision,
          record(confirmationJson(h.confirmation)),
          record(assignmentJson(h.assignment)),
          record(planJson(h.plan)),
          opt(h.closed_off_at),
          opt(h.reporter_id),
          searchText(h),
          std::int64_t{h.demo},
          h.version,
          h.created_at,
          h.updated_at};
}

}  // namespace

Result<std::optional<Hazard>> find(db::Conn& c, std::int64_t id) {
  TRY(auto rows, c.query(std::string(kColumns) + " WHERE h.id = ?", {id}));
  if (rows.empty()) return std::optional<Hazard>();
  TRY(auto h, toHazard(rows[0]));
  return std::optional<Hazard>(std::move(h));
}

Result<std::map<std::int64_t, Subject>> subjectsOf(db::Conn& c,
                                                   const std::vector<std::int64_t>& ids) {
  std::map<std::int64_t, Subject> out;
  for (std::size_t from = 0; from < ids.size(); from += 500) {
    std::vector<db::Value> params;
    std::string in = "(";
    for (std::size_t i = from; i < std::min(ids.size(), from + 500); ++i) {
      in += i == from ? "?" : ", ?";
      params.emplace_back(ids[i]);
    }
    TRY(auto rows,
        c.query(
            "SELECT id, jurisdiction, sector, enterprise_id FROM hazards WHERE id IN " + in + ")",
            params));
    for (const auto& r : rows.rows) out[r.i64(0)] = Subject{r.str(1), {r.str(2)}, r.optI64(3)};
  }
  return out;
}

Result<std::int64_t> insert(db::Conn& c, const Hazard& h) {
  auto values = hazardValues(h);
  TRY(auto rows, c.query(std::string(kInsert) + kInsertRow + " RETURNING id", values));
  return rows[0].i64(0);
}

Result<std::vector<std::int64_t>> insertMany(db::Conn& c, const std::vector<Hazard>& hs) {
  // 1,000 rows of 29 values stay below SQLite's 32,766 bound parameters (PostgreSQL: 65,535).
  constexpr std::size_t kRows = 1000;
  std::vector<std::int64_t> ids;
  ids.reserve(hs.size());
  for (std::size_t from = 0; from < hs.size(); from += kRows) {
    std::size_t n = std::min(kRows, hs.size() - from);
    std::string sql = kInsert;
    std::vector<db::Value> params;
    params.reserve(n * 29);
    std::unordered_map<std::string, std::size_t> at;  // code -> index in hs
    for (std::size_t i = from; i < from + n; ++i) {
      if (i > from) sql += ", ";
      sql += kInsertRow;
      auto values = hazardValues(hs[i]);
      std::move(values.begin(), values.end(), std::back_inserter(params));
      at.emplace(hs[i].code, i);
    }
    // Neither engine promises RETURNING rows in VALUES order: they are matched by their codes.
    TRY(auto rows, c.query(sql + " RETURNING id, code", params));
    if (rows.size() != n || at.size() != n)
      return Error::internal("bulk insert of hazards returned unexpected rows");
    ids.resize(from + n);
    for (const auto& r : rows.rows) {
      auto it = at.find(r.str(1));
      if (it == at.end()) return Error::internal("bulk insert of hazards returned an unknown code");
      ids[it->second] = r.i64(0);
    }
  }
  return ids;
}

Result<bool> update(db::Conn& c, const Hazard& h) {
  auto values = hazardValues(h);
  values.emplace_back(h.id);
  values.emplace_back(h.version - 1);
  TRY(auto n,
      c.exec(
          "UPDATE hazards SET code = ?, enterprise_id = ?, enterprise_name = ?, site = ?, "
          "jurisdiction = ?, unit = ?, sector = ?, lon = ?, lat = ?, description = ?, grade = ?, "
          "source = ?, found_at = ?, found_by = ?, risk_color = ?, state = ?, deadline = ?, "
          "overdue = ?, "
          "supervision = ?, confirmation = ?, assignment = ?, plan = ?, closed_off_at = ?, "
          "reporter_id = ?, search = ?, demo = ?, version = ?, created_at = ?, updated_at = ? "
          "WHERE id = ? AND version = ?",
          values));
  return n == 1;
}

Result<Page> list(db::Conn& c, const Query& q, const access::Scope& scope) {
  Page page;
  if (scope.none()) return page;
  std::vector<db::Value> params;
  // Statements one by one: the operands of + are not evaluated in a fixed order, and each
  // appends parameters.
  TRY(std::string visible, access::whereOf(scope, kScopeColumns, params));
  std::string sql = std::string(kColumns) + " WHERE 1 = 1" + visible;
  sql += filtersOf(q, params);
  bool by_deadline = q.sort == "deadline", by_id = q.sort == "id";
  if (by_deadline) sql += " AND h.deadline IS NOT NULL";
  db::Order order{by_id         ? "h.id"
                  : by_deadline ? "h.deadline"
                                : "h.found_at",
                  "h.id", false, !by_id && !by_deadline};
  if (!q.cursor.empty()) {
    TRY(auto k, db::decodeCursor(q.cursor));
    TRY(std::string after, db::after(order, k, params));
    sql += after;
  }
  sql += db::orderBy(order) + " LIMIT ?";
  params.emplace_back(std::int64_t{q.limit + 1});
  TRY(auto rows, c.query(sql, params));
  TRY(page.items, toHazards(rows));
  if (static_cast<int>(page.items.size()) > q.limit) {
    page.items.resize(q.limit);
    const Hazard& last = page.items.back();
    std::int64_t value = by_id ? last.id : by_deadline ? last.deadline.value_or(0) : last.found_at;
    page.next_cursor = db::encodeCursor(value, last.id);
  }
  return page;
}

Result<std::int64_t> addEvent(db::Conn& c, const Event& e) {
  db::Value from = e.from ? db::Value(std::string(stateName(*e.from))) : db::Value(nullptr);
  db::Value to = e.to ? db::Value(std::string(stateName(*e.to))) : db::Value(nullptr);
  TRY(auto rows, c.query("INSERT INTO hazard_events (hazard_id, at, actor_id, actor_name, kind, "
                         "from_state, to_state, "
                         "data) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                         {e.hazard_id, e.at, opt(e.actor_id), e.actor_name, e.kind, from, to,
                          bj::serialize(e.data)}));
  return rows[0].i64(0);
}

namespace {

Result<std::vector<Event>> toEvents(const db::Rows& rows) {
  std::vector<Event> out;
  for (const auto& r : rows.rows) {
    Event e;
    e.id = r.i64(0);
    e.hazard_id = r.i64(1);
    e.at = r.i64(2);
    e.actor_id = r.optI64(3);
    e.actor_name = r.str(4);
    e.kind = r.str(5);
    if (!r.isNull(6)) {
      TRY(e.from, known(parseState(r.str(6)), "state", r.str(6)));
    }
    if (!r.isNull(7)) {
      TRY(e.to, known(parseState(r.str(7)), "state", r.str(7)));
    }
    boost::system::error_code ec;
    auto data = bj::parse(r.str(8), ec);
    if (ec || !data.is_object())
      return Error::internal("timeline entry " + std::to_string(e.id) + " is unreadable");
    e.data = std::move(data.as_object());
    out.push_back(std::move(e));
  }
  return out;
}

constexpr const char* kEventColumns =
    "SELECT id, hazard_id, at, actor_id, actor_name, kind, from_state, to_state, data "
    "FROM hazard_events ";

}  // namespace

Result<std::vector<Event>> events(db::Conn& c, std::int64_t hazard_id) {
  TRY(auto rows,
      c.query(std::string(kEventColumns) + "WHERE hazard_id = ? ORDER BY id", {hazard_id}));
  return toEvents(rows);
}

Result<std::map<std::int64_t, std::vector<Event>>> eventsOf(
    db::Conn& c, const std::vector<std::int64_t>& hazard_ids) {
  std::map<std::int64_t, std::vector<Event>> out;
  // In chunks, so that no statement has more parameters than an engine allows.
  for (std::size_t at = 0; at < hazard_ids.size(); at += 500) {
    std::vector<db::Value> params;
    std::string list;
    for (std::size_t i = at; i < std::min(hazard_ids.size(), at + 500); ++i) {
      list += list.empty() ? "?" : ", ?";
      params.emplace_back(hazard_ids[i]);
    }
    TRY(auto rows, c.query(std::string(kEventColumns) + "WHERE hazard_id IN (" + list +
                               ") ORDER BY hazard_id, id",
                           params));
    TRY(auto events, toEvents(rows));
    for (auto& e : events) out[e.hazard_id].push_back(std::move(e));
  }
  return out;
}

namespace {

constexpr const char* kAttachmentColumns =
    "SELECT id, hazard_id, name, media_type, size, sha256, event_id, uploaded_by, uploaded_at FROM "
    "hazard_attachments";

Attachment toAttachment(const db::Row& r) {
  Attachment a;
  a.id = r.i64(0);
  a.hazard_id = r.i64(1);
  a.name = r.str(2);
  a.media_type = r.str(3);
  a.size = r.i64(4);
  a.sha256 = r.str(5);
  a.event_id = r.optI64(6);
  a.uploaded_by = r.str(7);
  a.uploaded_at = r.i64(8);
  return a;
}

}  // namespace

Result<std::int64_t> addAttachment(db::Conn& c, const Attachment& a) {
  TRY(auto rows,
      c.query(
          "INSERT INTO hazard_attachments (hazard_id, name, media_type, size, sha256, event_id, "
          "uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
          {a.hazard_id, a.name, a.media_type, a.size, a.sha256, opt(a.event_id), a.uploaded_by,
           a.uploaded_at}));
  return rows[0].i64(0);
}

Result<std::vector<Attachment>> attachments(db::Conn& c, std::int64_t hazard_id) {
  TRY(auto rows,
      c.query(std::string(kAttachmentColumns) + " WHERE hazard_id = ? ORDER BY id", {hazard_id}));
  std::vector<Attachment> out;
  for (const auto& r : rows.rows) out.push_back(toAttachment(r));
  return out;
}

Result<std::optional<Attachment>> findAttachment(db::Conn& c, std::int64_t id) {
  TRY(auto rows, c.query(std::string(kAttachmentColumns) + " WHERE id = ?", {id}));
  if (rows.empty()) return std::optional<Attachment>();
  return std::optional<Attachment>(toAttachment(rows[0]));
}

Result<std::int64_t> attachmentCount(db::Conn& c, std::int64_t hazard_id) {
  TRY(auto rows,
      c.query("SELECT COUNT(*) FROM hazard_attachments WHERE hazard_id = ?", {hazard_id}));
  return rows[0].i64(0);
}

Status linkAttachments(db::Conn& c, const std::vector<std::int64_t>& ids, std::int64_t event_id) {
  for (auto id : ids) {
    TRY(auto n, c.exec("UPDATE hazard_attachments SET event_id = ? WHERE id = ?", {event_id, id}));
    (void)n;
  }
  return {};
}

Status addCount(db::Conn& c, const Count& cell, std::int64_t delta) {
  TRY(auto n, c.exec("INSERT INTO hazard_counts (unit, sector, grade, state, overdue, n) VALUES "
                     "(?, ?, ?, ?, ?, ?) "
                     "ON CONFLICT (unit, sector, grade, state, overdue) DO UPDATE SET n = "
                     "hazard_counts.n + excluded.n",
                     {cell.unit, cell.sector, std::string(gradeName(cell.grade)),
                      std::string(stateName(cell.state)), std::int64_t{cell.overdue}, delta}));
  (void)n;
  return {};
}

Status addMonth(db::Conn& c, const std::string& unit, const std::string& sector, Grade grade,
                const std::string& month, std::int64_t found, std::int64_t closed_off) {
  TRY(auto n,
      c.exec("INSERT INTO hazard_months (unit, sector, grade, month, found, closed_off) "
             "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (unit, sector, grade, month) DO UPDATE SET "
             "found = hazard_months.found + excluded.found, "
             "closed_off = hazard_months.closed_off + excluded.closed_off",
             {unit, sector, std::string(gradeName(grade)), month, found, closed_off}));
  (void)n;
  return {};
}

namespace {

Result<std::string> countFilter(const access::Scope& scope, std::vector<db::Value>& params) {
  TRY(std::string where, access::whereOf(scope, kCountScope, params));
  return " WHERE 1 = 1" + where;
}

// The cells in the order of their key, compared bytewise. Sorted here rather than by ORDER BY:
// PostgreSQL compares text in the database's collation, which costs more than the query itself.
Result<std::vector<Count>> toCounts(const db::Rows& rows) {
  std::vector<Count> out;
  out.reserve(rows.size());
  for (const auto& r : rows.rows) {
    if (r.i64(5) == 0) continue;
    TRY(Grade grade, known(parseGrade(r.str(2)), "grade", r.str(2)));
    TRY(State state, known(parseState(r.str(3)), "state", r.str(3)));
    out.push_back({r.str(0), r.str(1), grade, state, r.i64(4) != 0, r.i64(5)});
  }
  auto key = [](const Count& k) { return std::tie(k.unit, k.sector, k.grade, k.state, k.overdue); };
  std::sort(out.begin(), out.end(),
            [&](const Count& a, const Count& b) { return key(a) < key(b); });
  return out;
}

void sortTallies(std::vector<Tally>& cells) {
  std::sort(cells.begin(), cells.end(), [](const Tally& a, const Tally& b) {
    return std::tie(a.unit, a.sector) < std::tie(b.unit, b.sector);
  });
}

}  // namespace

Result<std::vector<Count>> counts(db::Conn& c, const access::Scope& scope) {
  if (scope.none()) return std::vector<Count>();
  std::vector<db::Value> params;
  TRY(std::string where, countFilter(scope, params));
  std::string sql = "SELECT unit, sector, grade, state, overdue, n FROM hazard_counts" + where;
  TRY(auto rows, c.query(sql, params));
  return toCounts(rows);
}

Result<Tallies> tallies(db::Conn& c, const access::Scope& scope, const std::vector<State>& closed) {
  Tallies out;
  if (scope.none()) return out;
  std::vector<std::string> closed_names;
  for (State st : closed) closed_names.emplace_back(stateName(st));
  std::string major = gradeName(Grade::kMajor);
  std::vector<db::Value> params;
  std::string sql =
      "SELECT unit, sector, SUM(n), SUM(CASE WHEN state IN " + db::inList(params, closed_names);
  sql +=
      " THEN n ELSE 0 END), SUM(CASE WHEN overdue = 1 THEN n ELSE 0 END), SUM(CASE WHEN grade = ? "
      "THEN n ELSE 0 END), ";
  params.emplace_back(major);
  sql += "SUM(CASE WHEN grade = ? AND state NOT IN ";
  params.emplace_back(major);
  sql += db::inList(params, closed_names) + " THEN n ELSE 0 END) FROM hazard_counts";
  TRY(std::string where, countFilter(scope, params));
  sql += where + " GROUP BY unit, sector";
  TRY(auto rows, c.query(sql, params));
  for (const auto& r : rows.rows) {
    if (r.i64(2) == 0) continue;
    out.cells.push_back({r.str(0), r.str(1), r.i64(2), r.i64(3), r.i64(4), r.i64(5), r.i64(6)});
  }
  sortTallies(out.cells);
  params.clear();
  TRY(where, countFilter(scope, params));
  sql = "SELECT state, SUM(n) FROM hazard_counts" + where + " GROUP BY state";
  TRY(auto states, c.query(sql, params));
  for (const auto& r : states.rows) {
    TRY(State st, known(parseState(r.str(0)), "state", r.str(0)));
    if (r.i64(1) != 0) out.states[st] += r.i64(1);
  }
  return out;
}

Tallies tally(const std::vector<Count>& cells, const std::vector<State>& closed) {
  Tallies out;
  std::map<std::pair<std::string, std::string>, Tally> by;
  for (const auto& k : cells) {
    if (k.n == 0) continue;
    bool is_closed = std::find(closed.begin(), closed.end(), k.state) != closed.end();
    Tally& t = by[{k.unit, k.sector}];
    t.found += k.n;
    if (is_closed) t.closed_off += k.n;
    if (k.overdue) t.overdue += k.n;
    if (k.grade == Grade::kMajor) {
      t.major += k.n;
      if (!is_closed) t.major_open += k.n;
    }
    out.states[k.state] += k.n;
  }
  for (auto& [key, t] : by) {
    t.unit = key.first;
    t.sector = key.second;
    out.cells.push_back(std::move(t));
  }
  sortTallies(out.cells);
  return out;
}

Result<std::vector<UnitMonth>> months(db::Conn& c, const access::Scope& scope,
                                      const std::vector<std::string>& months) {
  std::vector<UnitMonth> out;
  if (scope.none()) return out;
  std::vector<db::Value> params;
  // Months by equality (a range compares text in PostgreSQL's collation, row by row).
  TRY(std::string where, countFilter(scope, params));
  std::string sql = "SELECT unit, month, SUM(found), SUM(closed_off) FROM hazard_months" + where;
  sql +=
      " AND month IN " + db::inList(params, months) + " GROUP BY unit, month ORDER BY month, unit";
  TRY(auto rows, c.query(sql, params));
  for (const auto& r : rows.rows) out.push_back({r.str(0), {r.str(1), r.i64(2), r.i64(3)}});
  return out;
}

Result<std::vector<Count>> recount(db::Conn& c, const access::Scope& scope) {
  if (scope.none()) return std::vector<Count>();
  std::vector<db::Value> params;
  TRY(std::string visible, access::whereOf(scope, kScopeColumns, params));
  std::string sql =
      "SELECT h.unit, h.sector, h.grade, h.state, h.overdue, COUNT(*) FROM hazards h WHERE 1 = 1" +
      visible + " GROUP BY h.unit, h.sector, h.grade, h.state, h.overdue";
  TRY(auto rows, c.query(sql, params));
  return toCounts(rows);
}

Status rebuildCounts(db::Conn& c, const Calendar& cal) {
  TRY(auto a, c.exec("DELETE FROM hazard_counts"));
  TRY(auto b, c.exec("INSERT INTO hazard_counts (unit, sector, grade, state, overdue, n) "
                     "SELECT unit, sector, grade, state, overdue, COUNT(*) FROM hazards "
                     "GROUP BY unit, sector, grade, state, overdue"));
  TRY(auto d, c.exec("DELETE FROM hazard_months"));
  (void)a, (void)b, (void)d;
  // Months are computed here rather than in SQL (the two engines format dates differently), a
  // slice of ids at a time so that memory stays flat however many hazards there are.
  std::map<std::tuple<std::string, std::string, std::string, std::string>,
           std::pair<std::int64_t, std::int64_t>>
      cells;
  std::int64_t after = 0;
  for (;;) {
    TRY(auto rows,
        c.query("SELECT id, unit, sector, grade, found_at, closed_off_at FROM hazards WHERE id > ? "
                "ORDER BY id LIMIT 50000",
                {after}));
    if (rows.empty()) break;
    for (const auto& r : rows.rows) {
      cells[{r.str(1), r.str(2), r.str(3), cal.monthKey(r.i64(4))}].first++;
      if (!r.isNull(5)) cells[{r.str(1), r.str(2), r.str(3), cal.monthKey(r.i64(5))}].second++;
    }
    after = rows.rows.back().i64(0);
  }
  for (const auto& [k, v] : cells) {
    TRY(auto n, c.exec("INSERT INTO hazard_months (unit, sector, grade, month, found, closed_off) "
                       "VALUES (?, ?, ?, ?, ?, ?)",
                       {std::get<0>(k), std::get<1>(k), std::get<2>(k), std::get<3>(k), v.first,
                        v.second}));
    (void)n;
  }
  return {};
}

Result<std::vector<Hazard>> newlyOverdue(db::Conn& c, Millis now, int limit) {
  TRY(auto rows,
      c.query(
          std::string(kColumns) +
              " WHERE h.overdue = 0 AND h.state IN ('assigned', 'rectifying') AND h.deadline < ? "
              "ORDER BY h.deadline LIMIT ?",
          {now, std::int64_t{limit}}));
  return toHazards(rows);
}

Result<std::vector<Hazard>> overdueIn(db::Conn& c, const std::vector<std::string>& units,
                                      int limit) {
  std::vector<db::Value> params;
  std::string sql = std::string(kColumns) + " WHERE h.overdue = 1";
  if (!units.empty()) sql += " AND h.unit IN " + db::inList(params, units);
  sql += " ORDER BY h.deadline, h.id LIMIT ?";
  params.emplace_back(std::int64_t{limit});
  TRY(auto rows, c.query(sql, params));
  return toHazards(rows);
}

Result<std::vector<Hazard>> closedIn(db::Conn& c, const std::vector<std::string>& units,
                                     Millis from, Millis to, int limit) {
  std::vector<db::Value> params{from, to};
  std::string sql = std::string(kColumns) + " WHERE h.closed_off_at >= ? AND h.closed_off_at < ?";
  if (!units.empty()) sql += " AND h.unit IN " + db::inList(params, units);
  sql += " ORDER BY h.closed_off_at, h.id LIMIT ?";
  params.emplace_back(std::int64_t{limit});
  TRY(auto rows, c.query(sql, params));
  return toHazards(rows);
}

Result<std::map<std::string, PeriodCount>> periodCounts(db::Conn& c,
                                                        const std::vector<std::string>& units,
                                                        Millis from, Millis to) {
  std::map<std::string, PeriodCount> out;
  for (const char* column : {"found_at", "closed_off_at"}) {
    std::vector<db::Value> params{from, to};
    std::string sql = std::string("SELECT unit, COUNT(*) FROM hazards WHERE ") + column +
                      " >= ? AND " + column + " < ?";
    if (!units.empty()) sql += " AND unit IN " + db::inList(params, units);
    sql += " GROUP BY unit";
    TRY(auto rows, c.query(sql, params));
    bool found = std::string_view(column) == "found_at";
    for (const auto& r : rows.rows) {
      PeriodCount& p = out[r.str(0)];
      (found ? p.found : p.closed_off) = r.i64(1);
    }
  }
  return out;
}

namespace {

bj::value noticeBody(const Notice& n) {
  bj::object o = toJson(n);
  return o["rows"];
}

Result<Notice> toNotice(const db::Row& r) {
  Notice n;
  n.id = r.i64(0);
  n.number = r.str(1);
  n.jurisdiction = r.str(2);
  n.period_from = r.i64(3);
  n.period_to = r.i64(4);
  n.issued_at = r.i64(5);
  n.issued_by = r.str(6);
  n.trigger = r.str(7);
  boost::system::error_code ec;
  auto body = bj::parse(r.str(8), ec);
  if (ec || !body.is_array())
    return Error::internal("notice " + n.number + " has an unreadable body");
  for (const auto& v : body.as_array()) {
    const bj::object& o = v.as_object();
    NoticeRow row;
    row.unit = std::string(o.at("unit").as_string());
    row.found = o.at("found").as_int64();
    row.closed_off = o.at("closed_off").as_int64();
    row.open = o.at("open").as_int64();
    row.overdue = o.at("overdue").as_int64();
    row.rate = o.at("rate").is_double() ? o.at("rate").as_double()
                                        : static_cast<double>(o.at("rate").as_int64());
    for (const auto& it : o.at("overdue_items").as_array())
      row.overdue_items.push_back(it.as_object());
    for (const auto& it : o.at("closed_items").as_array())
      row.closed_items.push_back(it.as_object());
    n.rows.push_back(std::move(row));
  }
  return n;
}

constexpr const char* kNoticeColumns =
    "SELECT id, number, jurisdiction, period_from, period_to, issued_at, issued_by, trigger_kind, "
    "body "
    "FROM hazard_notices";

}  // namespace

Result<std::int64_t> insertNotice(db::Conn& c, const Notice& n) {
  TRY(auto rows,
      c.query(
          "INSERT INTO hazard_notices (number, jurisdiction, period_from, period_to, issued_at, "
          "issued_by, trigger_kind, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
          {n.number, n.jurisdiction, n.period_from, n.period_to, n.issued_at, n.issued_by,
           n.trigger, bj::serialize(noticeBody(n))}));
  return rows[0].i64(0);
}

Result<std::optional<Notice>> findNotice(db::Conn& c, std::int64_t id) {
  TRY(auto rows, c.query(std::string(kNoticeColumns) + " WHERE id = ?", {id}));
  if (rows.empty()) return std::optional<Notice>();
  TRY(auto n, toNotice(rows[0]));
  return std::optional<Notice>(std::move(n));
}

Result<std::vector<Notice>> notices(db::Conn& c, const std::vector<std::string>& jurisdictions,
                                    std::optional<std::int64_t> before_id, int limit) {
  std::vector<db::Value> params;
  std::string sql = std::string(kNoticeColumns) + " WHERE 1 = 1";
  if (!jurisdictions.empty()) sql += " AND jurisdiction IN " + db::inList(params, jurisdictions);
  if (before_id) {
    sql += " AND id < ?";
    params.emplace_back(*before_id);
  }
  sql += " ORDER BY id DESC LIMIT ?";
  params.emplace_back(std::int64_t{limit});
  TRY(auto rows, c.query(sql, params));
  std::vector<Notice> out;
  for (const auto& r : rows.rows) {
    TRY(auto n, toNotice(r));
    out.push_back(std::move(n));
  }
  return out;
}

Result<std::optional<Millis>> lastPeriodEnd(db::Conn& c, const std::string& jurisdiction) {
  TRY(auto rows,
      c.query("SELECT MAX(period_to) FROM hazard_notices WHERE jurisdiction = ?", {jurisdiction}));
  if (rows.empty() || rows[0].isNull(0)) return std::optional<Millis>();
  return std::optional<Millis>(rows[0].i64(0));
}

Result<std::optional<Millis>> firstCreated(db::Conn& c) {
  TRY(auto rows, c.query("SELECT MIN(created_at) FROM hazards"));
  if (rows.empty() || rows[0].isNull(0)) return std::optional<Millis>();
  return std::optional<Millis>(rows[0].i64(0));
}

}  // namespace anlan::hazard::store

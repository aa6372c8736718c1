#include "duty/store.h"

#include <boost/json.hpp>

namespace anlan::duty::store {
namespace {

namespace bj = boost::json;

db::Value opt(const std::optional<Millis>& v) { return v ? db::Value(*v) : db::Value(nullptr); }
db::Value optBool(const std::optional<bool>& v) {
  return v ? db::Value(std::int64_t{*v}) : db::Value(nullptr);
}
std::optional<bool> readBool(const db::Row& r, std::size_t i) {
  if (r.isNull(i)) return std::nullopt;
  return r.i64(i) != 0;
}

std::string namesJson(const std::vector<std::string>& names) {
  bj::array a;
  for (const auto& n : names) a.emplace_back(n);
  return bj::serialize(a);
}

std::vector<std::string> namesOf(const std::string& text) {
  std::vector<std::string> out;
  boost::system::error_code ec;
  auto v = bj::parse(text, ec);
  if (ec || !v.is_array()) return out;
  for (const auto& n : v.as_array()) {
    if (n.is_string()) out.emplace_back(n.as_string());
  }
  return out;
}

constexpr const char* kIntakeColumns =
    "SELECT id, room, reporter_name, reporter_unit, reporter_phone, event_type, occurred_at, "
    "place, scope, dead, "
    "injured, missing, handling, help_requested, state, passed_up_at, created_by, created_at, "
    "version, received_at, received_by FROM intake_reports";

Intake toIntake(const db::Row& r) {
  Intake i;
  i.id = r.i64(0);
  i.room = r.str(1);
  i.reporter_name = r.str(2);
  i.reporter_unit = r.str(3);
  i.reporter_phone = r.str(4);
  i.event_type = r.str(5);
  i.occurred_at = r.i64(6);
  i.place = r.str(7);
  i.scope = r.str(8);
  i.dead = r.i64(9);
  i.injured = r.i64(10);
  i.missing = r.i64(11);
  i.handling = r.str(12);
  i.help_requested = r.str(13);
  i.state = r.str(14);
  i.passed_up_at = r.optI64(15);
  i.created_by = r.str(16);
  i.received_at = r.optI64(19);
  i.received_by = r.str(20);
  i.created_at = r.i64(17);
  i.version = r.i64(18);
  return i;
}

Status loadRooms(db::Conn& c, RollCall& call) {
  TRY(auto rows,
      c.query("SELECT room, position, state, rung_at, answered_at, answered_by, rostered, on_post, "
              "av_fault, report, assessment, remarks FROM roll_call_rooms WHERE roll_call_id = ? "
              "ORDER BY position",
              {call.id}));
  call.rooms.clear();
  for (const auto& r : rows.rows) {
    CallRoom room;
    room.room = r.str(0);
    room.position = static_cast<int>(r.i64(1));
    room.state = r.str(2);
    room.rung_at = r.optI64(3);
    room.answered_at = r.optI64(4);
    room.answered_by = r.str(5);
    room.rostered = readBool(r, 6);
    room.on_post = readBool(r, 7);
    room.av_fault = r.str(8);
    room.report = r.str(9);
    room.assessment = r.str(10);
    room.remarks = r.str(11);
    call.rooms.push_back(std::move(room));
  }
  return {};
}

constexpr const char* kCallColumns =
    "SELECT id, started_at, started_by, mode, seed, requested, weighted, state, finished_at, "
    "version, notice_year, "
    "notice_serial, notice_number, notice_issued_at FROM roll_calls";

RollCall toCall(const db::Row& r) {
  RollCall call;
  call.id = r.i64(0);
  call.started_at = r.i64(1);
  call.started_by = r.str(2);
  call.mode = r.str(3);
  call.seed = r.str(4);
  call.requested = static_cast<int>(r.i64(5));
  call.weighted = r.i64(6) != 0;
  call.state = r.str(7);
  call.finished_at = r.optI64(8);
  call.version = r.i64(9);
  call.notice_year = r.optI64(10);
  call.notice_serial = r.optI64(11);
  if (!r.isNull(12)) call.notice_number = r.str(12);
  call.notice_issued_at = r.optI64(13);
  return call;
}

}  // namespace

Result<std::int64_t> insertShift(db::Conn& c, const Shift& s) {
  TRY(auto rows,
      c.query(
          "INSERT INTO duty_shifts (room, starts_at, ends_at, leader, officers, note, created_by, "
          "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
          {s.room, s.starts_at, s.ends_at, s.leader, namesJson(s.officers), s.note, s.created_by,
           s.created_at}));
  return rows[0].i64(0);
}

Result<std::vector<Shift>> shifts(db::Conn& c, const std::string& room, Millis from, Millis to) {
  TRY(auto rows,
      c.query("SELECT id, room, starts_at, ends_at, leader, officers, note, created_by, created_at "
              "FROM duty_shifts WHERE room = ? AND starts_at < ? AND ends_at > ? ORDER BY "
              "starts_at, id",
              {room, to, from}));
  std::vector<Shift> out;
  for (const auto& r : rows.rows) {
    out.push_back({r.i64(0), r.str(1), r.i64(2), r.i64(3), r.str(4), namesOf(r.str(5)), r.str(6),
                   r.str(7), r.i64(8)});
  }
  return out;
}

Result<std::int64_t> insertLog(db::Conn& c, const LogEntry& e) {
  TRY(auto rows,
      c.query(
          "INSERT INTO duty_log (room, at, author, kind, text) VALUES (?, ?, ?, ?, ?) RETURNING id",
          {e.room, e.at, e.author, e.kind, e.text}));
  return rows[0].i64(0);
}

Result<std::vector<LogEntry>> log(db::Conn& c, const std::string& room,
                                  std::optional<std::int64_t> before_id, int limit) {
  std::vector<db::Value> params{room, before_id ? *before_id : INT64_MAX, std::int64_t{limit}};
  TRY(auto rows,
      c.query("SELECT id, room, at, author, kind, text FROM duty_log WHERE room = ? AND id < ? "
              "ORDER BY id DESC LIMIT ?",
              params));
  std::vector<LogEntry> out;
  for (const auto& r : rows.rows)
    out.push_back({r.i64(0), r.str(1), r.i64(2), r.str(3), r.str(4), r.str(5)});
  return out;
}

Result<std::int64_t> insertIntake(db::Conn& c, const Intake& i) {
  TRY(auto rows,
      c.query("INSERT INTO intake_reports (room, reporter_name, reporter_unit, reporter_phone, "
              "event_type, "
              "occurred_at, place, scope, dead, injured, missing, handling, help_requested, state, "
              "passed_up_at, created_by, created_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
              "?, ?, ?, "
              "?, ?, ?, ?, ?, 1) RETURNING id",
              {i.room, i.reporter_name, i.reporter_unit, i.reporter_phone, i.event_type,
               i.occurred_at, i.place, i.scope, i.dead, i.injured, i.missing, i.handling,
               i.help_requested, i.state, opt(i.passed_up_at), i.created_by, i.created_at}));
  return rows[0].i64(0);
}

Result<std::optional<Intake>> findIntake(db::Conn& c, std::int64_t id) {
  TRY(auto rows, c.query(std::string(kIntakeColumns) + " WHERE id = ?", {id}));
  if (rows.empty()) return std::optional<Intake>();
  return std::optional<Intake>(toIntake(rows[0]));
}

Result<bool> updateIntake(db::Conn& c, const Intake& i) {
  TRY(auto n, c.exec("UPDATE intake_reports SET state = ?, passed_up_at = ?, received_at = ?, "
                     "received_by = ?, version = ? WHERE id = ? AND version = ?",
                     {i.state, opt(i.passed_up_at), opt(i.received_at), i.received_by, i.version,
                      i.id, i.version - 1}));
  return n == 1;
}

Result<std::vector<Intake>> intakes(db::Conn& c, const std::vector<std::string>& rooms,
                                    std::optional<std::int64_t> before_id, int limit) {
  std::vector<db::Value> params;
  std::string sql = std::string(kIntakeColumns) + " WHERE id < ?";
  params.emplace_back(before_id ? *before_id : INT64_MAX);
  if (!rooms.empty()) sql += " AND room IN " + db::inList(params, rooms);
  sql += " ORDER BY id DESC LIMIT ?";
  params.emplace_back(std::int64_t{limit});
  TRY(auto rows, c.query(sql, params));
  std::vector<Intake> out;
  for (const auto& r : rows.rows) out.push_back(toIntake(r));
  return out;
}

Result<std::int64_t> insertRollCall(db::Conn& c, const RollCall& r) {
  TRY(auto rows,
      c.query(
          "INSERT INTO roll_calls (started_at, started_by, mode, seed, requested, weighted, state, "
          "finished_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1) RETURNING id",
          {r.started_at, r.started_by, r.mode, r.seed, std::int64_t{r.requested},
           std::int64_t{r.weighted}, r.state, opt(r.finished_at)}));
  std::int64_t id = rows[0].i64(0);
  for (const auto& room : r.rooms) {
    TRY(auto n,
        c.exec(
            "INSERT INTO roll_call_rooms (roll_call_id, room, position, state, av_fault, report, "
            "assessment, remarks) VALUES (?, ?, ?, ?, '', '', '', '')",
            {id, room.room, std::int64_t{room.position}, room.state}));
    (void)n;
  }
  return id;
}

Result<std::optional<RollCall>> findRollCall(db::Conn& c, std::int64_t id) {
  TRY(auto rows, c.query(std::string(kCallColumns) + " WHERE id = ?", {id}));
  if (rows.empty()) return std::optional<RollCall>();
  RollCall call = toCall(rows[0]);
  TRY_STATUS(loadRooms(c, call));
  return std::optional<RollCall>(std::move(call));
}

Result<bool> updateRollCall(db::Conn& c, const RollCall& r) {
  auto text = [](const std::string& v) { return v.empty() ? db::Value(nullptr) : db::Value(v); };
  TRY(auto n,
      c.exec(
          "UPDATE roll_calls SET state = ?, finished_at = ?, notice_year = ?, notice_serial = ?, "
          "notice_number = ?, notice_issued_at = ?, version = ? WHERE id = ? AND version = ?",
          {r.state, opt(r.finished_at), opt(r.notice_year), opt(r.notice_serial),
           text(r.notice_number), opt(r.notice_issued_at), r.version, r.id, r.version - 1}));
  if (n != 1) return false;
  for (const auto& room : r.rooms) {
    TRY(auto m,
        c.exec(
            "UPDATE roll_call_rooms SET state = ?, rung_at = ?, answered_at = ?, answered_by = ?, "
            "rostered = ?, on_post = ?, av_fault = ?, report = ?, assessment = ?, remarks = ? "
            "WHERE roll_call_id = ? AND room = ?",
            {room.state, opt(room.rung_at), opt(room.answered_at), room.answered_by,
             optBool(room.rostered), optBool(room.on_post), room.av_fault, room.report,
             room.assessment, room.remarks, r.id, room.room}));
    (void)m;
  }
  return true;
}

Result<std::vector<RollCall>> rollCalls(db::Conn& c, const std::optional<std::string>& room,
                                        int limit) {
  std::vector<db::Value> params;
  std::string sql = kCallColumns;
  if (room) {
    sql += " WHERE id IN (SELECT roll_call_id FROM roll_call_rooms WHERE room = ?)";
    params.emplace_back(*room);
  }
  sql += " ORDER BY id DESC LIMIT ?";
  params.emplace_back(std::int64_t{limit});
  TRY(auto rows, c.query(sql, params));
  std::vector<RollCall> out;
  for (const auto& r : rows.rows) {
    RollCall call = toCall(r);
    TRY_STATUS(loadRooms(c, call));
    out.push_back(std::move(call));
  }
  return out;
}

Result<std::vector<std::int64_t>> unanswered(db::Conn& c, Millis before) {
  TRY(auto rows, c.query("SELECT DISTINCT roll_call_id FROM roll_call_rooms WHERE state = "
                         "'ringing' AND rung_at < ? "
                         "ORDER BY roll_call_id",
                         {before}));
  std::vector<std::int64_t> out;
  for (const auto& r : rows.rows) out.push_back(r.i64(0));
  return out;
}

Result<std::map<std::string, Millis>> lastChecked(db::Conn& c) {
  TRY(auto rows,
      c.query("SELECT r.room, MAX(c.started_at) FROM roll_call_rooms r JOIN roll_calls c "
              "ON c.id = r.roll_call_id GROUP BY r.room"));
  std::map<std::string, Millis> out;
  for (const auto& r : rows.rows) out[r.str(0)] = r.i64(1);
  return out;
}

Result<std::vector<RoomStats>> roomStats(db::Conn& c, Millis from, Millis to) {
  TRY(auto rows,
      c.query(
          "SELECT r.room, COUNT(*), "
          "CAST(SUM(CASE WHEN r.answered_at IS NOT NULL THEN 1 ELSE 0 END) AS BIGINT), "
          "CAST(SUM(CASE WHEN r.state = 'no_answer' THEN 1 ELSE 0 END) AS BIGINT), "
          "CAST(SUM(CASE WHEN r.answered_at IS NOT NULL THEN r.answered_at - r.rung_at ELSE 0 END) "
          "AS BIGINT), "
          "CAST(SUM(CASE WHEN r.assessment = 'good' THEN 1 ELSE 0 END) AS BIGINT), "
          "CAST(SUM(CASE WHEN r.assessment = 'needs_improvement' THEN 1 ELSE 0 END) AS BIGINT), "
          "CAST(SUM(CASE WHEN r.assessment = 'criticised' THEN 1 ELSE 0 END) AS BIGINT), "
          "MAX(c.started_at) "
          "FROM roll_call_rooms r JOIN roll_calls c ON c.id = r.roll_call_id "
          "WHERE c.started_at >= ? AND c.started_at < ? AND r.rung_at IS NOT NULL GROUP BY r.room "
          "ORDER BY r.room",
          {from, to}));
  std::vector<RoomStats> out;
  for (const auto& r : rows.rows) {
    RoomStats s;
    s.room = r.str(0);
    s.checks = r.i64(1);
    s.answered = r.i64(2);
    s.no_answer = r.i64(3);
    s.connect_ms_total = r.i64(4);
    s.good = r.i64(5);
    s.needs_improvement = r.i64(6);
    s.criticised = r.i64(7);
    s.last_checked_at = r.optI64(8);
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace anlan::duty::store

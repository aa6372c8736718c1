#include "duty/service.h"

#include <algorithm>
#include <map>
#include <set>

#include "audit/audit.h"
#include "core/crypto.h"
#include "core/json.h"
#include "db/serial.h"
#include "duty/codec.h"
#include "duty/rules.h"
#include "duty/store.h"

namespace anlan::duty {
namespace {

namespace bj = boost::json;
constexpr Millis kDay = 24LL * 3600 * 1000;

// e.g. 衡阳市视频抽查通报〔2026〕4号
std::string noticeNumber(const org::Jurisdiction* city, std::int64_t year, std::int64_t serial) {
  return (city ? city->name : std::string()) + "视频抽查通报〔" + std::to_string(year) + "〕" +
         std::to_string(serial) + "号";
}

Status audited(db::Conn& c, const Clock& clock, const access::Principal* p, const char* entity,
               std::int64_t id, const std::string& action, const std::string& jurisdiction,
               bj::object after) {
  TRY(auto aid, audit::append(c, clock, audit::actorOf(p), entity, std::to_string(id), action,
                              jurisdiction, std::nullopt, bj::value(std::move(after))));
  (void)aid;
  return {};
}

// A check that does not exist and a room that is not in it read the same, so that nobody learns
// which rooms a check includes.
Error noSuchRoom() { return Error::notFound("no such spot check, or the room is not in it"); }

Status readable(const access::Principal& p, const org::Registry& registry,
                const std::string& room) {
  if (!registry.commandCenter(room))
    return Error::invalid("room", "room must be a command center's jurisdiction");
  if (!mayReadRoom(p, room)) return Error::notFound("no such duty room");
  return {};
}

}  // namespace

void DutyService::publish(const std::string& type, const std::string& jurisdiction,
                          bj::object data) {
  bus_.publish({type, {jurisdiction, {}, {}}, "", "", clock_.now(), std::move(data)});
}

// The finished check becomes a notice (通报) of the city that ran it (the rooms' parent),
// numbered per year, issued when it finished.
Status DutyService::issueNotice(db::Conn& c, RollCall& call) const {
  call.notice_year = options_.calendar.year(*call.finished_at);
  TRY(call.notice_serial, db::nextSerial(c, "roll_call_notice", *call.notice_year));
  const org::Jurisdiction* first =
      call.rooms.empty() ? nullptr : registry_.find(call.rooms.front().room);
  const org::Jurisdiction* city = first ? registry_.find(first->parent) : nullptr;
  call.notice_number = noticeNumber(city, *call.notice_year, *call.notice_serial);
  call.notice_issued_at = call.finished_at;
  return {};
}

// The room's console rings on roll_call.ringing; the city follows every change of every room.
void DutyService::publishRoom(const RollCall& call, const std::string& room, const char* type) {
  auto it = std::find_if(call.rooms.begin(), call.rooms.end(),
                         [&](const CallRoom& r) { return r.room == room; });
  if (it == call.rooms.end()) return;
  publish(type, room,
          bj::object{{"roll_call_id", call.id}, {"room", toJson(*it)}, {"state", call.state}});
}

Result<Shift> DutyService::addShift(const access::Principal& p, Shift s) {
  if (s.room.empty()) s.room = p.user.jurisdiction;
  TRY_STATUS(validateShift(s, registry_));
  TRY_STATUS(mayKeepRoom(p, s.room));
  s.created_by = p.user.username;
  s.created_at = clock_.now();
  TRY_STATUS(db_.write([&](db::Conn& c) -> Status {
    TRY(s.id, store::insertShift(c, s));
    return audited(c, clock_, &p, "duty_shift", s.id, "create", s.room, toJson(s));
  }));
  publish("duty.rota_changed", s.room, toJson(s));
  return s;
}

Result<std::vector<Shift>> DutyService::shifts(const access::Principal& p, const std::string& room,
                                               Millis from, Millis to) {
  TRY_STATUS(readable(p, registry_, room));
  if (to <= from || to - from > 92 * kDay)
    return Error::invalid("to", "the period must be positive and at most 92 days");
  return db::read<std::vector<Shift>>(
      db_, [&](db::Conn& c) { return store::shifts(c, room, from, to); });
}

Result<std::vector<RotaProblem>> DutyService::rotaProblems(const access::Principal& p,
                                                           const std::string& room, Millis from,
                                                           Millis to) {
  TRY(auto list, shifts(p, room, from, to));
  return checkRota(std::move(list), from, to);
}

Result<LogEntry> DutyService::addLog(const access::Principal& p, LogEntry e) {
  if (e.room.empty()) e.room = p.user.jurisdiction;
  if (e.kind != "note" && e.kind != "handover")
    return Error::invalid("kind", "kind must be note or handover");
  if (e.text.empty() || e.text.size() > 4000)
    return Error::invalid("text", "text must be 1 to 4000 bytes");
  if (!registry_.commandCenter(e.room))
    return Error::invalid("room", "room must be a command center's jurisdiction");
  TRY_STATUS(mayKeepRoom(p, e.room));
  e.author = p.user.username;
  e.at = clock_.now();
  TRY_STATUS(db_.write([&](db::Conn& c) -> Status {
    TRY(e.id, store::insertLog(c, e));
    return audited(c, clock_, &p, "duty_log", e.id, "create", e.room, toJson(e));
  }));
  return e;
}

Result<std::vector<LogEntry>> DutyService::log(const access::Principal& p, const std::string& room,
                                               std::optional<std::int64_t> before_id, int limit) {
  TRY_STATUS(readable(p, registry_, room));
  return db::read<std::vector<LogEntry>>(
      db_, [&](db::Conn& c) { return store::log(c, room, before_id, limit); });
}

Result<Intake> DutyService::record(const access::Principal& p, Intake i) {
  if (i.room.empty()) i.room = p.user.jurisdiction;
  Millis now = clock_.now();
  if (!registry_.commandCenter(i.room))
    return Error::invalid("room", "room must be a command center's jurisdiction");
  TRY_STATUS(validateIntake(i, now));
  TRY_STATUS(mayKeepRoom(p, i.room));
  i.state = "recorded";
  i.passed_up_at.reset();
  i.created_by = p.user.username;
  i.created_at = now;
  i.version = 1;
  TRY_STATUS(db_.write([&](db::Conn& c) -> Status {
    TRY(i.id, store::insertIntake(c, i));
    return audited(c, clock_, &p, "intake", i.id, "create", i.room, toJson(i));
  }));
  publish("intake.recorded", i.room, toJson(i));
  return i;
}

Result<Intake> DutyService::intake(const access::Principal& p, std::int64_t id) {
  TRY(auto found,
      db::read<std::optional<Intake>>(db_, [&](db::Conn& c) { return store::findIntake(c, id); }));
  if (!found || !mayReadRoom(p, found->room)) return Error::notFound("no such intake report");
  return std::move(*found);
}

Result<std::vector<Intake>> DutyService::intakes(const access::Principal& p,
                                                 std::optional<std::int64_t> before_id, int limit) {
  if (p.user.role == access::Role::kEnterpriseOfficer) return std::vector<Intake>();
  std::vector<std::string> rooms;
  for (const auto& code : registry_.subtreeCodes(p.user.jurisdiction)) {
    if (registry_.commandCenter(code)) rooms.push_back(code);
  }
  if (rooms.empty()) return std::vector<Intake>();
  return db::read<std::vector<Intake>>(
      db_, [&](db::Conn& c) { return store::intakes(c, rooms, before_id, limit); });
}

Result<Intake> DutyService::changeIntake(const access::Principal& p, std::int64_t id,
                                         const std::function<Status(Intake&)>& change,
                                         const std::string& action, const char* event) {
  Intake after;
  work::Changes work;
  TRY_STATUS(db_.write([&](db::Conn& c) -> Status {
    TRY(auto found, store::findIntake(c, id));
    if (!found || !mayReadRoom(p, found->room)) return Error::notFound("no such intake report");
    after = *found;
    TRY_STATUS(change(after));
    after.version = found->version + 1;
    TRY(bool written, store::updateIntake(c, after));
    if (!written)
      return Error::conflict("the report was changed by someone else; reload and try again");
    TRY(work, work_.sync(c, "intake", id, workOf(after), clock_.now()));
    return audited(c, clock_, &p, "intake", id, action, after.room, toJson(after));
  }));
  // The event belongs to the room's jurisdiction: the city (and the room) see it, other units not.
  publish(event, after.room, toJson(after));
  work_.announce(work, clock_.now());
  return after;
}

Result<Intake> DutyService::passUp(const access::Principal& p, std::int64_t id) {
  return changeIntake(
      p, id,
      [&](Intake& i) -> Status {
        TRY_STATUS(mayKeepRoom(p, i.room));
        if (i.state != "recorded") return Error::conflict("the report was already passed up");
        i.state = "passed_up";
        i.passed_up_at = clock_.now();
        return {};
      },
      "pass_up", "intake.passed_up");
}

Result<Intake> DutyService::receive(const access::Principal& p, std::int64_t id,
                                    std::optional<std::int64_t> version) {
  return changeIntake(
      p, id,
      [&](Intake& i) -> Status {
        TRY_STATUS(mayReceive(p));
        if (version && *version != i.version) {
          return Error::conflict("the report was changed by someone else; reload and try again");
        }
        if (i.state == "received") return Error::conflict("the report was already received");
        if (i.state != "passed_up") return Error::conflict("the report was not passed up");
        i.state = "received";
        i.received_at = clock_.now();
        i.received_by = p.user.username;
        return {};
      },
      "receive", "intake.received");
}

Result<RollCall> DutyService::start(const access::Principal& p, const StartRequest& r) {
  TRY_STATUS(mayRunRollCall(p));
  std::vector<std::string> all = checkableRooms(registry_);
  RollCall call;
  call.started_at = clock_.now();
  call.started_by = p.user.username;
  call.weighted = r.weighted;
  std::vector<std::string> chosen;
  if (!r.rooms.empty()) {
    if (r.random) return Error::invalid("random", "give rooms or random, not both");
    std::set<std::string> seen;
    for (const auto& room : r.rooms) {
      if (std::find(all.begin(), all.end(), room) == all.end()) {
        return Error::invalid("rooms", "'" + room + "' is not a county-level duty room");
      }
      if (!seen.insert(room).second)
        return Error::invalid("rooms", "'" + room + "' is listed twice");
    }
    call.mode = "named";
    chosen = r.rooms;
    call.requested = static_cast<int>(chosen.size());
    call.seed = "";
  } else {
    if (r.random < 1 || r.random > static_cast<int>(all.size())) {
      return Error::invalid("random", "random must be 1 to " + std::to_string(all.size()));
    }
    call.mode = "random";
    call.requested = r.random;
    call.seed = r.seed ? *r.seed : sha256Hex(random_.bytes(16)).substr(0, 16);
    if (call.seed.empty() || call.seed.size() > 64)
      return Error::invalid("seed", "seed must be 1 to 64 bytes");
    std::vector<double> weights;
    if (r.weighted) {
      // Days since each room was last checked (never: a year), plus one.
      TRY(auto last, db::read<std::map<std::string, Millis>>(
                         db_, [](db::Conn& c) { return store::lastChecked(c); }));
      for (const auto& room : all) {
        auto it = last.find(room);
        Millis since = it == last.end() ? 365 * kDay : call.started_at - it->second;
        weights.push_back(1.0 + static_cast<double>(std::max<Millis>(since, 0)) /
                                    static_cast<double>(kDay));
      }
    }
    chosen = draw(all, r.random, call.seed, r.weighted ? &weights : nullptr);
  }
  for (std::size_t i = 0; i < chosen.size(); ++i)
    call.rooms.push_back({chosen[i], static_cast<int>(i) + 1});
  TRY_STATUS(db_.write([&](db::Conn& c) -> Status {
    TRY(call.id, store::insertRollCall(c, call));
    return audited(c, clock_, &p, "roll_call", call.id, "start", p.user.jurisdiction, toJson(call));
  }));
  publish("roll_call.started", p.user.jurisdiction, toJson(call));
  return call;
}

namespace {

// What of a spot check `p` may see: the rooms their scope admits (the city every room, a unit its
// own room's outcome only); nullopt when that is none.
std::optional<RollCall> visibleTo(const access::Principal& p, RollCall call) {
  std::erase_if(call.rooms, [&](const CallRoom& r) { return !mayReadRoom(p, r.room); });
  if (call.rooms.empty()) return std::nullopt;
  return call;
}

}  // namespace

Result<RollCall> DutyService::rollCall(const access::Principal& p, std::int64_t id) {
  TRY(auto found, db::read<std::optional<RollCall>>(
                      db_, [&](db::Conn& c) { return store::findRollCall(c, id); }));
  auto seen = found ? visibleTo(p, std::move(*found)) : std::nullopt;
  if (!seen) return Error::notFound("no such spot check");
  return std::move(*seen);
}

Result<std::vector<RollCall>> DutyService::rollCalls(const access::Principal& p, int limit) {
  if (p.scope.none() || p.scope.enterprise()) return std::vector<RollCall>();
  // Below the city, only the checks that rang the caller's own room.
  std::optional<std::string> room;
  if (!p.scope.tree().whole) room = p.user.jurisdiction;
  TRY(auto all, db::read<std::vector<RollCall>>(
                    db_, [&](db::Conn& c) { return store::rollCalls(c, room, limit); }));
  std::vector<RollCall> out;
  for (auto& call : all) {
    if (auto seen = visibleTo(p, std::move(call))) out.push_back(std::move(*seen));
  }
  return out;
}

Status DutyService::changeCall(const access::Principal* actor, std::int64_t id,
                               const std::function<Status(RollCall&)>& change,
                               const std::string& action, RollCall& out) {
  work::Changes work;
  TRY_STATUS(db_.write([&](db::Conn& c) -> Status {
    TRY(auto found, store::findRollCall(c, id));
    if (!found) return noSuchRoom();
    out = *found;
    TRY_STATUS(change(out));
    if (finished(out) && out.state == "running") {
      out.state = "finished";
      out.finished_at = clock_.now();
      TRY_STATUS(issueNotice(c, out));
    }
    out.version = found->version + 1;
    TRY(bool written, store::updateRollCall(c, out));
    if (!written)
      return Error::conflict("the spot check was changed by someone else; reload and try again");
    TRY(work,
        work_.sync(c, "roll_call", id, workOf(out, options_.answer_timeout_ms), clock_.now()));
    // Spot checks belong to the city that runs them: the rooms' parent.
    const org::Jurisdiction* room =
        out.rooms.empty() ? nullptr : registry_.find(out.rooms.front().room);
    return audited(c, clock_, actor, "roll_call", id, action, room ? room->parent : "",
                   toJson(out));
  }));
  work_.announce(work, clock_.now());
  return {};
}

Result<RollCall> DutyService::step(const access::Principal& p, std::int64_t id,
                                   const std::string& room, const std::string& action,
                                   const Assessment* a) {
  if (action == "answer") {
    TRY_STATUS(mayAnswer(p, room));
  } else {
    TRY_STATUS(mayRunRollCall(p));
  }
  if (action == "assess") {
    if (!a) return Error::invalid("assessment", "assessment is required");
    if (a->assessment != "good" && a->assessment != "needs_improvement" &&
        a->assessment != "criticised") {
      return Error::invalid("assessment",
                            "assessment must be good, needs_improvement or criticised");
    }
    for (auto [v, f] :
         {std::pair{&a->av_fault, "av_fault"}, {&a->report, "report"}, {&a->remarks, "remarks"}}) {
      if (v->size() > 4000)
        return Error::invalid(f, std::string(f) + " must be at most 4000 bytes");
    }
  }
  // Whether the one answering is on the rota now (read before the write).
  std::optional<bool> rostered;
  if (action == "answer") {
    Millis now = clock_.now();
    TRY(auto on, db::read<std::vector<Shift>>(
                     db_, [&](db::Conn& c) { return store::shifts(c, room, now, now + 1); }));
    rostered = false;
    for (const auto& s : on) {
      for (const auto& o : s.officers)
        rostered = *rostered || o == p.user.username || o == p.user.display_name;
    }
  }
  RollCall call;
  TRY_STATUS(changeCall(
      &p, id,
      [&](RollCall& c) -> Status {
        if (c.state != "running") return Error::conflict("the spot check is finished");
        auto it = std::find_if(c.rooms.begin(), c.rooms.end(),
                               [&](const CallRoom& r) { return r.room == room; });
        if (it == c.rooms.end()) return noSuchRoom();
        TRY_STATUS(checkCallStep(*it, action));
        Millis now = clock_.now();
        if (action == "ring") {
          // One room rings at a time.
          for (const auto& r : c.rooms) {
            if (r.state == "ringing")
              return Error::conflict("room " + r.room + " is still ringing");
          }
          it->state = "ringing";
          it->rung_at = now;
        } else if (action == "answer") {
          it->state = "answered";
          it->answered_at = now;
          it->answered_by = p.user.username;
          it->rostered = rostered;
        } else if (action == "no_answer") {
          it->state = "no_answer";
        } else {
          it->state = "assessed";
          it->on_post = a->on_post;
          it->av_fault = a->av_fault;
          it->report = a->report;
          it->assessment = a->assessment;
          it->remarks = a->remarks;
        }
        return {};
      },
      action, call));
  publishRoom(call, room, action == "ring" ? "roll_call.ringing" : "roll_call.updated");
  auto seen = visibleTo(p, std::move(call));  // the one answering sees their own room only
  if (!seen) return noSuchRoom();
  return std::move(*seen);
}

Result<RollCall> DutyService::finish(const access::Principal& p, std::int64_t id) {
  TRY_STATUS(mayRunRollCall(p));
  RollCall call;
  std::vector<std::string> changed;
  TRY_STATUS(changeCall(
      &p, id,
      [&](RollCall& c) -> Status {
        if (c.state != "running") return Error::conflict("the spot check is finished");
        TRY(changed, endEarly(c));
        return {};
      },
      "finish", call));
  for (const auto& room : changed) publishRoom(call, room);
  return call;
}

Result<std::vector<RoomStats>> DutyService::roomStats(const access::Principal& p, Millis from,
                                                      Millis to) {
  if (to <= from) return Error::invalid("to", "to must be after from");
  TRY(auto all, db::read<std::vector<RoomStats>>(
                    db_, [&](db::Conn& c) { return store::roomStats(c, from, to); }));
  std::map<std::string, RoomStats> by_room;
  for (auto& s : all) by_room[s.room] = std::move(s);
  // Every room the caller may see, checked in the period or not.
  std::vector<RoomStats> out;
  for (const auto& room : checkableRooms(registry_)) {
    if (!mayReadRoom(p, room)) continue;
    auto it = by_room.find(room);
    RoomStats s = it == by_room.end() ? RoomStats{} : it->second;
    s.room = room;
    out.push_back(std::move(s));
  }
  return out;
}

Status DutyService::seed(History h) {
  return db_.write([&](db::Conn& c) -> Status {
    for (const auto& s : h.shifts) TRY_STATUS(store::insertShift(c, s));
    for (const auto& e : h.log) TRY_STATUS(store::insertLog(c, e));
    for (auto i : h.intake) {
      TRY(i.id, store::insertIntake(c, i));
      // Reports passed up wait on the city like real ones (nobody is notified of demo data).
      TRY(auto work, work_.sync(c, "intake", i.id, workOf(i), clock_.now(), false));
      (void)work;
    }
    for (auto& call : h.calls) {
      TRY(call.id, store::insertRollCall(c, call));
      if (call.state == "finished" && call.finished_at) TRY_STATUS(issueNotice(c, call));
      call.version = 2;
      TRY(bool written, store::updateRollCall(c, call));
      if (!written) return Error::internal("a demo spot check changed while it was written");
    }
    return audited(c, clock_, nullptr, "duty_demo", 0, "seed", "",
                   bj::object{{"shifts", h.shifts.size()},
                              {"log", h.log.size()},
                              {"intake", h.intake.size()},
                              {"roll_calls", h.calls.size()}});
  });
}

Result<bool> DutyService::hasRota() {
  return db::read<bool>(db_, [](db::Conn& c) -> Result<bool> {
    TRY(auto rows, c.query("SELECT id FROM duty_shifts LIMIT 1"));
    return !rows.empty();
  });
}

Result<int> DutyService::tick() {
  Millis now = clock_.now();
  TRY(auto ids, db::read<std::vector<std::int64_t>>(db_, [&](db::Conn& c) {
        return store::unanswered(c, now - options_.answer_timeout_ms);
      }));
  int marked = 0;
  for (auto id : ids) {
    RollCall call;
    std::vector<std::string> rooms;
    Status s = changeCall(
        nullptr, id,
        [&](RollCall& c) -> Status {
          for (auto& r : c.rooms) {
            if (r.state == "ringing" && r.rung_at &&
                *r.rung_at < now - options_.answer_timeout_ms) {
              r.state = "no_answer";
              rooms.push_back(r.room);
            }
          }
          return {};
        },
        "no_answer", call);
    if (!s.ok()) {
      if (s.error().code == Code::kConflict) continue;  // changed meanwhile: the next tick sees it
      return std::move(s).error();
    }
    for (const auto& room : rooms) publishRoom(call, room);
    marked += static_cast<int>(rooms.size());
  }
  return marked;
}

void DutyService::relay(const access::Principal& p, const std::string& text) {
  auto refuse = [&](const std::string& why) {
    bus_.publish({"call.signal_refused", {}, p.user.username, "", clock_.now(), {{"reason", why}}});
  };
  auto body = json::parseObject(text);
  if (!body.ok()) return refuse(body.error().message);
  auto type = json::requireString(*body, "type", 20);
  auto id = json::requireInt(*body, "roll_call_id");
  auto room = json::requireString(*body, "room", 12);
  if (!type.ok() || *type != "signal" || !id.ok() || !room.ok()) {
    return refuse("a signal is {\"type\":\"signal\",\"roll_call_id\",\"room\",\"data\"}");
  }
  auto data = body->find("data");
  if (data == body->end() || !data->value().is_object()) return refuse("data must be an object");
  auto call = db::read<std::optional<RollCall>>(
      db_, [&](db::Conn& c) { return store::findRollCall(c, *id); });
  if (!call.ok() || !*call) return refuse("no such call");
  auto it = std::find_if((*call)->rooms.begin(), (*call)->rooms.end(),
                         [&](const CallRoom& r) { return r.room == *room; });
  if (it == (*call)->rooms.end() || it->state != "answered") return refuse("no such call");
  const std::string& commander = (*call)->started_by;
  const std::string& officer = it->answered_by;
  std::string to;
  if (p.user.username == commander) to = officer;
  if (p.user.username == officer) to = commander;
  if (to.empty()) return refuse("no such call");  // a third party learns nothing about the call
  bus_.publish({"call.signal",
                {},
                to,
                "",
                clock_.now(),
                {{"roll_call_id", *id},
                 {"room", *room},
                 {"from", p.user.username},
                 {"data", data->value()}}});
}

}  // namespace anlan::duty

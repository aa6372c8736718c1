#include "duty/codec.h"

#include "core/json.h"
#include "core/text.h"

namespace anlan::duty {
namespace bj = boost::json;

namespace {

bj::value opt(const std::optional<Millis>& v) { return v ? bj::value(*v) : bj::value(nullptr); }
bj::value optBool(const std::optional<bool>& v) { return v ? bj::value(*v) : bj::value(nullptr); }

}  // namespace

bj::object toJson(const Shift& s) {
  bj::array officers(s.officers.begin(), s.officers.end());
  return {{"id", s.id},
          {"room", s.room},
          {"starts_at", s.starts_at},
          {"ends_at", s.ends_at},
          {"leader", s.leader},
          {"officers", std::move(officers)},
          {"note", s.note},
          {"created_by", s.created_by},
          {"created_at", s.created_at}};
}

bj::object toJson(const RotaProblem& p) {
  return {{"kind", p.kind},
          {"from", p.from},
          {"to", p.to},
          {"shifts", bj::array(p.shifts.begin(), p.shifts.end())}};
}

bj::object toJson(const LogEntry& e) {
  return {{"id", e.id},         {"room", e.room}, {"at", e.at},
          {"author", e.author}, {"kind", e.kind}, {"text", e.text}};
}

bj::object toJson(const Intake& i) {
  return {{"id", i.id},
          {"room", i.room},
          {"reporter_name", i.reporter_name},
          {"reporter_unit", i.reporter_unit},
          {"reporter_phone", i.reporter_phone},
          {"event_type", i.event_type},
          {"occurred_at", i.occurred_at},
          {"place", i.place},
          {"scope", i.scope},
          {"casualties", {{"dead", i.dead}, {"injured", i.injured}, {"missing", i.missing}}},
          {"handling", i.handling},
          {"help_requested", i.help_requested},
          {"state", i.state},
          {"passed_up_at", opt(i.passed_up_at)},
          {"received_at", opt(i.received_at)},
          {"received_by", i.received_by},
          {"created_by", i.created_by},
          {"created_at", i.created_at},
          {"version", i.version}};
}

bj::object toJson(const CallRoom& r) {
  return {{"room", r.room},
          {"position", r.position},
          {"state", r.state},
          {"rung_at", opt(r.rung_at)},
          {"answered_at", opt(r.answered_at)},
          {"connect_ms", r.rung_at && r.answered_at ? bj::value(*r.answered_at - *r.rung_at)
                                                    : bj::value(nullptr)},
          {"answered_by", r.answered_by},
          {"rostered", optBool(r.rostered)},
          {"on_post", optBool(r.on_post)},
          {"av_fault", r.av_fault},
          {"report", r.report},
          {"assessment", r.assessment},
          {"remarks", r.remarks}};
}

bj::object toJson(const RollCall& c) {
  bj::array rooms;
  for (const auto& r : c.rooms) rooms.push_back(toJson(r));
  return {{"id", c.id},
          {"started_at", c.started_at},
          {"started_by", c.started_by},
          {"mode", c.mode},
          {"seed", c.seed},
          {"requested", c.requested},
          {"weighted", c.weighted},
          {"state", c.state},
          {"finished_at", opt(c.finished_at)},
          {"version", c.version},
          {"rooms", std::move(rooms)},
          {"notice", c.notice_number.empty()
                         ? bj::value(nullptr)
                         : bj::value(bj::object{{"number", c.notice_number},
                                                {"issued_at", opt(c.notice_issued_at)}})}};
}

bj::object toJson(const RoomStats& s) {
  auto ratio = [&](std::int64_t n, std::int64_t d) {
    return d ? bj::value(static_cast<double>(n) / d) : bj::value(nullptr);
  };
  return {{"room", s.room},
          {"checks", s.checks},
          {"answered", s.answered},
          {"no_answer", s.no_answer},
          {"answer_rate", ratio(s.answered, s.checks)},
          {"mean_connect_ms",
           s.answered ? bj::value(s.connect_ms_total / s.answered) : bj::value(nullptr)},
          {"good", s.good},
          {"needs_improvement", s.needs_improvement},
          {"criticised", s.criticised},
          {"last_checked_at", opt(s.last_checked_at)}};
}

bj::object toJson(const RoomPresence& p) {
  bj::array users;
  for (const auto& u : p.users) {
    users.push_back(bj::object{{"username", u.username},
                               {"display_name", u.display_name},
                               {"role", u.role},
                               {"since", u.since}});
  }
  return {{"room", p.room}, {"online", !p.users.empty()}, {"users", std::move(users)}};
}

Status fromJson(const bj::object& o, Shift& s) {
  TRY_STATUS(json::onlyFields(o, {"room", "starts_at", "ends_at", "leader", "officers", "note"}));
  TRY(auto room, json::optionalString(o, "room", 12));
  if (room) s.room = *room;
  TRY(s.starts_at, json::requireInt(o, "starts_at"));
  TRY(s.ends_at, json::requireInt(o, "ends_at"));
  TRY(s.leader, json::requireString(o, "leader", 100));
  auto it = o.find("officers");
  if (it == o.end() || !it->value().is_array())
    return Error::invalid("officers", "officers must be a list of names");
  for (const auto& v : it->value().as_array()) {
    if (!v.is_string()) return Error::invalid("officers", "officers must be a list of names");
    TRY_STATUS(text::checkText("officers", v.as_string()));
    s.officers.emplace_back(v.as_string());
  }
  TRY(auto note, json::optionalString(o, "note", 1000));
  s.note = note.value_or("");
  return {};
}

Status fromJson(const bj::object& o, Intake& i) {
  TRY_STATUS(json::onlyFields(
      o, {"room", "reporter_name", "reporter_unit", "reporter_phone", "event_type", "occurred_at",
          "place", "scope", "casualties", "handling", "help_requested"}));
  TRY(auto room, json::optionalString(o, "room", 12));
  if (room) i.room = *room;
  TRY(i.reporter_name, json::requireString(o, "reporter_name", 100));
  TRY(auto unit, json::optionalString(o, "reporter_unit", 200));
  i.reporter_unit = unit.value_or("");
  TRY(i.reporter_phone, json::requireString(o, "reporter_phone", 30));
  TRY(i.event_type, json::requireString(o, "event_type", 100));
  TRY(i.occurred_at, json::requireInt(o, "occurred_at"));
  TRY(i.place, json::requireString(o, "place", 300));
  TRY(auto scope, json::optionalString(o, "scope", 1000));
  i.scope = scope.value_or("");
  TRY(const bj::object* casualties, json::optionalObject(o, "casualties"));
  if (casualties) {
    TRY_STATUS(json::onlyFields(*casualties, {"dead", "injured", "missing"}));
    TRY(auto dead, json::prefixed(json::optionalInt(*casualties, "dead"), "casualties"));
    TRY(auto injured, json::prefixed(json::optionalInt(*casualties, "injured"), "casualties"));
    TRY(auto missing, json::prefixed(json::optionalInt(*casualties, "missing"), "casualties"));
    i.dead = dead.value_or(0);
    i.injured = injured.value_or(0);
    i.missing = missing.value_or(0);
  }
  TRY(auto handling, json::optionalString(o, "handling", 4000));
  i.handling = handling.value_or("");
  TRY(auto help, json::optionalString(o, "help_requested", 4000));
  i.help_requested = help.value_or("");
  return {};
}

Result<StartRequest> startFromJson(const bj::object& o) {
  TRY_STATUS(json::onlyFields(o, {"rooms", "random", "seed", "weighted"}));
  StartRequest r;
  if (auto it = o.find("rooms"); it != o.end()) {
    if (!it->value().is_array())
      return Error::invalid("rooms", "rooms must be a list of jurisdiction codes");
    for (const auto& v : it->value().as_array()) {
      if (!v.is_string() || v.as_string().size() > 12) {
        return Error::invalid("rooms", "rooms must be a list of jurisdiction codes");
      }
      r.rooms.emplace_back(v.as_string());
    }
  }
  TRY(auto random, json::optionalInt(o, "random"));
  if (random && (*random < 0 || *random > 1000))
    return Error::invalid("random", "random must be 1 to 1000");
  r.random = static_cast<int>(random.value_or(0));
  if (r.rooms.empty() && !random) return Error::invalid("rooms", "give rooms or random");
  TRY(r.seed, json::optionalString(o, "seed", 64));
  TRY(auto weighted, json::optionalBool(o, "weighted"));
  r.weighted = weighted.value_or(false);
  return r;
}

Result<Assessment> assessmentFromJson(const bj::object& o) {
  TRY_STATUS(json::onlyFields(o, {"on_post", "av_fault", "report", "assessment", "remarks"}));
  Assessment a;
  TRY(auto on_post, json::optionalBool(o, "on_post"));
  a.on_post = on_post.value_or(true);
  for (auto [field, target] :
       {std::pair{"av_fault", &a.av_fault}, {"report", &a.report}, {"remarks", &a.remarks}}) {
    TRY(auto v, json::optionalString(o, field, 4000));
    *target = v.value_or("");
  }
  TRY(a.assessment, json::requireString(o, "assessment", 40));
  return a;
}

}  // namespace anlan::duty

#include "duty/rules.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <random>

#include "core/crypto.h"

namespace anlan::duty {
namespace {

using access::Role;

std::mt19937_64 generatorOf(const std::string& seed) {
  std::string hex = sha256Hex(seed);
  return std::mt19937_64(std::stoull(hex.substr(0, 16), nullptr, 16));
}

// A uniform double in (0, 1) from the generator's raw output (portable, unlike the library's
// distributions).
double unit(std::mt19937_64& g) {
  return (static_cast<double>(g() >> 11) + 0.5) / 9007199254740992.0;
}

Status text(const std::string& v, const char* field, std::size_t max, bool required = true) {
  if (required && v.empty()) return Error::invalid(field, std::string(field) + " is required");
  if (v.size() > max)
    return Error::invalid(
        field, std::string(field) + " must be at most " + std::to_string(max) + " bytes");
  return {};
}

}  // namespace

std::vector<std::string> draw(const std::vector<std::string>& rooms, int n, const std::string& seed,
                              const std::vector<double>* weights) {
  auto g = generatorOf(seed);
  std::vector<std::pair<double, std::size_t>> keys;
  for (std::size_t i = 0; i < rooms.size(); ++i) {
    double w = weights ? std::max((*weights)[i], 1e-9) : 1.0;
    keys.emplace_back(std::pow(unit(g), 1.0 / w), i);  // the n largest keys win
  }
  std::stable_sort(keys.begin(), keys.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<std::string> out;
  for (std::size_t i = 0; i < keys.size() && static_cast<int>(out.size()) < n; ++i)
    out.push_back(rooms[keys[i].second]);
  return out;
}

std::vector<RotaProblem> checkRota(std::vector<Shift> shifts, Millis from, Millis to) {
  std::vector<RotaProblem> out;
  std::sort(shifts.begin(), shifts.end(), [](const Shift& a, const Shift& b) {
    return a.starts_at != b.starts_at ? a.starts_at < b.starts_at : a.id < b.id;
  });
  Millis covered = from;            // everything before this is covered
  const Shift* reaching = nullptr;  // the shift that reaches furthest so far
  for (const auto& s : shifts) {
    if (s.ends_at <= from || s.starts_at >= to) continue;
    if (s.leader.empty() || s.officers.empty() || s.officers.size() > 2) {
      out.push_back({"understaffed", std::max(s.starts_at, from), std::min(s.ends_at, to), {s.id}});
    }
    if (s.starts_at > covered) out.push_back({"gap", covered, s.starts_at, {}});
    if (reaching && s.starts_at < reaching->ends_at) {
      out.push_back({"double_booking",
                     s.starts_at,
                     std::min(s.ends_at, reaching->ends_at),
                     {reaching->id, s.id}});
    }
    if (!reaching || s.ends_at > reaching->ends_at) reaching = &s;
    covered = std::max(covered, s.ends_at);
  }
  if (covered < to) out.push_back({"gap", covered, to, {}});
  std::stable_sort(out.begin(), out.end(),
                   [](const RotaProblem& a, const RotaProblem& b) { return a.from < b.from; });
  return out;
}

Status validateShift(const Shift& s, const org::Registry& registry) {
  if (!registry.commandCenter(s.room))
    return Error::invalid("room", "room must be a command center's jurisdiction");
  if (s.ends_at <= s.starts_at) return Error::invalid("ends_at", "ends_at must be after starts_at");
  if (s.ends_at - s.starts_at > 48LL * 3600 * 1000)
    return Error::invalid("ends_at", "a shift lasts at most 48 hours");
  TRY_STATUS(text(s.leader, "leader", 100));
  if (s.officers.empty() || s.officers.size() > 2)
    return Error::invalid("officers", "a shift has one or two duty officers");
  for (const auto& o : s.officers) TRY_STATUS(text(o, "officers", 100));
  return text(s.note, "note", 1000, false);
}

Status validateIntake(const Intake& i, Millis now) {
  TRY_STATUS(text(i.reporter_name, "reporter_name", 100));
  TRY_STATUS(text(i.reporter_unit, "reporter_unit", 200, false));
  TRY_STATUS(text(i.reporter_phone, "reporter_phone", 30));
  if (i.reporter_phone.find_first_not_of("0123456789-+ ") != std::string::npos) {
    return Error::invalid("reporter_phone", "reporter_phone must be digits (with - + or spaces)");
  }
  TRY_STATUS(text(i.event_type, "event_type", 100));
  if (i.occurred_at > now + 5 * 60 * 1000)
    return Error::invalid("occurred_at", "occurred_at lies in the future");
  if (i.occurred_at == 0) return Error::invalid("occurred_at", "occurred_at is required");
  TRY_STATUS(text(i.place, "place", 300));
  TRY_STATUS(text(i.scope, "scope", 1000, false));
  for (auto [v, f] : {std::pair{i.dead, "dead"}, {i.injured, "injured"}, {i.missing, "missing"}}) {
    if (v < 0 || v > 100000)
      return Error::invalid(f, std::string(f) + " must be a count of people");
  }
  TRY_STATUS(text(i.handling, "handling", 4000, false));
  return text(i.help_requested, "help_requested", 4000, false);
}

std::vector<std::string> checkableRooms(const org::Registry& registry) {
  std::vector<std::string> out;
  for (const auto* top : registry.children("")) {
    for (const auto* j : registry.subtree(top->code)) {
      if ((j->level == "county" || j->level == "park") && registry.commandCenter(j->code))
        out.push_back(j->code);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> dutyRooms(const org::Registry& registry) {
  std::vector<std::string> out;
  for (const auto* top : registry.children("")) {
    for (const auto* j : registry.subtree(top->code)) {
      if (registry.commandCenter(j->code)) out.push_back(j->code);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

Status mayRunRollCall(const access::Principal& p) {
  if (p.user.role != Role::kCommander || p.scope.none() || !p.scope.tree().whole) {
    return Error::denied("only the city's commanders run spot checks");
  }
  return {};
}

Status mayAnswer(const access::Principal& p, const std::string& room) {
  if (p.user.role != Role::kDutyOfficer || p.user.jurisdiction != room) {
    return Error::denied("only the room's own duty officer answers its call");
  }
  return {};
}

Status mayCall(const access::Principal& p) {
  if (p.user.role != Role::kCommander && p.user.role != Role::kDutyOfficer) {
    return Error::denied("only commanders and duty officers take part in spot-check calls");
  }
  return {};
}

Status mayKeepRoom(const access::Principal& p, const std::string& room) {
  bool role = p.user.role == Role::kDutyOfficer || p.user.role == Role::kCommander;
  if (!role || !p.scope.admits({room, {}, {}})) {
    return Error::denied("only the room's duty officers and commanders above it keep its records");
  }
  return {};
}

bool mayReadRoom(const access::Principal& p, const std::string& room) {
  return p.scope.admits({room, {}, {}});
}

Status checkCallStep(const CallRoom& r, const std::string& action) {
  const char* needs = action == "ring"        ? "waiting"
                      : action == "answer"    ? "ringing"
                      : action == "no_answer" ? "ringing"
                      : action == "assess"    ? "answered"
                                              : nullptr;
  if (!needs) return Error::invalid("action", "unknown action '" + action + "'");
  if (r.state != needs) {
    return Error::conflict("room " + r.room + " is " + r.state + ": cannot " + action);
  }
  return {};
}

bool finished(const RollCall& c) {
  return std::all_of(c.rooms.begin(), c.rooms.end(), [](const CallRoom& r) {
    return r.state == "no_answer" || r.state == "assessed" || r.state == "skipped";
  });
}

Result<std::vector<std::string>> endEarly(RollCall& c) {
  for (const auto& r : c.rooms) {
    if (r.state == "answered")
      return Error::conflict("room " + r.room + " is answered: record its outcome first");
  }
  std::vector<std::string> changed;
  for (auto& r : c.rooms) {
    if (r.state == "waiting")
      r.state = "skipped";
    else if (r.state == "ringing")
      r.state = "no_answer";
    else
      continue;
    changed.push_back(r.room);
  }
  return changed;
}

Status mayReceive(const access::Principal& p) {
  bool role = p.user.role == Role::kDutyOfficer || p.user.role == Role::kCommander;
  if (!role || p.scope.none() || !p.scope.tree().whole) {
    return Error::denied("only the city's duty officers and commanders receive reports");
  }
  return {};
}

const std::vector<std::pair<std::string, std::string>>& workKinds() {
  static const std::vector<std::pair<std::string, std::string>> kinds = {
      {"duty.answer", "接听视频连线抽查"},
      {"duty.receive_intake", "签收上报信息"},
  };
  return kinds;
}

std::vector<work::WorkItem> workOf(const RollCall& c, Millis answer_timeout_ms) {
  std::vector<work::WorkItem> out;
  if (c.state != "running") return out;
  for (const auto& r : c.rooms) {
    if (r.state != "ringing" || !r.rung_at) continue;
    work::WorkItem w;
    w.kind = "duty.answer";
    w.title = "视频连线抽查 第" + std::to_string(c.id) + "次";
    w.link = "/duty";
    w.subject = {r.room, {}, {}};
    w.unit = r.room;
    w.party = work::Party::kUnit;
    w.roles = {Role::kDutyOfficer};
    w.due = *r.rung_at + answer_timeout_ms;
    w.urgent = true;
    w.since = *r.rung_at;
    out.push_back(std::move(w));
  }
  return out;
}

std::vector<work::WorkItem> workOf(const Intake& i) {
  std::vector<work::WorkItem> out;
  if (i.state != "passed_up") return out;
  work::WorkItem w;
  w.kind = "duty.receive_intake";
  w.title = i.event_type + " · " + i.place;
  std::int64_t hurt = i.dead + i.injured + i.missing;
  if (hurt > 0) {
    w.title += " · 死亡" + std::to_string(i.dead) + "人 受伤" + std::to_string(i.injured) +
               "人 失联" + std::to_string(i.missing) + "人";
  }
  w.link = "/duty/intake?id=" + std::to_string(i.id);
  w.subject = {i.room, {}, {}};
  w.unit = i.room;
  w.party = work::Party::kCity;
  w.roles = {Role::kDutyOfficer, Role::kCommander};
  w.urgent = hurt > 0;
  if (i.passed_up_at) w.since = *i.passed_up_at;
  out.push_back(std::move(w));
  return out;
}

}  // namespace anlan::duty

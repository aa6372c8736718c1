// Work-safety hazards (隐患) and what happens to them: the states of the closed loop, the records
// of each step, the timeline, and the notices (通报) that name overdue hazards.
#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/geo.h"

namespace anlan::hazard {

// Hengyang's loop 建档 → 评估 → 整改 → 验收 → 销号 → 复查, with the assignment slip (交办) of
// 一单四制.
enum class State {
  kRegistered,           // 建档
  kAssessed,             // 评估 (grade confirmed)
  kAssigned,             // 交办
  kRectifying,           // 整改
  kAcceptanceRequested,  // 申请验收
  kAccepted,             // 验收通过
  kClosedOff,            // 销号
  kRechecked,            // 复查
};
inline constexpr State kAllStates[] = {
    State::kRegistered,          State::kAssessed, State::kAssigned,  State::kRectifying,
    State::kAcceptanceRequested, State::kAccepted, State::kClosedOff, State::kRechecked};

enum class Grade { kGeneral, kMajor };  // 一般 / 重大事故隐患

const char* stateName(State s);
std::optional<State> parseState(std::string_view text);
const char* gradeName(Grade g);
std::optional<Grade> parseGrade(std::string_view text);

// Sources, supervision levels and escalation actions, by their identifiers.
const std::vector<std::string>& sources();  // inspection, assigned_from_above, public_report, …
const std::vector<std::string>& supervisionLevels();  // county, city, province
const std::vector<std::string>& escalationKinds();  // the ladder 建议函 → … → 一票否决, in order

// 研究认定: the formal confirmation of a major hazard.
struct Confirmation {
  std::string department;  // a department code
  std::string meeting;     // the meeting or document that confirmed it
  Millis date = 0;
};

// 交办单: the assignment slip.
struct Assignment {
  std::string slip_no, responsible_unit, assigning_unit, supervising_unit;
  Millis deadline = 0;
};

// 五落实: the rectification plan.
struct Plan {
  std::string responsible_person, measures, contingency_plan;
  std::int64_t funds_fen = 0;
  Millis deadline = 0;
};

struct Hazard {
  std::int64_t id = 0;
  std::string code;  // YH-<unit>-<year>-<serial>
  std::optional<std::int64_t> enterprise_id;
  std::string enterprise_name;  // read from the registry, not stored here
  std::string site;          // where, in words (a site without an enterprise: a road, a river bank)
  std::string jurisdiction;  // unit or township
  std::string unit;          // the county-level unit (or park) the jurisdiction lies in
  std::string sector;
  std::optional<geo::LonLat> location;  // WGS-84
  std::string description;
  Grade grade = Grade::kGeneral;
  std::string source = "inspection";
  Millis found_at = 0;
  std::string found_by;  // name(s) of who found it
  std::string risk_color = "blue";
  State state = State::kRegistered;
  std::optional<Millis> deadline;  // of rectification, from the slip or the plan
  bool overdue = false;            // rectification not done by the deadline, still open
  std::string supervision;         // "", county, city or province (挂牌督办)
  std::optional<Confirmation> confirmation;
  std::optional<Assignment> assignment;
  std::optional<Plan> plan;
  std::optional<Millis> closed_off_at;
  std::optional<std::int64_t> reporter_id;  // the account that registered it
  bool demo = false;
  std::int64_t version = 1;
  Millis created_at = 0, updated_at = 0;
};

// Who did something, as a reader is shown them: a person's name and unit ("张三",
// "衡阳县应急管理局"), their phone only where the reader may see it; or the system (the scheduler,
// demo seeding).
struct Actor {
  bool system = false;
  std::string name, unit;
  std::optional<std::string> phone;
};

// One line of a hazard's timeline.
struct Event {
  std::int64_t id = 0;
  std::int64_t hazard_id = 0;
  Millis at = 0;
  std::optional<std::int64_t> actor_id;
  std::string actor_name;
  std::string
      kind;  // registered, transition, progress, supervision, escalation, attachment, overdue
  std::optional<State> from, to;
  boost::json::object data;    // the step's fields
  std::optional<Actor> actor;  // filled in for readers (not stored): who actor_id/actor_name is
};

// Evidence and photos, stored as files named by their SHA-256.
struct Attachment {
  std::int64_t id = 0;
  std::int64_t hazard_id = 0;
  std::string name, media_type, sha256;
  std::int64_t size = 0;
  std::optional<std::int64_t> event_id;  // the step that used it as evidence
  std::string uploaded_by;               // username
  Millis uploaded_at = 0;
  std::optional<Actor> uploader;  // filled in for readers (not stored)
};

// A list request (the registry's list conventions).
struct Query {
  std::optional<std::string> jurisdiction, sector, source, q, supervision;
  std::optional<Grade> grade;
  std::vector<State> states;  // any of these; empty: all
  std::optional<bool> overdue;
  std::optional<std::int64_t> enterprise_id;
  std::optional<Millis> found_from, found_to;  // found_at in [from, to)
  bool open_only = false;                      // not closed off or rechecked
  std::string sort = "-found_at";              // -found_at, deadline, id
  std::string cursor;
  int limit = 50;
};

struct Page {
  std::vector<Hazard> items;
  std::optional<std::string> next_cursor;
};

// One cell of the statistics: hazards of a unit, sector and grade in a state.
struct Count {
  std::string unit, sector;
  Grade grade = Grade::kGeneral;
  State state = State::kRegistered;
  bool overdue = false;
  std::int64_t n = 0;
  bool operator==(const Count&) const = default;
};

struct MonthCount {
  std::string month;  // "2026-11"
  std::int64_t found = 0, closed_off = 0;
};

// One row of a notice: a unit's figures and the hazards it names.
struct NoticeRow {
  std::string unit;
  std::int64_t found = 0, closed_off = 0, open = 0, overdue = 0;
  double rate = 0;  // closed off / found
  std::vector<boost::json::object> overdue_items, closed_items;
};

// 通报: numbered, dated and immutable once issued.
struct Notice {
  std::int64_t id = 0;
  std::string number;        // e.g. 衡应急隐通〔2026〕3号
  std::string jurisdiction;  // the issuing level (the city or a unit)
  Millis period_from = 0, period_to = 0, issued_at = 0;
  std::string issued_by;  // username, or "system" for the cycle
  std::string trigger;    // cycle or on_demand
  std::vector<NoticeRow> rows;
  std::optional<Actor> issuer;  // filled in for readers (not stored): who issued_by is
};

}  // namespace anlan::hazard

// Duty rooms (值班室) and their daily work: the rota, the duty log, information intake, and the
// city's random video spot checks of the county rooms (视频连线抽查).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"

namespace anlan::duty {

// 值班表: one shift of a room, with a duty leader and one or two duty officers.
struct Shift {
  std::int64_t id = 0;
  std::string room;  // the jurisdiction code of the command center
  Millis starts_at = 0, ends_at = 0;
  std::string leader;
  std::vector<std::string> officers;  // usernames or names
  std::string note;
  std::string created_by;
  Millis created_at = 0;
};

// What is wrong with a rota over a period: nobody on duty, two shifts at once, or a shift
// without its leader or with the wrong number of officers.
struct RotaProblem {
  std::string kind;  // gap, double_booking, understaffed
  Millis from = 0, to = 0;
  std::vector<std::int64_t> shifts;
};

struct LogEntry {
  std::int64_t id = 0;
  std::string room;
  Millis at = 0;
  std::string author;
  std::string kind;  // note, handover
  std::string text;
};

// 接报: a report taken by a duty room.
struct Intake {
  std::int64_t id = 0;
  std::string room;
  std::string reporter_name, reporter_unit, reporter_phone;
  std::string event_type;
  Millis occurred_at = 0;
  std::string place, scope;
  std::int64_t dead = 0, injured = 0, missing = 0;
  std::string handling, help_requested;
  std::string state = "recorded";  // recorded, passed_up
  std::optional<Millis> passed_up_at;
  std::string created_by;
  Millis created_at = 0;
  std::int64_t version = 1;
};

// One room of a spot check: waiting → ringing → answered → assessed, or ringing → no_answer.
struct CallRoom {
  std::string room;
  int position = 0;
  std::string state = "waiting";
  std::optional<Millis> rung_at, answered_at;
  std::string answered_by;
  std::optional<bool> rostered, on_post;
  std::string av_fault;    // "" or a description of audio/video faults
  std::string report;      // the two-minute report
  std::string assessment;  // good, needs_improvement, criticised
  std::string remarks;
};

struct RollCall {
  std::int64_t id = 0;
  Millis started_at = 0;
  std::string started_by;
  std::string mode;  // named, random
  std::string seed;  // the draw is reproducible from it
  int requested = 0;
  bool weighted = false;
  std::string state = "running";  // running, finished
  std::optional<Millis> finished_at;
  std::int64_t version = 1;
  std::vector<CallRoom> rooms;
};

}  // namespace anlan::duty

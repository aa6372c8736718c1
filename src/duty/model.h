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
  std::string state = "recorded";  // recorded, passed_up, received
  std::optional<Millis> passed_up_at;
  std::optional<Millis> received_at;  // 签收 by the city
  std::string received_by;
  std::string created_by;
  Millis created_at = 0;
  std::int64_t version = 1;
};

// One room of a spot check: waiting → ringing → answered → assessed, or ringing → no_answer; a
// room still waiting when the commander ends the check early is skipped.
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
  // 通报: issued when the check finishes, numbered per year (e.g. 衡阳市视频抽查通报〔2026〕4号).
  std::optional<std::int64_t> notice_year, notice_serial;
  std::string notice_number;
  std::optional<Millis> notice_issued_at;
};

// How one room has fared in spot checks over a period.
struct RoomStats {
  std::string room;
  std::int64_t checks = 0, answered = 0, no_answer = 0;
  std::int64_t connect_ms_total = 0;  // over the answered ones
  std::int64_t good = 0, needs_improvement = 0, criticised = 0;
  std::optional<Millis> last_checked_at;
};

// Who keeps a duty room's console open (has the event WebSocket connected).
struct PresentUser {
  std::string username, display_name, role;
  Millis since = 0;
};
struct RoomPresence {
  std::string room;
  std::vector<PresentUser> users;
};

// A spot check to start.
struct StartRequest {
  std::vector<std::string> rooms;   // named rooms, or
  int random = 0;                   // draw this many
  std::optional<std::string> seed;  // default: a fresh random seed
  bool weighted = false;            // favour rooms checked least recently
};

// The commander's record of an answered room.
struct Assessment {
  bool on_post = true;
  std::string av_fault, report, assessment, remarks;
};

}  // namespace anlan::duty

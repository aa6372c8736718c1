// SQL for duty rooms; every function runs inside the caller's transaction.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "db/database.h"
#include "duty/model.h"

namespace anlan::duty::store {

Result<std::int64_t> insertShift(db::Conn& c, const Shift& s);
// One room's shifts overlapping [from, to), by start.
Result<std::vector<Shift>> shifts(db::Conn& c, const std::string& room, Millis from, Millis to);

Result<std::int64_t> insertLog(db::Conn& c, const LogEntry& e);
// Newest first, ids below `before_id` when given.
Result<std::vector<LogEntry>> log(db::Conn& c, const std::string& room,
                                  std::optional<std::int64_t> before_id, int limit);

Result<std::int64_t> insertIntake(db::Conn& c, const Intake& i);
Result<std::optional<Intake>> findIntake(db::Conn& c, std::int64_t id);
// Writes state and passed_up_at if the stored version is i.version - 1.
Result<bool> updateIntake(db::Conn& c, const Intake& i);
// Newest first, of these rooms (all when empty).
Result<std::vector<Intake>> intakes(db::Conn& c, const std::vector<std::string>& rooms,
                                    std::optional<std::int64_t> before_id, int limit);

Result<std::int64_t> insertRollCall(db::Conn& c, const RollCall& r);
Result<std::optional<RollCall>> findRollCall(db::Conn& c, std::int64_t id);
// Writes the call's state and every room if the stored version is r.version - 1.
Result<bool> updateRollCall(db::Conn& c, const RollCall& r);
// Newest first; with `room`, only checks that included it.
Result<std::vector<RollCall>> rollCalls(db::Conn& c, const std::optional<std::string>& room,
                                        int limit);
// The ids of running checks with a room rung before `before` and not answered.
Result<std::vector<std::int64_t>> unanswered(db::Conn& c, Millis before);
// When each room was last included in a check.
Result<std::map<std::string, Millis>> lastChecked(db::Conn& c);

// Per room, the checks started in [from, to) that rang it; rooms never rung in the period are
// absent.
Result<std::vector<RoomStats>> roomStats(db::Conn& c, Millis from, Millis to);

}  // namespace anlan::duty::store

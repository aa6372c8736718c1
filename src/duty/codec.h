// Duty records to and from JSON.
#pragma once

#include <boost/json.hpp>

#include "core/result.h"
#include "duty/model.h"

namespace anlan::duty {

boost::json::object toJson(const Shift& s);
boost::json::object toJson(const RotaProblem& p);
boost::json::object toJson(const LogEntry& e);
boost::json::object toJson(const Intake& i);
boost::json::object toJson(const CallRoom& r);
boost::json::object toJson(const RollCall& c);
boost::json::object toJson(const RoomStats& s);
boost::json::object toJson(const RoomPresence& p);

Status fromJson(const boost::json::object& o, Shift& s);
Status fromJson(const boost::json::object& o, Intake& i);
// POST /api/v1/roll-calls: named rooms or a number to draw (with seed, weighted).
Result<StartRequest> startFromJson(const boost::json::object& o);
// The commander's assessment of an answered room.
Result<Assessment> assessmentFromJson(const boost::json::object& o);

}  // namespace anlan::duty

// Hazards, their steps and notices to and from JSON, and the export columns.
#pragma once

#include <boost/json.hpp>

#include "core/calendar.h"
#include "core/csv.h"
#include "core/result.h"
#include "core/table_export.h"
#include "hazard/model.h"
#include "hazard/rules.h"

namespace anlan::hazard {

boost::json::object toJson(const Hazard& h);
// {"name", "unit", "phone"} (phone null when not shown); null for the system or when unknown.
boost::json::value actorJson(const std::optional<Actor>& a);
// "张三（衡阳县应急管理局）", "系统" for the system: how a Chinese document names who did it.
std::string actorText(const std::optional<Actor>& a);
boost::json::object toJson(const Event& e);
boost::json::object toJson(const Attachment& a);
boost::json::object toJson(const Notice& n);
// A notice without its rows (for lists).
boost::json::object summaryJson(const Notice& n);

// The records of the steps, as stored and as sent (null when absent).
boost::json::value confirmationJson(const std::optional<Confirmation>& c);
boost::json::value assignmentJson(const std::optional<Assignment>& a);
boost::json::value planJson(const std::optional<Plan>& p);
Result<Confirmation> confirmationFromJson(const boost::json::object& o);
Result<Assignment> assignmentFromJson(const boost::json::object& o);
Result<Plan> planFromJson(const boost::json::object& o);

// Reads a registration request into `h` (enterprise_id, site, jurisdiction, sector, location,
// description, grade, source, found_at, found_by, risk_color).
Status fromJson(const boost::json::object& o, Hazard& h);
// Reads a transition request: {"to": state, …fields of that step}.
Result<TransitionRequest> transitionFromJson(const boost::json::object& o);
// Reads a list of attachment ids from o["attachments"] (absent: empty).
Result<std::vector<std::int64_t>> attachmentIds(const boost::json::object& o);

// How people name states (整改中 …), grades, sources and supervision levels.
const std::vector<Label>& stateLabels();
const std::vector<Label>& gradeLabels();
const std::vector<Label>& sourceLabels();
const std::vector<Label>& supervisionLabels();
// The columns of the hazard table: Chinese headers, names and Beijing times, or codes.
std::vector<Column<Hazard>> tableColumns(const org::Registry& reg, const Calendar& cal);
// The notice's items as a table: one row per named hazard with its unit and why it is named.
// One hazard a notice names, as a line of its table.
struct NoticeLine {
  std::string notice, unit, named_as, code, enterprise, site, grade;
  std::optional<Millis> deadline;
  std::string days_overdue;
  std::optional<Millis> closed_off_at;
};
std::vector<NoticeLine> noticeLines(const Notice& n);
std::vector<Column<NoticeLine>> noticeColumns(const org::Registry& reg, const Calendar& cal);

}  // namespace anlan::hazard

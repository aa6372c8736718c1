// Work items (待办): what waits on someone. Every module feeds the items of its records through
// one contract (work::Feed); the inbox lists those waiting on the caller, and the notifier tells
// the people they wait on through its channels. A module never writes a to-do query of its own.
#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "access/model.h"
#include "core/clock.h"
#include "core/subject.h"

namespace anlan::work {

// Whose move it is: an enterprise (its safety officers), a county-level unit (the government
// accounts below the city whose scope admits the record) or the city.
enum class Party { kEnterprise, kUnit, kCity };

const char* partyName(Party p);
std::optional<Party> parseParty(std::string_view text);

struct WorkItem {
  std::int64_t id = 0;
  std::string record;    // the record's type: hazard, intake, roll_call
  std::int64_t ref = 0;  // its id
  std::string kind;      // "<module>.<what>" ("hazard.assess", "duty.answer"): what is to be done
  std::string title;     // the record in words: its code and what it is about (data, not UI text)
  std::string link;      // the web page of the record ("/hazards/12")
  Subject subject;       // whose record it is: at most one sector
  std::string unit;      // the county-level unit (or park) the record lies in; "" for the city
  Party party = Party::kUnit;
  std::vector<access::Role> roles;  // which roles of the party act
  std::optional<Millis> due;
  bool urgent = false;  // an alarm: sound and banner (an overdue major hazard, casualties)
  Millis since = 0;     // when it began to wait
  std::optional<Millis> closed_at;

  // Two items of a record are the same work while their kind, party and jurisdiction agree.
  std::string key() const { return kind + "|" + partyName(party) + "|" + subject.jurisdiction; }
};

// How many items, of all those waiting on a caller.
struct Counts {
  std::int64_t total = 0, overdue = 0, due_soon = 0, urgent = 0;
};

struct Query {
  std::string filter;  // "", overdue, due_soon, urgent
  std::string module;  // "": every module; else the kinds "<module>.…"
  std::string cursor;
  int limit = 50;
};

struct Page {
  std::vector<WorkItem> items;
  std::optional<std::string> next_cursor;
  Counts counts;
};

// What a sync changed in one transaction, for the event after commit.
struct Changes {
  std::vector<WorkItem> opened, closed;
  bool empty() const { return opened.empty() && closed.empty(); }
};

// One notification to a channel (the outbox): a work item opened, with the people it waits on
// looked up when it is delivered.
struct Delivery {
  std::int64_t id = 0;
  std::string channel;  // webhook
  std::int64_t item_id = 0;
  int attempts = 0;
  Millis next_at = 0, created_at = 0;
  std::optional<Millis> delivered_at;
  std::string last_error;
};

// An item as the inbox shows it at `now`.
boost::json::object toJson(const WorkItem& w, Millis now);
boost::json::object toJson(const Counts& c);

}  // namespace anlan::work

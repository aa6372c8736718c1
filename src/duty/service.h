// Duty room use cases: rota and its problems, the duty log, information intake passed up to the
// city, and spot checks (draw, ring, answer, assess, time out). Every write is audited in its
// transaction and published on the bus after it. Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "access/model.h"
#include "bus/bus.h"
#include "core/calendar.h"
#include "core/clock.h"
#include "db/database.h"
#include "db/migrate.h"
#include "duty/model.h"
#include "org/registry.h"
#include "work/service.h"

namespace anlan::duty {

const std::vector<db::Migration>& migrations();

struct Options {
  Millis answer_timeout_ms = 60'000;
  Calendar calendar;  // the year of notice numbers
};

class DutyService {
 public:
  // Feeds the work items of calls and reports through `work`.
  DutyService(db::Database& db, const org::Registry& registry, bus::Bus& bus,
              const work::Feed& work, const Clock& clock, Random& random, Options options)
      : db_(db),
        registry_(registry),
        bus_(bus),
        work_(work),
        clock_(clock),
        random_(random),
        options_(options) {}

  Result<Shift> addShift(const access::Principal& p, Shift s);
  Result<std::vector<Shift>> shifts(const access::Principal& p, const std::string& room,
                                    Millis from, Millis to);
  Result<std::vector<RotaProblem>> rotaProblems(const access::Principal& p, const std::string& room,
                                                Millis from, Millis to);

  Result<LogEntry> addLog(const access::Principal& p, LogEntry e);
  Result<std::vector<LogEntry>> log(const access::Principal& p, const std::string& room,
                                    std::optional<std::int64_t> before_id, int limit);

  Result<Intake> record(const access::Principal& p, Intake i);
  Result<Intake> intake(const access::Principal& p, std::int64_t id);
  // The intake the caller may read: its own room's and those below; passed-up ones for the city.
  Result<std::vector<Intake>> intakes(const access::Principal& p,
                                      std::optional<std::int64_t> before_id, int limit);
  Result<Intake> passUp(const access::Principal& p, std::int64_t id);
  // 签收: the city receives a report passed up to it (version: when given, must match).
  Result<Intake> receive(const access::Principal& p, std::int64_t id,
                         std::optional<std::int64_t> version);

  Result<RollCall> start(const access::Principal& p, const StartRequest& r);
  Result<RollCall> rollCall(const access::Principal& p, std::int64_t id);
  Result<std::vector<RollCall>> rollCalls(const access::Principal& p, int limit);
  // `action`: ring (the commander), answer (the room's duty officer), no_answer (the commander),
  // assess (the commander, with `a`).
  Result<RollCall> step(const access::Principal& p, std::int64_t id, const std::string& room,
                        const std::string& action, const Assessment* a = nullptr);
  // Ends a running check early (the commander): see endEarly in rules.h. The notice is issued.
  Result<RollCall> finish(const access::Principal& p, std::int64_t id);
  // Spot-check figures per room over checks started in [from, to), for every room the caller may
  // see (zeros for rooms not checked).
  Result<std::vector<RoomStats>> roomStats(const access::Principal& p, Millis from, Millis to);
  // Records rooms rung longer ago than the answer timeout as no answer. Returns how many.
  Result<int> tick();

  // Demo seeding by the system: stores a room history as given (times included) in one
  // transaction; finished checks are issued as notices in the order given.
  struct History {
    std::vector<Shift> shifts;
    std::vector<LogEntry> log;
    std::vector<Intake> intake;
    std::vector<RollCall> calls;
  };
  Status seed(History h);
  // Whether any room has a rota yet.
  Result<bool> hasRota();

  // Relays one signalling message of a spot-check call, sent by `p` over the WebSocket:
  // {"type":"signal","roll_call_id":N,"room":"430426","data":{…}}. Only the two parties of a
  // connected call (the commander who started the check and the duty officer who answered the
  // room) may send, and the message goes to the other party only (event call.signal, audience
  // "to-user:<username>"). Anything else is refused to the sender (call.signal_refused).
  void relay(const access::Principal& p, const std::string& text);

 private:
  Status changeCall(const access::Principal* actor, std::int64_t id,
                    const std::function<Status(RollCall&)>& change, const std::string& action,
                    RollCall& out);
  void publish(const std::string& type, const std::string& jurisdiction, boost::json::object data);
  // Passes an intake up or receives it: the change, its work items and audit in one transaction.
  Result<Intake> changeIntake(const access::Principal& p, std::int64_t id,
                              const std::function<Status(Intake&)>& change,
                              const std::string& action, const char* event);
  Status issueNotice(db::Conn& c, RollCall& call) const;
  // roll_call.updated (or `type`) with the room's outcome and the check's state.
  void publishRoom(const RollCall& call, const std::string& room,
                   const char* type = "roll_call.updated");

  db::Database& db_;
  const org::Registry& registry_;
  bus::Bus& bus_;
  const work::Feed& work_;
  const Clock& clock_;
  Random& random_;
  Options options_;
};

}  // namespace anlan::duty

// Pure rules of duty rooms: the random draw of a spot check, rota checks, validation and who may
// do what. Time is a parameter; nothing here does I/O.
#pragma once

#include <string>
#include <vector>

#include "access/model.h"
#include "core/result.h"
#include "duty/model.h"
#include "org/registry.h"
#include "work/model.h"

namespace anlan::duty {

// Draws `n` of `rooms` (in the given order) from `seed`: the same seed over the same rooms always
// draws the same rooms, in the same order. With `weights` (one per room, > 0) rooms with larger
// weights are more likely (weighted sampling without replacement, Efraimidis–Spirakis keys).
// The generator is SHA-256(seed) → mt19937_64, so anyone can verify a draw.
std::vector<std::string> draw(const std::vector<std::string>& rooms, int n, const std::string& seed,
                              const std::vector<double>* weights = nullptr);

// The rota's problems within [from, to): gaps, overlapping shifts, understaffed shifts. `shifts`
// are one room's, in any order.
std::vector<RotaProblem> checkRota(std::vector<Shift> shifts, Millis from, Millis to);

Status validateShift(const Shift& s, const org::Registry& registry);
Status validateIntake(const Intake& i, Millis now);

// The rooms that can be spot-checked: the county-level units' and parks' command centers.
std::vector<std::string> checkableRooms(const org::Registry& registry);
// Every duty room: the command centers at every level.
std::vector<std::string> dutyRooms(const org::Registry& registry);

// The city's commander runs spot checks; a room's own duty officer answers for it.
Status mayRunRollCall(const access::Principal& p);
Status mayAnswer(const access::Principal& p, const std::string& room);
// Commanders and duty officers take part in calls (and get the TURN credentials).
Status mayCall(const access::Principal& p);
// Duty officers keep their own room's rota, log and intake; commanders any room in their scope.
Status mayKeepRoom(const access::Principal& p, const std::string& room);
// A room's records (rota, log, intake, its outcome in a spot check) are the room's jurisdiction's:
// whoever's scope admits it reads them (not enterprise officers: the records have no enterprise).
bool mayReadRoom(const access::Principal& p, const std::string& room);

// A room's next state in a spot check: `action` is ring, answer, no_answer or assess. 409 when the
// room is not in a state the action applies to.
Status checkCallStep(const CallRoom& r, const std::string& action);
// Whether every room of the check has its outcome (no answer, or assessed).
bool finished(const RollCall& c);

// Whether `p` may receive (签收) a report passed up to the city: the city's commanders and duty
// officers.
Status mayReceive(const access::Principal& p);

// What waits on whom (the inbox): a ringing room's call for that room's duty officers, due when
// the answer timeout ends; a report passed up, for the city to receive (urgent with casualties).
std::vector<work::WorkItem> workOf(const RollCall& c, Millis answer_timeout_ms);
std::vector<work::WorkItem> workOf(const Intake& i);
// The kinds those give, each with its name in Chinese.
const std::vector<std::pair<std::string, std::string>>& workKinds();
// Ends a check before every room had its turn: waiting rooms are skipped, a ringing one did not
// answer. Refused (409) while a room is answered but has no outcome yet. Returns the rooms changed.
Result<std::vector<std::string>> endEarly(RollCall& c);

}  // namespace anlan::duty

// Pure rules about hazards: the transition table (which step, from which state, by which role),
// validation of every field and step, deadlines and overdue, and who sees which hazard. Time is a
// parameter; nothing here does I/O.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "access/model.h"
#include "core/result.h"
#include "hazard/model.h"
#include "org/registry.h"
#include "work/model.h"

namespace anlan::hazard {

// The fields a transition request carries; which are needed depends on the step.
struct TransitionRequest {
  State to = State::kRegistered;
  std::optional<std::int64_t> version;  // when given, must match the stored version
  std::optional<Grade> grade;           // assess
  std::optional<std::string> risk_color;
  std::optional<Confirmation> confirmation;  // assess, major
  std::optional<Assignment> assignment;      // assign
  std::optional<Plan> plan;                  // start rectification
  std::string note;                // evidence text, opinion, rejection reason or recheck findings
  std::optional<Millis> deadline;  // a new deadline (rejection, failed recheck)
  std::vector<std::int64_t> attachments;  // evidence, uploaded to this hazard beforehand
  std::string
      on_behalf_reason;  // why a government account takes the enterprise's step (代企业填报)
};

// One row of the transition table.
struct Step {
  State from, to;
  const char* name;  // assess, fix_on_the_spot, assign, self_rectify, …
  std::optional<Grade> only_grade;
  std::vector<access::Role> roles;
  // A decision on a hazard under city or province supervision needs a city-level account.
  bool city_decides_when_listed_above = false;
};

// The whole table, in the order of the loop.
const std::vector<Step>& steps();
// The row for from → to for a hazard of `grade`, or null when there is none.
const Step* findStep(State from, State to, Grade grade);

// Whose a hazard is: its jurisdiction, its sector and its enterprise. Who may read it is the
// caller's scope's answer: the city everything, a unit its own, a department the sectors it
// leads, an enterprise officer the hazards of their enterprise.
Subject subjectOf(const Hazard& h);
// Whether `p` may register hazards at all (administrators may not: they run the system).
bool mayRegisterAny(const access::Principal& p);
// Whether `p` may make the step from h.state to `to`: 409 (conflict) when the table has no such
// step for this hazard, 403 when it has one but not for this account. `h` must be readable by p.
Status checkTransition(const access::Principal& p, const Hazard& h, State to);
// The states `p` may move `h` to now (for the forms the UI offers).
std::vector<State> allowedTargets(const access::Principal& p, const Hazard& h);
// Whether the step to `to` is the enterprise's own and `p` would take it for the enterprise: the
// hazard has an enterprise, the step is one enterprises take (the plan and rectification, the
// request for acceptance; not fixing on the spot, which the inspector records), and `p` is a
// government account. Such a step needs a reason
// (TransitionRequest::on_behalf_reason) and is recorded as taken on the enterprise's behalf.
bool onBehalf(const access::Principal& p, const Hazard& h, State to);
// The reason of `t` against onBehalf: required (invalid_argument on "on_behalf_reason") when the
// step is taken on the enterprise's behalf, refused when it is not.
Status checkOnBehalf(const access::Principal& p, const Hazard& h, const TransitionRequest& t);

// The unit a person acts for, as records name them: an enterprise officer's enterprise
// (`enterprise_name` when it is the one of `h`, else "企业"), a department officer's department
// in their jurisdiction (衡阳县住房和城乡建设局), anyone else the emergency management bureau of
// their jurisdiction (衡阳县应急管理局).
std::string affiliationOf(const access::User& u, const org::Registry& registry, const Hazard* h);
// Whether `viewer` may see `person`'s phone: their own; a government account's (or an
// administrator's) when the viewer's jurisdiction contains the person's; an enterprise officer's
// of the people of their own enterprise. Never the public's.
bool seesPhone(const access::Principal& viewer, const access::User& person,
               const org::Registry& registry);
// `u` as `viewer` is shown them in the records of hazard `h` (null: not about one hazard).
Actor actorOf(const access::User& u, const access::Principal* viewer, const org::Registry& registry,
              const Hazard* h);

// Fields of a new hazard (registration), at time `now`.
Status validateNew(const Hazard& h, const org::Registry& registry, Millis now);
// The fields the step to t.to needs, for `h` in its current state, at time `now`. The deadline
// of a slip or plan lies in the future; a plan's deadline not after the slip's.
Status validateStep(const Hazard& h, const TransitionRequest& t, const org::Registry& registry,
                    Millis now);
// Applies a validated step to `h` (state, grade, records, deadline, overdue, closed_off_at).
void applyStep(Hazard& h, const TransitionRequest& t, Millis now);

// Open states in which a passed deadline makes a hazard overdue (rectification not yet done).
bool countsOverdue(State s);
bool isOverdue(State s, const std::optional<Millis>& deadline, Millis now);
// Closed off or rechecked: the hazard is gone.
bool isClosed(State s);

// Supervision (挂牌督办) and escalation (督办 ladder) may be recorded by the city for any major
// hazard and by a unit for its own at county level.
Status checkSupervision(const access::Principal& p, const Hazard& h, const std::string& level);
Status checkEscalation(const access::Principal& p, const Hazard& h, const std::string& kind);
// Whether `p` acts for the city (or above): their scope's tree is the whole city.
bool atCityLevel(const access::Principal& p);

// What waits on whom for `h` (the inbox): the loop's next step, for its enterprise when the
// enterprise takes it, else for the unit or, for a decision on a hazard under city or province
// supervision, the city; and an overdue major hazard as an urgent item for the city to press.
std::vector<work::WorkItem> workOf(const Hazard& h);
// The kinds workOf gives, each with its name in Chinese (for notifications outside the app).
const std::vector<std::pair<std::string, std::string>>& workKinds();

// Notices are issued by the city (for all units) and by a unit's duty room (for its own).
bool mayIssueNotice(const access::Principal& p);

}  // namespace anlan::hazard

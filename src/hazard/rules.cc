#include "hazard/rules.h"

#include <algorithm>
#include <array>

#include "core/text.h"

namespace anlan::hazard {
namespace {

using access::Role;
constexpr Millis kDay = 24LL * 3600 * 1000;

constexpr std::array kGovernment = {Role::kCommander, Role::kDutyOfficer, Role::kDepartmentOfficer};
constexpr std::array kGovernmentAndEnterprise = {
    Role::kCommander, Role::kDutyOfficer, Role::kDepartmentOfficer, Role::kEnterpriseOfficer};

bool oneOf(const std::string& v, const std::vector<std::string>& options) {
  return std::find(options.begin(), options.end(), v) != options.end();
}

std::vector<Role> of(const auto& roles) { return {roles.begin(), roles.end()}; }

bool isGovernment(Role r) {
  return std::find(kGovernment.begin(), kGovernment.end(), r) != kGovernment.end();
}

Status text(const std::string& value, const std::string& field, std::size_t max) {
  if (value.empty()) return Error::invalid(field, field + " is required");
  if (value.size() > max)
    return Error::invalid(field, field + " must be at most " + std::to_string(max) + " bytes");
  return {};
}

Status future(Millis t, Millis now, const std::string& field) {
  if (t <= now) return Error::invalid(field, field + " must lie in the future");
  if (t > now + 5 * 366 * kDay) return Error::invalid(field, field + " must lie within five years");
  return {};
}

}  // namespace

const std::vector<Step>& steps() {
  // The loop 建档 → 评估 → 交办 → 整改 → 验收 → 销号 → 复查. Enterprises register and rectify
  // their own hazards; assessment, assignment, acceptance, close-off and recheck are the
  // government's. A general hazard may be fixed on the spot, or rectified without a slip.
  static const std::vector<Step> table = {
      {State::kRegistered, State::kAssessed, "assess", std::nullopt, of(kGovernment)},
      {State::kRegistered, State::kClosedOff, "fix_on_the_spot", Grade::kGeneral,
       of(kGovernmentAndEnterprise)},
      {State::kAssessed, State::kAssigned, "assign", std::nullopt, of(kGovernment)},
      {State::kAssessed, State::kRectifying, "self_rectify", Grade::kGeneral,
       of(kGovernmentAndEnterprise)},
      {State::kAssigned, State::kRectifying, "start_rectification", std::nullopt,
       of(kGovernmentAndEnterprise)},
      {State::kRectifying, State::kAcceptanceRequested, "request_acceptance", std::nullopt,
       of(kGovernmentAndEnterprise)},
      {State::kAcceptanceRequested, State::kAccepted, "accept", std::nullopt, of(kGovernment),
       true},
      {State::kAcceptanceRequested, State::kRectifying, "reject", std::nullopt, of(kGovernment),
       true},
      {State::kAccepted, State::kClosedOff, "close_off", std::nullopt, of(kGovernment), true},
      {State::kClosedOff, State::kRechecked, "recheck_pass", std::nullopt, of(kGovernment)},
      {State::kClosedOff, State::kRectifying, "recheck_fail", std::nullopt, of(kGovernment)},
      {State::kRechecked, State::kRectifying, "recheck_fail", std::nullopt, of(kGovernment)},
  };
  return table;
}

const Step* findStep(State from, State to, Grade grade) {
  for (const auto& s : steps()) {
    if (s.from == from && s.to == to && (!s.only_grade || *s.only_grade == grade)) return &s;
  }
  return nullptr;
}

bool atCityLevel(const access::Principal& p) { return !p.scope.none() && p.scope.tree().whole; }

Subject subjectOf(const Hazard& h) { return {h.jurisdiction, {h.sector}, h.enterprise_id}; }

bool mayRegisterAny(const access::Principal& p) {
  return isGovernment(p.user.role) || p.user.role == Role::kEnterpriseOfficer;
}

Status checkTransition(const access::Principal& p, const Hazard& h, State to) {
  const Step* step = findStep(h.state, to, h.grade);
  if (!step) {
    return Error{Code::kConflict,
                 std::string("a ") + gradeName(h.grade) + " hazard that is " + stateName(h.state) +
                     " cannot become " + stateName(to),
                 "to"};
  }
  if (std::find(step->roles.begin(), step->roles.end(), p.user.role) == step->roles.end()) {
    return Error::denied(std::string("your role may not ") + step->name + " a hazard");
  }
  if (step->city_decides_when_listed_above &&
      (h.supervision == "city" || h.supervision == "province") && !atCityLevel(p)) {
    return Error::denied("this hazard is under " + h.supervision +
                         " supervision: the city decides");
  }
  return {};
}

std::vector<State> allowedTargets(const access::Principal& p, const Hazard& h) {
  std::vector<State> out;
  for (State to : kAllStates) {
    if (checkTransition(p, h, to).ok() && std::find(out.begin(), out.end(), to) == out.end()) {
      out.push_back(to);
    }
  }
  return out;
}

bool onBehalf(const access::Principal& p, const Hazard& h, State to) {
  if (!h.enterprise_id || !isGovernment(p.user.role)) return false;
  // Fixing on the spot is the inspector's record of what they saw done, not the enterprise's.
  const Step* step = findStep(h.state, to, h.grade);
  if (!step || std::string_view(step->name) == "fix_on_the_spot") return false;
  return std::find(step->roles.begin(), step->roles.end(), Role::kEnterpriseOfficer) !=
         step->roles.end();
}

Status checkOnBehalf(const access::Principal& p, const Hazard& h, const TransitionRequest& t) {
  if (onBehalf(p, h, t.to)) {
    if (t.on_behalf_reason.empty()) {
      return Error::invalid("on_behalf_reason",
                            "this is the enterprise's step: acting for the enterprise (代企业填报) "
                            "needs a reason in on_behalf_reason");
    }
    if (t.on_behalf_reason.size() > 1000)
      return Error::invalid("on_behalf_reason", "on_behalf_reason must be at most 1000 bytes");
    return {};
  }
  if (!t.on_behalf_reason.empty()) {
    return Error::invalid("on_behalf_reason",
                          "on_behalf_reason is only for a government account taking an "
                          "enterprise's step");
  }
  return {};
}

std::string affiliationOf(const access::User& u, const org::Registry& registry, const Hazard* h) {
  if (u.role == Role::kEnterpriseOfficer) {
    if (h && h->enterprise_id && u.enterprise_id == h->enterprise_id && !h->enterprise_name.empty())
      return h->enterprise_name;
    return "企业";
  }
  const org::Jurisdiction* j = registry.find(u.jurisdiction);
  std::string place = j ? j->name : u.jurisdiction;
  const org::Department* d = registry.department(
      u.role == Role::kDepartmentOfficer && u.department ? *u.department : "yjgl");
  return place + (d ? d->name : "应急管理局");
}

bool seesPhone(const access::Principal& viewer, const access::User& person,
               const org::Registry& registry) {
  if (!person.phone) return false;
  if (viewer.user.id == person.id) return true;
  Role r = viewer.user.role;
  if (r == Role::kEnterpriseOfficer) {
    return viewer.user.enterprise_id && person.enterprise_id == viewer.user.enterprise_id;
  }
  if (!isGovernment(r) && r != Role::kAdmin) return false;
  return registry.contains(viewer.user.jurisdiction, person.jurisdiction);
}

Actor actorOf(const access::User& u, const access::Principal* viewer, const org::Registry& registry,
              const Hazard* h) {
  Actor a;
  a.name = u.display_name.empty() ? u.username : u.display_name;
  a.unit = affiliationOf(u, registry, h);
  if (viewer && seesPhone(*viewer, u, registry)) a.phone = u.phone;
  return a;
}

Status validateNew(const Hazard& h, const org::Registry& registry, Millis now) {
  TRY_STATUS(text(h.description, "description", 2000));
  if (h.site.size() > 200) return Error::invalid("site", "site must be at most 200 bytes");
  if (!h.enterprise_id && h.site.empty()) {
    return Error::invalid("site", "a hazard without an enterprise needs its site");
  }
  const org::Jurisdiction* j = registry.find(h.jurisdiction);
  if (!j || registry.unitOf(h.jurisdiction).empty()) {
    return Error::invalid("jurisdiction", "jurisdiction must be a unit or township of the city");
  }
  if (!registry.sector(h.sector))
    return Error::invalid("sector", "unknown sector '" + h.sector + "'");
  if (!oneOf(h.source, sources())) {
    return Error::invalid("source",
                          "source must be one of inspection, assigned_from_above, public_report, "
                          "media, referral, self_report");
  }
  if (!oneOf(h.risk_color, {"red", "orange", "yellow", "blue"})) {
    return Error::invalid("risk_color", "risk_color must be red, orange, yellow or blue");
  }
  if (h.found_at > now + 5 * 60 * 1000)
    return Error::invalid("found_at", "found_at lies in the future");
  if (h.found_at < now - 10 * 366 * kDay)
    return Error::invalid("found_at", "found_at is more than ten years ago");
  if (h.found_by.size() > 100)
    return Error::invalid("found_by", "found_by must be at most 100 bytes");
  if (h.location) {
    if (!geo::valid(*h.location))
      return Error::invalid("location", "location must be a WGS-84 lon/lat");
    if (!registry.locatedIn(h.jurisdiction, *h.location)) {
      return Error::invalid("location", "the location lies outside " + j->name);
    }
  }
  return {};
}

Status validateStep(const Hazard& h, const TransitionRequest& t, const org::Registry& registry,
                    Millis now) {
  switch (t.to) {
    case State::kAssessed: {
      if (!t.grade)
        return Error::invalid("grade", "assessment confirms the grade: general or major");
      if (t.risk_color && !oneOf(*t.risk_color, {"red", "orange", "yellow", "blue"})) {
        return Error::invalid("risk_color", "risk_color must be red, orange, yellow or blue");
      }
      if (*t.grade == Grade::kMajor) {
        if (!t.confirmation) {
          return Error::invalid("confirmation",
                                "a major hazard needs its confirmation: department, meeting, date");
        }
        if (!registry.department(t.confirmation->department)) {
          return Error::invalid("confirmation.department",
                                "unknown department '" + t.confirmation->department + "'");
        }
        TRY_STATUS(text(t.confirmation->meeting, "confirmation.meeting", 200));
        if (t.confirmation->date > now || t.confirmation->date < now - 366 * kDay) {
          return Error::invalid("confirmation.date",
                                "confirmation.date must lie within the past year");
        }
      }
      return {};
    }
    case State::kAssigned: {
      if (!t.assignment) return Error::invalid("assignment", "assignment needs its slip");
      const Assignment& a = *t.assignment;
      TRY_STATUS(text(a.slip_no, "assignment.slip_no", 50));
      TRY_STATUS(text(a.responsible_unit, "assignment.responsible_unit", 200));
      TRY_STATUS(text(a.assigning_unit, "assignment.assigning_unit", 200));
      TRY_STATUS(text(a.supervising_unit, "assignment.supervising_unit", 200));
      return future(a.deadline, now, "assignment.deadline");
    }
    case State::kRectifying: {
      if (h.state == State::kAssessed || h.state == State::kAssigned) {
        if (!t.plan)
          return Error::invalid("plan", "rectification needs its plan (the five implementations)");
        const Plan& p = *t.plan;
        TRY_STATUS(text(p.responsible_person, "plan.responsible_person", 100));
        TRY_STATUS(text(p.measures, "plan.measures", 4000));
        TRY_STATUS(text(p.contingency_plan, "plan.contingency_plan", 4000));
        if (p.funds_fen < 0)
          return Error::invalid("plan.funds_fen", "plan.funds_fen must not be negative");
        TRY_STATUS(future(p.deadline, now, "plan.deadline"));
        if (h.assignment && p.deadline > h.assignment->deadline) {
          return Error::invalid("plan.deadline", "the plan's deadline lies after the slip's");
        }
        return {};
      }
      // Rejected at acceptance, or reopened by a failed recheck.
      TRY_STATUS(text(t.note, "note", 4000));
      bool reopening = h.state == State::kClosedOff || h.state == State::kRechecked;
      if (reopening && !t.deadline)
        return Error::invalid("deadline", "a reopened hazard needs a new deadline");
      if (t.deadline) TRY_STATUS(future(*t.deadline, now, "deadline"));
      return {};
    }
    case State::kAcceptanceRequested:
      TRY_STATUS(text(t.note, "note", 4000));
      if (t.attachments.empty())
        return Error::invalid("attachments",
                              "acceptance needs evidence: attach photos or documents");
      return {};
    case State::kAccepted:
    case State::kRechecked:
      return text(t.note, "note", 4000);
    case State::kClosedOff:
      if (h.state == State::kRegistered) {
        TRY_STATUS(text(t.note, "note", 4000));
        if (t.attachments.empty())
          return Error::invalid("attachments", "fixing on the spot needs evidence");
      } else if (t.note.size() > 4000) {
        return Error::invalid("note", "note must be at most 4000 bytes");
      }
      return {};
    case State::kRegistered:
      return Error::invalid("to", "a hazard cannot return to registered");
  }
  return {};
}

void applyStep(Hazard& h, const TransitionRequest& t, Millis now) {
  State from = h.state;
  switch (t.to) {
    case State::kAssessed:
      h.grade = *t.grade;
      if (t.risk_color) h.risk_color = *t.risk_color;
      h.confirmation = h.grade == Grade::kMajor ? t.confirmation : std::nullopt;
      break;
    case State::kAssigned:
      h.assignment = t.assignment;
      h.deadline = t.assignment->deadline;
      break;
    case State::kRectifying:
      if (from == State::kAssessed || from == State::kAssigned) {
        h.plan = t.plan;
        h.deadline = h.assignment ? h.assignment->deadline : t.plan->deadline;
      } else {
        if (t.deadline) h.deadline = t.deadline;
        h.closed_off_at.reset();
      }
      break;
    case State::kClosedOff:
      h.closed_off_at = now;
      break;
    default:
      break;
  }
  h.state = t.to;
  h.overdue = isOverdue(h.state, h.deadline, now);
}

bool countsOverdue(State s) { return s == State::kAssigned || s == State::kRectifying; }

bool isOverdue(State s, const std::optional<Millis>& deadline, Millis now) {
  return countsOverdue(s) && deadline && *deadline < now;
}

bool isClosed(State s) { return s == State::kClosedOff || s == State::kRechecked; }

Status checkSupervision(const access::Principal& p, const Hazard& h, const std::string& level) {
  if (!oneOf(level, supervisionLevels()))
    return Error::invalid("level", "level must be county, city or province");
  if (!isGovernment(p.user.role))
    return Error::denied("your role may not list hazards for supervision");
  if (h.grade != Grade::kMajor)
    return Error{Code::kConflict, "only major hazards are listed for supervision", "level"};
  if (isClosed(h.state)) return Error{Code::kConflict, "the hazard is closed off", "level"};
  if (level != "county" && !atCityLevel(p)) {
    return Error::denied("only the city lists hazards for city or province supervision");
  }
  return {};
}

Status checkEscalation(const access::Principal& p, const Hazard& h, const std::string& kind) {
  if (!oneOf(kind, escalationKinds())) {
    return Error::invalid(
        "kind",
        "kind must be one of suggestion_letter, assignment_letter, criticism_notice, "
        "summons, public_exposure, yellow_card, veto");
  }
  if (!isGovernment(p.user.role)) return Error::denied("your role may not escalate");
  if (isClosed(h.state)) return Error{Code::kConflict, "the hazard is closed off", "kind"};
  if ((h.supervision == "city" || h.supervision == "province") && !atCityLevel(p)) {
    return Error::denied("this hazard is under " + h.supervision +
                         " supervision: the city escalates");
  }
  return {};
}

bool mayIssueNotice(const access::Principal& p) {
  return p.user.role == Role::kCommander || p.user.role == Role::kDutyOfficer;
}

const std::vector<std::pair<std::string, std::string>>& workKinds() {
  static const std::vector<std::pair<std::string, std::string>> kinds = {
      {"hazard.assess", "隐患评估认定"},
      {"hazard.assign", "隐患交办"},
      {"hazard.start_rectification", "制定整改方案并开始整改"},
      {"hazard.request_acceptance", "完成整改并申请验收"},
      {"hazard.accept", "隐患整改验收"},
      {"hazard.close_off", "隐患销号"},
      {"hazard.overdue_major", "重大事故隐患逾期督办"},
  };
  return kinds;
}

std::vector<work::WorkItem> workOf(const Hazard& h) {
  // The step that carries the loop forward from each open state.
  static const std::array<std::pair<State, const char*>, 6> kForward = {{
      {State::kRegistered, "assess"},
      {State::kAssessed, "assign"},
      {State::kAssigned, "start_rectification"},
      {State::kRectifying, "request_acceptance"},
      {State::kAcceptanceRequested, "accept"},
      {State::kAccepted, "close_off"},
  }};
  std::vector<work::WorkItem> out;
  if (isClosed(h.state)) return out;
  work::WorkItem base;
  base.title = h.code + " · " + (h.enterprise_name.empty() ? h.site : h.enterprise_name) + " · " +
               text::clip(h.description, 120);
  base.link = "/hazards/" + std::to_string(h.id);
  base.subject = subjectOf(h);
  if (h.sector.empty()) base.subject.sectors.clear();
  base.unit = h.unit;
  bool listed_above = h.supervision == "city" || h.supervision == "province";
  for (const auto& [state, name] : kForward) {
    if (state != h.state) continue;
    const Step* step = nullptr;
    for (const auto& s : steps()) {
      if (s.from == state && std::string_view(s.name) == name) step = &s;
    }
    if (!step) break;
    work::WorkItem w = base;
    w.kind = std::string("hazard.") + name;
    bool enterprise_acts =
        h.enterprise_id && std::find(step->roles.begin(), step->roles.end(),
                                     Role::kEnterpriseOfficer) != step->roles.end();
    if (enterprise_acts) {
      w.party = work::Party::kEnterprise;
      w.roles = {Role::kEnterpriseOfficer};
    } else {
      w.party = step->city_decides_when_listed_above && listed_above ? work::Party::kCity
                                                                     : work::Party::kUnit;
      for (Role r : step->roles) {
        if (isGovernment(r)) w.roles.push_back(r);
      }
    }
    if (state == State::kAssigned || state == State::kRectifying) w.due = h.deadline;
    w.urgent = h.overdue && h.grade == Grade::kMajor;
    out.push_back(std::move(w));
  }
  if (h.overdue && h.grade == Grade::kMajor) {
    work::WorkItem w = base;
    w.kind = "hazard.overdue_major";
    w.party = work::Party::kCity;
    w.roles = {Role::kCommander, Role::kDepartmentOfficer};
    w.due = h.deadline;
    w.urgent = true;
    out.push_back(std::move(w));
  }
  return out;
}

}  // namespace anlan::hazard

#include "hazard/service.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "audit/audit.h"
#include "db/query.h"
#include "db/serial.h"
#include "enterprise/rules.h"
#include "hazard/codec.h"
#include "hazard/store.h"

namespace anlan::hazard {
namespace {

namespace bj = boost::json;
constexpr Millis kDay = 24LL * 3600 * 1000;

// What one hazard contributes to the kept counts and months.
using CountKey = std::tuple<std::string, std::string, std::string, std::string, int>;
using MonthKey = std::tuple<std::string, std::string, std::string, std::string>;

struct Deltas {
  const Calendar& cal;
  std::map<CountKey, std::int64_t> counts;
  std::map<MonthKey, std::pair<std::int64_t, std::int64_t>> months;

  void add(const Hazard& h, int sign) {
    counts[{h.unit, h.sector, gradeName(h.grade), stateName(h.state), h.overdue ? 1 : 0}] += sign;
    months[{h.unit, h.sector, gradeName(h.grade), cal.monthKey(h.found_at)}].first += sign;
    if (h.closed_off_at)
      months[{h.unit, h.sector, gradeName(h.grade), cal.monthKey(*h.closed_off_at)}].second += sign;
  }

  // Applied in key order, so that concurrent writers lock the rows in the same order.
  Status apply(db::Conn& c) const {
    for (const auto& [k, d] : counts) {
      if (d == 0) continue;
      Count cell{std::get<0>(k),
                 std::get<1>(k),
                 *parseGrade(std::get<2>(k)),
                 *parseState(std::get<3>(k)),
                 std::get<4>(k) != 0,
                 0};
      TRY_STATUS(store::addCount(c, cell, d));
    }
    for (const auto& [k, d] : months) {
      if (d.first == 0 && d.second == 0) continue;
      TRY_STATUS(store::addMonth(c, std::get<0>(k), std::get<1>(k), *parseGrade(std::get<2>(k)),
                                 std::get<3>(k), d.first, d.second));
    }
    return {};
  }
};

Status recordChange(db::Conn& c, const Calendar& cal, const Hazard* before, const Hazard& after) {
  Deltas d{cal, {}, {}};
  if (before) d.add(*before, -1);
  d.add(after, +1);
  return d.apply(c);
}

bj::array idsJson(const std::vector<std::int64_t>& ids) {
  return bj::array(ids.begin(), ids.end());
}

// The fields of a step, as its timeline entry shows them.
bj::object stepData(const Step& step, const TransitionRequest& t) {
  bj::object d{{"step", step.name}};
  if (t.grade) d["grade"] = gradeName(*t.grade);
  if (t.risk_color) d["risk_color"] = *t.risk_color;
  if (t.confirmation && t.to == State::kAssessed && t.grade == Grade::kMajor)
    d["confirmation"] = confirmationJson(t.confirmation);
  if (t.assignment && t.to == State::kAssigned) d["assignment"] = assignmentJson(t.assignment);
  if (t.plan && t.to == State::kRectifying) d["plan"] = planJson(t.plan);
  if (!t.note.empty()) d["note"] = t.note;
  if (t.deadline) d["deadline"] = *t.deadline;
  if (!t.attachments.empty()) d["attachments"] = idsJson(t.attachments);
  return d;
}

// The hazard's code, YH-<unit>-<year found>-<serial in the unit and year>, the year China's.
Result<std::string> newCode(db::Conn& c, const Calendar& cal, const Hazard& h) {
  int year = cal.year(h.found_at);
  TRY(auto serial, db::nextSerial(c, "YH-" + h.unit, year));
  char code[64];
  std::snprintf(code, sizeof code, "YH-%s-%04d-%06lld", h.unit.c_str(), year,
                static_cast<long long>(serial));
  return std::string(code);
}

Error stale() {
  return Error::conflict("the hazard was changed by someone else; reload and try again");
}

constexpr std::int64_t kMaxAttachments = 50;  // per hazard: photos and documents of every step

// The trail of a change to hazard `h`, in its transaction: the timeline entry `e` (kind, states
// and data set by the caller; its hazard, time and actor set here), the evidence it links, and
// the audit record `action` with the states before and after.
Status logChange(db::Conn& c, const Clock& clock, const access::Principal* actor, const Hazard& h,
                 Event& e, const std::string& action, std::optional<bj::value> before,
                 std::optional<bj::value> after, const std::vector<std::int64_t>& evidence = {}) {
  e.hazard_id = h.id;
  if (e.at == 0) e.at = clock.now();
  e.actor_id = actor ? std::optional(actor->user.id) : std::nullopt;
  e.actor_name = actor ? actor->user.username : "system";
  TRY(e.id, store::addEvent(c, e));
  TRY_STATUS(store::linkAttachments(c, evidence, e.id));
  TRY(auto aid, audit::append(c, clock, audit::actorOf(actor), "hazard", std::to_string(h.id),
                              action, h.jurisdiction, std::move(before), std::move(after)));
  (void)aid;
  return {};
}

}  // namespace

HazardService::HazardService(db::Database& db, const org::Registry& registry, bus::Bus& bus,
                             const work::Feed& work, const Clock& clock,
                             enterprise::EnterpriseService& enterprises, access::Directory& people,
                             Options options)
    : db_(db),
      registry_(registry),
      bus_(bus),
      work_(work),
      clock_(clock),
      enterprises_(enterprises),
      people_(people),
      options_(std::move(options)),
      files_(options_.files_dir) {}

Result<Hazard> HazardService::visible(db::Conn& c, const access::Principal& p,
                                      std::int64_t id) const {
  TRY(auto h, store::find(c, id));
  if (!h || !p.scope.admits(subjectOf(*h))) return Error::notFound("no such hazard");
  return std::move(*h);
}

Status HazardService::feedWork(db::Conn& c, const Hazard& h, work::Changes& changes,
                               bool notify) const {
  TRY(auto synced, work_.sync(c, "hazard", h.id, workOf(h), clock_.now(), notify));
  for (auto& w : synced.opened) changes.opened.push_back(std::move(w));
  for (auto& w : synced.closed) changes.closed.push_back(std::move(w));
  return {};
}

void HazardService::publish(const std::string& type, const Hazard& h) {
  bj::object data{{"id", h.id},
                  {"code", h.code},
                  {"state", stateName(h.state)},
                  {"grade", gradeName(h.grade)},
                  {"overdue", h.overdue},
                  {"unit", h.unit},
                  {"sector", h.sector},
                  {"version", h.version}};
  bus_.publish({type, subjectOf(h), "", "", clock_.now(), std::move(data)});
}

Result<Page> HazardService::list(const access::Principal& p, const Query& q) {
  access::Scope scope = registry_.narrowed(p.scope, q.jurisdiction);
  return db::read<Page>(db_, [&](db::Conn& c) { return store::list(c, q, scope); });
}

Result<std::vector<Hazard>> HazardService::exportRows(const access::Principal& p, Query q) {
  access::Scope scope = registry_.narrowed(p.scope, q.jurisdiction);
  return db::read<std::vector<Hazard>>(db_, [&](db::Conn& c) {
    return db::everyPage(q, kExportMax,
                         [&](const Query& page) { return store::list(c, page, scope); });
  });
}

Result<Detail> HazardService::get(const access::Principal& p, std::int64_t id) {
  TRY(auto detail, db::read<Detail>(db_, [&](db::Conn& c) -> Result<Detail> {
        Detail d;
        TRY(d.hazard, visible(c, p, id));
        TRY(d.timeline, store::events(c, id));
        TRY(d.attachments, store::attachments(c, id));
        d.allowed = allowedTargets(p, d.hazard);
        for (State to : d.allowed) {
          if (onBehalf(p, d.hazard, to)) d.on_behalf.push_back(to);
        }
        d.may_add_progress = d.hazard.state == State::kRectifying && mayRegisterAny(p);
        d.may_supervise = checkSupervision(p, d.hazard, "county").ok();
        d.may_escalate = checkEscalation(p, d.hazard, escalationKinds()[0]).ok();
        return d;
      }));
  TRY_STATUS(describePeople(&p, detail.hazard, detail.timeline, &detail.attachments));
  return detail;
}

Status HazardService::describePeople(const access::Principal* viewer, const Hazard& h,
                                     std::vector<Event>& events,
                                     std::vector<Attachment>* attachments) {
  std::vector<LedgerItem> one{{h, std::move(events)}};
  std::vector<std::string> uploaders;
  if (attachments) {
    for (const auto& a : *attachments) uploaders.push_back(a.uploaded_by);
  }
  // The uploaders are looked up with the timeline's people: one read for both.
  Event probe;
  for (const auto& u : uploaders) {
    probe.actor_name = u;
    one[0].timeline.push_back(probe);
  }
  TRY_STATUS(describePeople(viewer, one));
  if (attachments) {
    for (std::size_t i = 0; i < attachments->size(); ++i)
      (*attachments)[i].uploader =
          one[0].timeline[one[0].timeline.size() - uploaders.size() + i].actor;
  }
  one[0].timeline.resize(one[0].timeline.size() - uploaders.size());
  events = std::move(one[0].timeline);
  return {};
}

Status HazardService::describePeople(const access::Principal* viewer,
                                     std::vector<LedgerItem>& items) {
  std::vector<std::int64_t> ids;
  std::vector<std::string> names;
  for (const auto& it : items) {
    for (const auto& e : it.timeline) {
      if (e.actor_id)
        ids.push_back(*e.actor_id);
      else if (!e.actor_name.empty() && e.actor_name != "system")
        names.push_back(e.actor_name);
    }
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  TRY(auto by_id, people_.usersById(ids));
  TRY(auto by_name, people_.usersByName(names));
  for (auto& it : items) {
    const Hazard& h = it.hazard;
    for (auto& e : it.timeline) {
      if (e.actor_id) {
        if (auto found = by_id.find(*e.actor_id); found != by_id.end()) {
          e.actor = actorOf(found->second, viewer, registry_, &h);
          continue;
        }
      }
      if (e.actor_name.empty() || e.actor_name == "system") {
        e.actor = Actor{true, "", "", std::nullopt};
      } else if (auto found = by_name.find(e.actor_name); found != by_name.end()) {
        e.actor = actorOf(found->second, viewer, registry_, &h);
      } else {
        // A seeded record names a person in words: someone of the hazard's enterprise.
        e.actor = Actor{false, e.actor_name, h.enterprise_name, std::nullopt};
      }
    }
  }
  return {};
}

Result<LedgerInput> HazardService::ledger(const access::Principal& p, Query q) {
  q.grade = Grade::kMajor;
  q.sort = "id";
  TRY(auto hazards, exportRows(p, q));
  std::sort(hazards.begin(), hazards.end(), [](const Hazard& a, const Hazard& b) {
    return std::tie(a.unit, a.found_at, a.id) < std::tie(b.unit, b.found_at, b.id);
  });
  std::vector<std::int64_t> ids;
  for (const auto& h : hazards) ids.push_back(h.id);
  TRY(auto timelines, db::read<std::map<std::int64_t, std::vector<Event>>>(
                          db_, [&](db::Conn& c) { return store::eventsOf(c, ids); }));
  LedgerInput in;
  in.now = clock_.now();
  for (auto& h : hazards) {
    auto found = timelines.find(h.id);
    std::vector<Event> timeline;
    if (found != timelines.end()) timeline = std::move(found->second);
    std::stable_sort(timeline.begin(), timeline.end(),
                     [](const Event& a, const Event& b) { return a.at < b.at; });
    in.items.push_back({std::move(h), std::move(timeline)});
  }
  TRY_STATUS(describePeople(&p, in.items));
  // Whose list: the county-level unit looked at (or the viewer's), else the city.
  std::string unit = registry_.unitOf(q.jurisdiction.value_or(p.user.jurisdiction));
  const org::Jurisdiction* place = registry_.find(unit.empty() ? registry_.city() : unit);
  in.place = place ? place->name : "";
  in.filled_by = affiliationOf(p.user, registry_, nullptr);
  if (p.user.role == access::Role::kEnterpriseOfficer) {
    for (const auto& it : in.items) {
      if (it.hazard.enterprise_id == p.user.enterprise_id) in.filled_by = it.hazard.enterprise_name;
    }
  }
  return in;
}

Status HazardService::describeIssuers(const access::Principal* viewer,
                                      std::vector<Notice>& notices) {
  std::vector<std::string> names;
  for (const auto& n : notices) {
    if (n.issued_by != "system") names.push_back(n.issued_by);
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  TRY(auto by_name, people_.usersByName(names));
  for (auto& n : notices) {
    auto it = by_name.find(n.issued_by);
    if (n.issued_by == "system") {
      n.issuer = Actor{true, "", "", std::nullopt};
    } else if (it != by_name.end()) {
      n.issuer = actorOf(it->second, viewer, registry_, nullptr);
    } else {
      n.issuer = Actor{false, n.issued_by, "", std::nullopt};
    }
  }
  return {};
}

Result<Hazard> HazardService::create(const access::Principal* actor, Hazard h) {
  using access::Role;
  Millis now = clock_.now();
  if (actor) {
    if (!mayRegisterAny(*actor)) return Error::denied("your role may not register hazards");
    if (actor->user.role == Role::kEnterpriseOfficer) {
      if (!actor->user.enterprise_id)
        return Error::denied("your account is not bound to an enterprise");
      if (h.enterprise_id && *h.enterprise_id != *actor->user.enterprise_id) {
        return Error::invalid("enterprise_id", "you register hazards of your own enterprise only");
      }
      h.enterprise_id = actor->user.enterprise_id;
      h.source = "self_report";
    }
    // Only the system sets what later steps decide.
    h.state = State::kRegistered;
    h.deadline.reset();
    h.overdue = false;
    h.supervision.clear();
    h.confirmation.reset();
    h.assignment.reset();
    h.plan.reset();
    h.closed_off_at.reset();
    h.demo = false;
    h.reporter_id = actor->user.id;
    if (h.found_by.empty()) h.found_by = actor->user.display_name;
    if (h.enterprise_id) {
      auto e = enterprises_.get(*actor, *h.enterprise_id);
      if (!e.ok()) {
        return Error::invalid("enterprise_id", "no enterprise " + std::to_string(*h.enterprise_id) +
                                                   " in your scope");
      }
      if (!e->active)
        return Error::invalid("enterprise_id", "the enterprise " + e->name + " is deactivated");
      if (h.jurisdiction.empty()) h.jurisdiction = e->jurisdiction;
      if (h.jurisdiction != e->jurisdiction) {
        return Error::invalid("jurisdiction",
                              "the enterprise " + e->name + " lies in " + e->jurisdiction);
      }
      if (std::find(e->sectors.begin(), e->sectors.end(), h.sector) == e->sectors.end()) {
        return Error::invalid("sector",
                              "the enterprise " + e->name + " is not in sector " + h.sector);
      }
      h.enterprise_name = e->name;
      if (h.site.empty()) h.site = e->address.empty() ? e->name : e->address;
    }
  }
  if (h.found_at == 0) h.found_at = now;
  h.unit = registry_.unitOf(h.jurisdiction);
  TRY_STATUS(validateNew(h, registry_, now));
  if (actor && !actor->scope.admits(subjectOf(h))) {
    return Error{Code::kPermissionDenied,
                 "that hazard would lie outside your jurisdiction or sectors", "jurisdiction"};
  }
  h.id = 0;
  h.version = 1;
  h.created_at = h.updated_at = now;
  work::Changes work;
  TRY_STATUS(db_.write([&](db::Conn& c) -> Status {
    TRY(h.code, newCode(c, options_.calendar, h));
    TRY(h.id, store::insert(c, h));
    TRY_STATUS(recordChange(c, options_.calendar, nullptr, h));
    TRY_STATUS(feedWork(c, h, work));
    Event e;
    e.at = now;
    e.kind = "registered";
    e.to = h.state;
    e.data = {{"source", h.source}, {"grade", gradeName(h.grade)}, {"found_by", h.found_by}};
    return logChange(c, clock_, actor, h, e, "create", std::nullopt, toJson(h));
  }));
  publish("hazard.created", h);
  work_.announce(work, clock_.now());
  return h;
}

Status HazardService::checkEvidence(db::Conn& c, std::int64_t hazard_id,
                                    const std::vector<std::int64_t>& ids) const {
  std::set<std::int64_t> seen;
  for (auto id : ids) {
    if (!seen.insert(id).second)
      return Error::invalid("attachments", "attachment " + std::to_string(id) + " is listed twice");
    TRY(auto a, store::findAttachment(c, id));
    if (!a || a->hazard_id != hazard_id) {
      return Error::invalid(
          "attachments", "attachment " + std::to_string(id) + " was not uploaded to this hazard");
    }
    if (a->event_id) {
      return Error::invalid("attachments", "attachment " + std::to_string(id) +
                                               " is already the evidence of another step");
    }
  }
  return {};
}

Result<Hazard> HazardService::transition(const access::Principal& p, std::int64_t id,
                                         const TransitionRequest& t) {
  Hazard after;
  work::Changes work;
  TRY_STATUS(db_.write([&](db::Conn& c) -> Status {
    TRY(auto before, visible(c, p, id));
    if (t.version && *t.version != before.version) return stale();
    TRY_STATUS(checkTransition(p, before, t.to));
    TRY_STATUS(checkOnBehalf(p, before, t));
    bool for_enterprise = onBehalf(p, before, t.to);
    const Step* step = findStep(before.state, t.to, before.grade);
    Millis now = clock_.now();
    TRY_STATUS(validateStep(before, t, registry_, now));
    TRY_STATUS(checkEvidence(c, id, t.attachments));
    after = before;
    applyStep(after, t, now);
    after.version = before.version + 1;
    after.updated_at = now;
    TRY(bool written, store::update(c, after));
    if (!written) return stale();
    TRY_STATUS(recordChange(c, options_.calendar, &before, after));
    TRY_STATUS(feedWork(c, after, work));
    Event e;
    e.at = now;
    e.kind = "transition";
    e.from = before.state;
    e.to = after.state;
    e.data = stepData(*step, t);
    std::string action = step->name;
    if (for_enterprise) {
      e.data["on_behalf"] = true;
      e.data["on_behalf_reason"] = t.on_behalf_reason;
      action += "_on_behalf";
    }
    return logChange(c, clock_, &p, after, e, action, toJson(before), toJson(after), t.attachments);
  }));
  publish("hazard.updated", after);
  work_.announce(work, clock_.now());
  return after;
}

Result<Event> HazardService::addProgress(const access::Principal& p, std::int64_t id,
                                         const std::string& note,
                                         const std::vector<std::int64_t>& attachments) {
  Event e;
  Hazard h;
  TRY_STATUS(db_.write([&](db::Conn& c) -> Status {
    TRY(h, visible(c, p, id));
    if (!mayRegisterAny(p)) return Error::denied("your role may not keep the rectification ledger");
    if (h.state != State::kRectifying) {
      return Error{Code::kConflict, "ledger entries are recorded while the hazard is rectifying",
                   "note"};
    }
    if (note.empty()) return Error::invalid("note", "note is required");
    if (note.size() > 4000) return Error::invalid("note", "note must be at most 4000 bytes");
    TRY_STATUS(checkEvidence(c, id, attachments));
    e.kind = "progress";
    e.data = {{"note", note}};
    if (!attachments.empty()) e.data["attachments"] = idsJson(attachments);
    return logChange(c, clock_, &p, h, e, "progress", std::nullopt, bj::value(e.data), attachments);
  }));
  publish("hazard.updated", h);
  return e;
}

Result<Hazard> HazardService::supervise(const access::Principal& p, std::int64_t id,
                                        const std::string& level, const std::string& note) {
  Hazard after;
  work::Changes work;
  TRY_STATUS(db_.write([&](db::Conn& c) -> Status {
    TRY(auto before, visible(c, p, id));
    TRY_STATUS(checkSupervision(p, before, level));
    if (note.size() > 4000) return Error::invalid("note", "note must be at most 4000 bytes");
    Millis now = clock_.now();
    after = before;
    after.supervision = level;
    after.version = before.version + 1;
    after.updated_at = now;
    TRY(bool written, store::update(c, after));
    if (!written) return stale();
    TRY_STATUS(feedWork(c, after, work));
    Event e;
    e.at = now;
    e.kind = "supervision";
    e.data = {{"level", level}};
    if (!note.empty()) e.data["note"] = note;
    return logChange(c, clock_, &p, after, e, "supervise", toJson(before), toJson(after));
  }));
  publish("hazard.updated", after);
  work_.announce(work, clock_.now());
  return after;
}

Result<Event> HazardService::escalate(const access::Principal& p, std::int64_t id,
                                      const std::string& kind, const std::string& note,
                                      const std::vector<std::int64_t>& attachments) {
  Event e;
  Hazard h;
  TRY_STATUS(db_.write([&](db::Conn& c) -> Status {
    TRY(h, visible(c, p, id));
    TRY_STATUS(checkEscalation(p, h, kind));
    if (note.size() > 4000) return Error::invalid("note", "note must be at most 4000 bytes");
    TRY_STATUS(checkEvidence(c, id, attachments));
    e.kind = "escalation";
    e.data = {{"action", kind}};
    if (!note.empty()) e.data["note"] = note;
    if (!attachments.empty()) e.data["attachments"] = idsJson(attachments);
    return logChange(c, clock_, &p, h, e, "escalate", std::nullopt, bj::value(e.data), attachments);
  }));
  publish("hazard.updated", h);
  return e;
}

Result<Attachment> HazardService::upload(const access::Principal& p, std::int64_t id,
                                         const std::string& name, std::string_view bytes) {
  TRY(auto h, db::read<Hazard>(db_, [&](db::Conn& c) { return visible(c, p, id); }));
  if (!mayRegisterAny(p)) return Error::denied("your role may not attach files to hazards");
  if (static_cast<std::int64_t>(bytes.size()) > options_.max_upload_bytes) {
    return Error{Code::kPayloadTooLarge,
                 "the file is larger than " +
                     std::to_string(options_.max_upload_bytes / (1024 * 1024)) + " MiB",
                 "file"};
  }
  TRY(auto actual, checkUpload(name, bytes));
  TRY(auto sha, files_.put(bytes));
  Attachment a;
  a.hazard_id = id;
  a.name = name;
  a.media_type = actual;
  a.size = static_cast<std::int64_t>(bytes.size());
  a.sha256 = sha;
  a.uploaded_by = p.user.username;
  a.uploaded_at = clock_.now();
  TRY_STATUS(db_.write([&](db::Conn& c) -> Status {
    TRY(auto count, store::attachmentCount(c, id));
    if (count >= kMaxAttachments) {
      return Error{
          Code::kFailedPrecondition,
          "a hazard keeps at most " + std::to_string(kMaxAttachments) + " photos and documents",
          "file"};
    }
    TRY(a.id, store::addAttachment(c, a));
    TRY(auto aid, audit::append(c, clock_, audit::actorOf(&p), "hazard", std::to_string(id),
                                "attach", h.jurisdiction, std::nullopt, bj::value(toJson(a))));
    (void)aid;
    return {};
  }));
  return a;
}

Result<HazardService::File> HazardService::download(const access::Principal& p, std::int64_t id,
                                                    std::int64_t attachment_id) {
  TRY(auto a, db::read<Attachment>(db_, [&](db::Conn& c) -> Result<Attachment> {
        TRY(auto h, visible(c, p, id));
        (void)h;
        TRY(auto found, store::findAttachment(c, attachment_id));
        if (!found || found->hazard_id != id) return Error::notFound("no such attachment");
        return std::move(*found);
      }));
  TRY(auto bytes, files_.get(a.sha256));
  return File{std::move(a), std::move(bytes)};
}

namespace {

void addTo(Figures& f, const store::Tally& t) {
  f.found += t.found;
  f.closed_off += t.closed_off;
  f.open += t.found - t.closed_off;
  f.overdue += t.overdue;
  f.major += t.major;
  f.major_open += t.major_open;
}

const std::vector<State>& closedStates() {
  static const std::vector<State> kClosed = [] {
    std::vector<State> out;
    for (State s : kAllStates) {
      if (isClosed(s)) out.push_back(s);
    }
    return out;
  }();
  return kClosed;
}

// The `n` months up to the one containing `now`, oldest first.
std::vector<std::string> lastMonths(const Calendar& cal, Millis now, int n) {
  std::string m = cal.monthKey(now);
  std::vector<std::string> out(n);
  for (int i = 0; i < n; ++i) out[i] = Calendar::addMonths(m, i - (n - 1));
  return out;
}

}  // namespace

Result<Stats> HazardService::stats(const access::Principal& p, const StatsQuery& q) {
  access::Scope scope = registry_.narrowed(p.scope, q.jurisdiction);
  if (q.sector) scope = scope.inSector(*q.sector);
  // The kept counts hold units and sectors; below a unit or within an enterprise, count rows.
  const access::Subtree& tree = scope.tree();
  bool kept = !scope.enterprise() && (tree.whole || (!tree.unit.empty() && tree.root == tree.unit));
  auto months = lastMonths(options_.calendar, clock_.now(), 12);
  store::Tallies tallies;
  std::vector<store::UnitMonth> by_month;
  TRY_STATUS(db_.read([&](db::Conn& c) -> Status {
    if (kept) {
      TRY(tallies, store::tallies(c, scope, closedStates()));
      TRY(by_month, store::months(c, scope, months));
    } else {
      TRY(auto cells, store::recount(c, scope));
      tallies = store::tally(cells, closedStates());
    }
    return {};
  }));
  Stats s;
  std::map<std::string, Figures> units, sectors;
  for (const auto& t : tallies.cells) {
    addTo(s.total, t);
    addTo(units[t.unit], t);
    addTo(sectors[t.sector], t);
  }
  for (const auto& [state, n] : tallies.states) s.by_state[stateName(state)] += n;
  for (auto& [key, f] : units) {
    f.key = key;
    s.by_unit.push_back(f);
  }
  for (auto& [key, f] : sectors) {
    f.key = key;
    s.by_sector.push_back(f);
  }
  std::map<std::string, MonthCount> per_month;
  for (const auto& m : months) per_month[m] = {m, 0, 0};
  for (const auto& um : by_month) {
    auto it = per_month.find(um.m.month);
    if (it == per_month.end()) continue;
    it->second.found += um.m.found;
    it->second.closed_off += um.m.closed_off;
  }
  for (auto& [_, m] : per_month) s.months.push_back(m);
  return s;
}

Result<TickReport> HazardService::tick() {
  TickReport report;
  Millis now = clock_.now();
  for (;;) {
    std::vector<Hazard> marked;
    work::Changes work;
    TRY_STATUS(db_.write([&](db::Conn& c) -> Status {
      TRY(auto due, store::newlyOverdue(c, now, 500));
      for (auto& before : due) {
        Hazard after = before;
        after.overdue = true;
        after.version = before.version + 1;
        after.updated_at = now;
        TRY(bool written, store::update(c, after));
        if (!written) continue;
        TRY_STATUS(recordChange(c, options_.calendar, &before, after));
        TRY_STATUS(feedWork(c, after, work));
        Event e;
        e.at = now;
        e.kind = "overdue";
        e.data = {{"deadline", *after.deadline}};
        TRY_STATUS(
            logChange(c, clock_, nullptr, after, e, "overdue", toJson(before), toJson(after)));
        marked.push_back(std::move(after));
      }
      return {};
    }));
    for (const auto& h : marked) publish("hazard.updated", h);
    work_.announce(work, now);
    report.marked_overdue += static_cast<int>(marked.size());
    if (marked.size() < 500) break;
  }
  if (registry_.city().empty()) return report;
  TRY(auto anchor,
      db::read<std::optional<Millis>>(db_, [&](db::Conn& c) -> Result<std::optional<Millis>> {
        // The cycle runs on from the city's last notice, whatever issued it.
        TRY(auto last, store::lastPeriodEnd(c, registry_.city()));
        if (last) return last;
        return store::firstCreated(c);
      }));
  Millis cycle = options_.notice_cycle_days * kDay;
  if (anchor && now >= *anchor + cycle) {
    // A quiet cycle issues nothing: the next notice covers it too.
    auto n = issue(nullptr, registry_.city(), "cycle", *anchor, now + 1);
    if (n.ok()) {
      report.notices_issued = 1;
    } else if (n.error().code != Code::kFailedPrecondition) {
      return n.error();
    }
  }
  return report;
}

Result<Notice> HazardService::issueNotice(const access::Principal* actor,
                                          const std::string& jurisdiction) {
  if (actor) {
    if (!mayIssueNotice(*actor)) return Error::denied("your role may not issue notices");
    if (!registry_.contains(actor->user.jurisdiction, jurisdiction)) {
      return Error::invalid("jurisdiction", "jurisdiction must be yours or a unit within it");
    }
  }
  const org::Jurisdiction* j = registry_.find(jurisdiction);
  if (!j || (jurisdiction != registry_.city() && j->level != "county" && j->level != "park")) {
    return Error::invalid("jurisdiction", "notices are issued by the city or a county-level unit");
  }
  Millis now = clock_.now();
  TRY(auto last, db::read<std::optional<Millis>>(
                     db_, [&](db::Conn& c) { return store::lastPeriodEnd(c, jurisdiction); }));
  Millis from = last ? *last : now - options_.notice_cycle_days * kDay;
  // The period [from, to) takes in the moment of issue itself.
  TRY(auto n, issue(actor, jurisdiction, "on_demand", from, now + 1));
  std::vector<Notice> one{std::move(n)};
  TRY_STATUS(describeIssuers(actor, one));
  return std::move(one[0]);
}

Result<Notice> HazardService::issue(const access::Principal* actor, const std::string& jurisdiction,
                                    const std::string& trigger, Millis from, Millis to) {
  std::vector<std::string> units;
  if (jurisdiction == registry_.city()) {
    for (const auto* j : registry_.subtree(registry_.city())) {
      if (j->level == "county" || j->level == "park") units.push_back(j->code);
    }
  } else {
    units = {jurisdiction};
  }
  Notice n;
  n.jurisdiction = jurisdiction;
  n.period_from = from;
  n.period_to = to;
  n.issued_at = clock_.now();
  n.issued_by = actor ? actor->user.username : "system";
  n.trigger = trigger;
  auto item = [&](const Hazard& h) {
    bj::object o{{"id", h.id},
                 {"code", h.code},
                 {"enterprise", h.enterprise_name},
                 {"site", h.site},
                 {"sector", h.sector},
                 {"grade", gradeName(h.grade)},
                 {"state", stateName(h.state)},
                 {"deadline", h.deadline ? bj::value(*h.deadline) : nullptr}};
    if (h.deadline && h.overdue) o["days_overdue"] = (n.issued_at - *h.deadline) / kDay;
    if (h.closed_off_at) o["closed_off_at"] = *h.closed_off_at;
    return o;
  };
  TRY_STATUS(db_.write([&](db::Conn& c) -> Status {
    // The period's own figures (found and closed off within it), and where things stand at its
    // end (open and overdue now, from the kept counts).
    TRY(auto cells, store::counts(c, access::Scope::of(registry_.treeOf(jurisdiction))));
    TRY(auto period, store::periodCounts(c, units, from, to));
    TRY(auto overdue, store::overdueIn(c, units, 5000));
    TRY(auto closed, store::closedIn(c, units, from, to, 5000));
    std::map<std::string, NoticeRow> rows;
    for (const auto& u : units) rows[u].unit = u;
    for (const auto& k : cells) {
      NoticeRow& r = rows[k.unit];
      if (!isClosed(k.state)) r.open += k.n;
      if (k.overdue) r.overdue += k.n;
    }
    bool news = false;
    for (const auto& [unit, pc] : period) {
      rows[unit].found = pc.found;
      rows[unit].closed_off = pc.closed_off;
      news = news || pc.found > 0 || pc.closed_off > 0;
    }
    for (const auto& h : overdue) {
      rows[h.unit].overdue_items.push_back(item(h));
      news = news || (h.deadline && *h.deadline >= from);
    }
    for (const auto& h : closed) rows[h.unit].closed_items.push_back(item(h));
    if (!news) {
      const Calendar& cal = options_.calendar;
      return Error{Code::kFailedPrecondition,
                   "nothing to report for " + cal.dateTimeText(from) + " – " +
                       cal.dateTimeText(to) +
                       ": no hazard was found, closed off or became overdue since the last notice",
                   "jurisdiction"};
    }
    for (const auto& u : units) {
      NoticeRow& r = rows[u];
      // The period's close-off rate: closed off in the period out of those closed off in it and
      // those still open at its end.
      std::int64_t due = r.closed_off + r.open;
      r.rate = due ? static_cast<double>(r.closed_off) / static_cast<double>(due) : 0;
      n.rows.push_back(std::move(r));
    }
    int year = options_.calendar.year(to);
    TRY(auto serial, db::nextSerial(c, "TB-" + jurisdiction, year));
    n.number = registry_.find(jurisdiction)->name + "隐患排查治理通报〔" + std::to_string(year) +
               "〕" + std::to_string(serial) + "号";
    TRY(n.id, store::insertNotice(c, n));
    TRY(auto aid, audit::append(c, clock_, audit::actorOf(actor), "notice", std::to_string(n.id),
                                "issue", jurisdiction, std::nullopt, bj::value(summaryJson(n))));
    (void)aid;
    return {};
  }));
  bus_.publish({"notice.issued", {jurisdiction, {}, {}}, "", "", clock_.now(), summaryJson(n)});
  return n;
}

Result<std::vector<Notice>> HazardService::notices(const access::Principal& p,
                                                   std::optional<std::int64_t> before_id,
                                                   int limit) {
  // A user reads the notices of their own jurisdiction, of those above it (which name it) and
  // of those below it.
  std::vector<std::string> codes;
  for (const auto* j : registry_.path(p.user.jurisdiction)) codes.push_back(j->code);
  for (const auto& code : registry_.subtreeCodes(p.user.jurisdiction)) codes.push_back(code);
  TRY(auto found,
      db::read<std::vector<Notice>>(db_, [&](db::Conn& c) -> Result<std::vector<Notice>> {
        TRY(auto list, store::notices(c, codes, before_id, limit));
        for (auto& n : list) TRY_STATUS(itemsInScope(c, p, n));
        return list;
      }));
  TRY_STATUS(describeIssuers(&p, found));
  return found;
}

Result<Notice> HazardService::notice(const access::Principal& p, std::int64_t id) {
  TRY(auto found, db::read<Notice>(db_, [&](db::Conn& c) -> Result<Notice> {
        TRY(auto n, store::findNotice(c, id));
        if (!n || (!registry_.contains(n->jurisdiction, p.user.jurisdiction) &&
                   !registry_.contains(p.user.jurisdiction, n->jurisdiction))) {
          return Error::notFound("no such notice");
        }
        TRY_STATUS(itemsInScope(c, p, *n));
        return std::move(*n);
      }));
  std::vector<Notice> one{std::move(found)};
  TRY_STATUS(describeIssuers(&p, one));
  return std::move(one[0]);
}

// A notice's figures per unit are published to everyone who may read the notice; the items it
// names are records, and a reader sees those their scope admits (a county its own unit's, a
// department its sectors', an enterprise officer their enterprise's).
Status HazardService::itemsInScope(db::Conn& c, const access::Principal& p, Notice& n) const {
  const access::Scope& s = p.scope;
  if (!s.none() && s.tree().whole && !s.sectors() && !s.enterprise()) return {};
  std::vector<std::int64_t> ids;
  for (const auto& r : n.rows) {
    for (const auto* items : {&r.overdue_items, &r.closed_items}) {
      for (const auto& it : *items) {
        if (auto v = it.if_contains("id"); v && v->is_int64()) ids.push_back(v->as_int64());
      }
    }
  }
  TRY(auto subjects, store::subjectsOf(c, ids));
  auto foreign = [&](const bj::object& it) {
    auto v = it.if_contains("id");
    auto found = v && v->is_int64() ? subjects.find(v->as_int64()) : subjects.end();
    return found == subjects.end() || !p.scope.admits(found->second);
  };
  for (auto& r : n.rows) {
    std::erase_if(r.overdue_items, foreign);
    std::erase_if(r.closed_items, foreign);
  }
  return {};
}

Result<std::pair<std::vector<Count>, std::vector<Count>>> HazardService::countsAndRecount() {
  using Pair = std::pair<std::vector<Count>, std::vector<Count>>;
  return db::read<Pair>(db_, [&](db::Conn& c) -> Result<Pair> {
    access::Scope all = access::Scope::of(registry_.treeOf(registry_.city()));
    TRY(auto kept, store::counts(c, all));
    TRY(auto counted, store::recount(c, all));
    return Pair{std::move(kept), std::move(counted)};
  });
}

Result<std::int64_t> HazardService::countDemo() {
  return db::read<std::int64_t>(db_, [](db::Conn& c) -> Result<std::int64_t> {
    TRY(auto rows, c.query("SELECT COUNT(*) FROM hazards WHERE demo = 1"));
    return rows[0].i64(0);
  });
}

Status HazardService::rebuildCounts() {
  return db_.write([&](db::Conn& c) { return store::rebuildCounts(c, options_.calendar); });
}

Status HazardService::seed(std::vector<Hazard> items, std::vector<std::vector<Event>> timelines) {
  Millis now = clock_.now();
  for (auto& h : items) {
    h.unit = registry_.unitOf(h.jurisdiction);
    TRY_STATUS(validateNew(h, registry_, now));
  }
  return db_.write([&](db::Conn& c) -> Status {
    for (std::size_t i = 0; i < items.size(); ++i) {
      Hazard& h = items[i];
      TRY(h.code, newCode(c, options_.calendar, h));
      TRY(h.id, store::insert(c, h));
      TRY_STATUS(recordChange(c, options_.calendar, nullptr, h));
      work::Changes ignored;  // demo data: nobody is told
      TRY_STATUS(feedWork(c, h, ignored, false));
      if (i < timelines.size()) {
        for (auto& e : timelines[i]) {
          e.hazard_id = h.id;
          TRY(e.id, store::addEvent(c, e));
        }
      }
      TRY(auto aid,
          audit::append(c, clock_, audit::actorOf(nullptr), "hazard", std::to_string(h.id), "seed",
                        h.jurisdiction, std::nullopt, toJson(h)));
      (void)aid;
    }
    return {};
  });
}

}  // namespace anlan::hazard

#include "hazard/codec.h"

#include "core/json.h"
#include "enterprise/codec.h"

namespace anlan::hazard {
namespace bj = boost::json;

namespace {

bj::value opt(const std::optional<std::int64_t>& v) {
  return v ? bj::value(*v) : bj::value(nullptr);
}

}  // namespace

bj::value confirmationJson(const std::optional<Confirmation>& c) {
  if (!c) return nullptr;
  return bj::object{{"department", c->department}, {"meeting", c->meeting}, {"date", c->date}};
}

bj::value assignmentJson(const std::optional<Assignment>& a) {
  if (!a) return nullptr;
  return bj::object{{"slip_no", a->slip_no},
                    {"responsible_unit", a->responsible_unit},
                    {"assigning_unit", a->assigning_unit},
                    {"supervising_unit", a->supervising_unit},
                    {"deadline", a->deadline}};
}

bj::value planJson(const std::optional<Plan>& p) {
  if (!p) return nullptr;
  return bj::object{{"responsible_person", p->responsible_person},
                    {"measures", p->measures},
                    {"funds_fen", p->funds_fen},
                    {"deadline", p->deadline},
                    {"contingency_plan", p->contingency_plan}};
}

Result<Confirmation> confirmationFromJson(const bj::object& o) {
  TRY_STATUS(json::onlyFields(o, {"department", "meeting", "date"}));
  Confirmation c;
  TRY(c.department, json::requireString(o, "department", 20));
  TRY(c.meeting, json::requireString(o, "meeting", 200));
  TRY(c.date, json::requireInt(o, "date"));
  return c;
}

Result<Assignment> assignmentFromJson(const bj::object& o) {
  TRY_STATUS(json::onlyFields(
      o, {"slip_no", "responsible_unit", "assigning_unit", "supervising_unit", "deadline"}));
  Assignment a;
  TRY(a.slip_no, json::requireString(o, "slip_no", 50));
  TRY(a.responsible_unit, json::requireString(o, "responsible_unit", 200));
  TRY(a.assigning_unit, json::requireString(o, "assigning_unit", 200));
  TRY(a.supervising_unit, json::requireString(o, "supervising_unit", 200));
  TRY(a.deadline, json::requireInt(o, "deadline"));
  return a;
}

Result<Plan> planFromJson(const bj::object& o) {
  TRY_STATUS(json::onlyFields(
      o, {"responsible_person", "measures", "funds_fen", "deadline", "contingency_plan"}));
  Plan p;
  TRY(p.responsible_person, json::requireString(o, "responsible_person", 100));
  TRY(p.measures, json::requireString(o, "measures", 4000));
  TRY(p.funds_fen, json::requireInt(o, "funds_fen"));
  TRY(p.deadline, json::requireInt(o, "deadline"));
  TRY(p.contingency_plan, json::requireString(o, "contingency_plan", 4000));
  return p;
}

namespace {

template <class T, class F>
Result<std::optional<T>> nested(const bj::object& o, std::string_view field, F read) {
  TRY(const bj::object* sub, json::optionalObject(o, field));
  if (!sub) return std::optional<T>();
  TRY(T value, json::prefixed(read(*sub), field));
  return std::optional<T>(std::move(value));
}

}  // namespace

bj::object toJson(const Hazard& h) {
  bj::value location = nullptr;
  if (h.location) location = bj::object{{"lon", h.location->lon}, {"lat", h.location->lat}};
  return {{"id", h.id},
          {"code", h.code},
          {"enterprise_id", opt(h.enterprise_id)},
          {"enterprise_name", h.enterprise_name},
          {"site", h.site},
          {"jurisdiction", h.jurisdiction},
          {"unit", h.unit},
          {"sector", h.sector},
          {"location", std::move(location)},
          {"description", h.description},
          {"grade", gradeName(h.grade)},
          {"source", h.source},
          {"found_at", h.found_at},
          {"found_by", h.found_by},
          {"risk_color", h.risk_color},
          {"state", stateName(h.state)},
          {"deadline", opt(h.deadline)},
          {"overdue", h.overdue},
          {"supervision", h.supervision.empty() ? bj::value(nullptr) : bj::value(h.supervision)},
          {"confirmation", confirmationJson(h.confirmation)},
          {"assignment", assignmentJson(h.assignment)},
          {"plan", planJson(h.plan)},
          {"closed_off_at", opt(h.closed_off_at)},
          {"demo", h.demo},
          {"version", h.version},
          {"created_at", h.created_at},
          {"updated_at", h.updated_at}};
}

bj::value actorJson(const std::optional<Actor>& a) {
  if (!a || a->system) return nullptr;
  return bj::object{{"name", a->name},
                    {"unit", a->unit},
                    {"phone", a->phone ? bj::value(*a->phone) : bj::value(nullptr)}};
}

std::string actorText(const std::optional<Actor>& a) {
  if (!a || a->system) return "系统";
  return a->unit.empty() ? a->name : a->name + "（" + a->unit + "）";
}

bj::object toJson(const Event& e) {
  return {{"id", e.id},
          {"at", e.at},
          {"actor", actorJson(e.actor)},
          {"kind", e.kind},
          {"from", e.from ? bj::value(stateName(*e.from)) : bj::value(nullptr)},
          {"to", e.to ? bj::value(stateName(*e.to)) : bj::value(nullptr)},
          {"data", e.data}};
}

bj::object toJson(const Attachment& a) {
  return {{"id", a.id},
          {"hazard_id", a.hazard_id},
          {"name", a.name},
          {"media_type", a.media_type},
          {"size", a.size},
          {"sha256", a.sha256},
          {"event_id", opt(a.event_id)},
          {"uploaded_by", a.uploaded_by},
          {"uploader", actorJson(a.uploader)},
          {"uploaded_at", a.uploaded_at}};
}

bj::object summaryJson(const Notice& n) {
  std::int64_t overdue = 0, closed = 0;
  for (const auto& r : n.rows) {
    overdue += static_cast<std::int64_t>(r.overdue_items.size());
    closed += static_cast<std::int64_t>(r.closed_items.size());
  }
  return {{"id", n.id},
          {"number", n.number},
          {"jurisdiction", n.jurisdiction},
          {"period_from", n.period_from},
          {"period_to", n.period_to},
          {"issued_at", n.issued_at},
          {"issued_by", n.issued_by},
          {"issuer", actorJson(n.issuer)},
          {"trigger", n.trigger},
          {"overdue_named", overdue},
          {"closed_named", closed}};
}

bj::object toJson(const Notice& n) {
  bj::object o = summaryJson(n);
  bj::array rows;
  for (const auto& r : n.rows) {
    bj::array overdue(r.overdue_items.begin(), r.overdue_items.end());
    bj::array closed(r.closed_items.begin(), r.closed_items.end());
    rows.push_back(bj::object{{"unit", r.unit},
                              {"found", r.found},
                              {"closed_off", r.closed_off},
                              {"open", r.open},
                              {"overdue", r.overdue},
                              {"rate", r.rate},
                              {"overdue_items", std::move(overdue)},
                              {"closed_items", std::move(closed)}});
  }
  o["rows"] = std::move(rows);
  return o;
}

Status fromJson(const bj::object& o, Hazard& h) {
  TRY_STATUS(json::onlyFields(
      o, {"enterprise_id", "site", "jurisdiction", "sector", "location", "description", "grade",
          "source", "found_at", "found_by", "risk_color"}));
  TRY(h.enterprise_id, json::optionalInt(o, "enterprise_id"));
  TRY(auto site, json::optionalString(o, "site", 200));
  h.site = site.value_or("");
  TRY(auto jurisdiction, json::optionalString(o, "jurisdiction", 12));
  h.jurisdiction = jurisdiction.value_or("");
  TRY(h.sector, json::requireString(o, "sector", 40));
  TRY(h.location, json::optionalLonLat(o, "location"));
  TRY(h.description, json::requireString(o, "description", 2000));
  TRY(auto grade, json::optionalString(o, "grade", 10));
  if (grade) {
    auto g = parseGrade(*grade);
    if (!g) return Error::invalid("grade", "grade must be general or major");
    h.grade = *g;
  }
  TRY(auto source, json::optionalString(o, "source", 40));
  if (source) h.source = *source;
  TRY(auto found_at, json::optionalInt(o, "found_at"));
  if (found_at) h.found_at = *found_at;
  TRY(auto found_by, json::optionalString(o, "found_by", 100));
  h.found_by = found_by.value_or("");
  TRY(auto risk, json::optionalString(o, "risk_color", 10));
  if (risk) h.risk_color = *risk;
  return {};
}

Result<std::vector<std::int64_t>> attachmentIds(const bj::object& o) {
  std::vector<std::int64_t> ids;
  auto it = o.find("attachments");
  if (it == o.end() || it->value().is_null()) return ids;
  if (!it->value().is_array())
    return Error::invalid("attachments", "attachments must be a list of ids");
  for (const auto& v : it->value().as_array()) {
    if (!v.is_int64()) return Error::invalid("attachments", "attachments must be a list of ids");
    ids.push_back(v.as_int64());
  }
  if (ids.size() > 20) return Error::invalid("attachments", "at most 20 attachments per step");
  return ids;
}

Result<TransitionRequest> transitionFromJson(const bj::object& o) {
  TRY_STATUS(
      json::onlyFields(o, {"to", "version", "grade", "risk_color", "confirmation", "assignment",
                           "plan", "note", "deadline", "attachments", "on_behalf_reason"}));
  TransitionRequest t;
  TRY(auto to, json::requireString(o, "to", 40));
  auto state = parseState(to);
  if (!state)
    return Error::invalid("to",
                          "to must be a state: assessed, assigned, rectifying, "
                          "acceptance_requested, accepted, closed_off or rechecked");
  t.to = *state;
  TRY(t.version, json::optionalInt(o, "version"));
  TRY(auto grade, json::optionalString(o, "grade", 10));
  if (grade) {
    t.grade = parseGrade(*grade);
    if (!t.grade) return Error::invalid("grade", "grade must be general or major");
  }
  TRY(t.risk_color, json::optionalString(o, "risk_color", 10));
  TRY(t.confirmation, nested<Confirmation>(o, "confirmation", confirmationFromJson));
  TRY(t.assignment, nested<Assignment>(o, "assignment", assignmentFromJson));
  TRY(t.plan, nested<Plan>(o, "plan", planFromJson));
  TRY(auto note, json::optionalString(o, "note", 4000));
  t.note = note.value_or("");
  TRY(t.deadline, json::optionalInt(o, "deadline"));
  TRY(t.attachments, attachmentIds(o));
  TRY(auto reason, json::optionalString(o, "on_behalf_reason", 1000));
  t.on_behalf_reason = reason.value_or("");
  return t;
}

const std::vector<Label>& stateLabels() {
  static const std::vector<Label> l = {{"registered", "已建档"},
                                       {"assessed", "已评估"},
                                       {"assigned", "已交办"},
                                       {"rectifying", "整改中"},
                                       {"acceptance_requested", "待验收"},
                                       {"accepted", "已验收"},
                                       {"closed_off", "已销号"},
                                       {"rechecked", "已复查"}};
  return l;
}

const std::vector<Label>& gradeLabels() {
  static const std::vector<Label> l = {{"general", "一般隐患"}, {"major", "重大事故隐患"}};
  return l;
}

const std::vector<Label>& sourceLabels() {
  static const std::vector<Label> l = {
      {"inspection", "排查发现"},    {"assigned_from_above", "上级交办"},
      {"public_report", "群众举报"}, {"media", "媒体曝光"},
      {"referral", "部门移送"},      {"self_report", "企业自报"}};
  return l;
}

const std::vector<Label>& supervisionLabels() {
  static const std::vector<Label> l = {
      {"county", "县级挂牌督办"}, {"city", "市级挂牌督办"}, {"province", "省级挂牌督办"}};
  return l;
}

std::vector<Column<Hazard>> tableColumns(const org::Registry& reg, const Calendar& cal) {
  using H = Hazard;
  auto time = [&cal](const std::optional<Millis>& t) {
    return t ? cal.dateTimeText(*t) : std::string();
  };
  auto place = [&reg](const std::string& code) {
    std::string n = reg.fullName(code);
    return n.empty() ? code : n;
  };
  return {
      {"code", "隐患编号", [](const H& h) { return h.code; }, nullptr},
      {"enterprise", "企业名称", [](const H& h) { return h.enterprise_name; }, nullptr},
      {"site", "隐患地点", [](const H& h) { return h.site; }, nullptr},
      {"jurisdiction", "所属辖区", [](const H& h) { return h.jurisdiction; },
       [place](const H& h) { return place(h.jurisdiction); }},
      {"unit", "县市区", [](const H& h) { return h.unit; },
       [place](const H& h) { return place(h.unit); }},
      {"sector", "行业领域", [](const H& h) { return h.sector; },
       [&reg](const H& h) {
         std::string n = reg.sectorName(h.sector);
         return n.empty() ? h.sector : n;
       }},
      {"description", "隐患描述", [](const H& h) { return h.description; }, nullptr},
      {"grade", "隐患等级", [](const H& h) { return std::string(gradeName(h.grade)); },
       [](const H& h) { return nameOf(gradeLabels(), gradeName(h.grade)); }},
      {"source", "来源", [](const H& h) { return h.source; },
       [](const H& h) { return nameOf(sourceLabels(), h.source); }},
      {"found_at", "发现时间", [time](const H& h) { return time(h.found_at); }, nullptr},
      {"found_by", "发现人", [](const H& h) { return h.found_by; }, nullptr},
      {"risk_color", "风险等级", [](const H& h) { return h.risk_color; },
       [](const H& h) { return nameOf(enterprise::riskColorLabels(), h.risk_color); }},
      {"state", "状态", [](const H& h) { return std::string(stateName(h.state)); },
       [](const H& h) { return nameOf(stateLabels(), stateName(h.state)); }},
      {"deadline", "整改期限", [time](const H& h) { return time(h.deadline); }, nullptr},
      {"overdue", "是否逾期", [](const H& h) { return std::string(h.overdue ? "1" : "0"); },
       [](const H& h) { return yesNo(h.overdue); }},
      {"supervision", "挂牌督办", [](const H& h) { return h.supervision; },
       [](const H& h) {
         return h.supervision.empty() ? "" : nameOf(supervisionLabels(), h.supervision);
       }},
      {"slip_no", "交办单号",
       [](const H& h) { return h.assignment ? h.assignment->slip_no : std::string(); }, nullptr},
      {"closed_off_at", "销号时间", [time](const H& h) { return time(h.closed_off_at); }, nullptr},
      {"id", "系统编号", [](const H& h) { return std::to_string(h.id); }, nullptr},
  };
}

std::vector<NoticeLine> noticeLines(const Notice& n) {
  std::vector<NoticeLine> out;
  auto str = [](const bj::object& o, const char* k) -> std::string {
    const bj::value* v = o.if_contains(k);
    if (!v || v->is_null()) return "";
    if (v->is_string()) return std::string(v->as_string());
    if (v->is_int64()) return std::to_string(v->as_int64());
    return bj::serialize(*v);
  };
  auto time = [](const bj::object& o, const char* k) -> std::optional<Millis> {
    const bj::value* v = o.if_contains(k);
    if (v && v->is_int64()) return v->as_int64();
    return std::nullopt;
  };
  for (const auto& r : n.rows) {
    for (const auto* items : {&r.overdue_items, &r.closed_items}) {
      bool overdue = items == &r.overdue_items;
      for (const auto& it : *items) {
        out.push_back({n.number, r.unit, overdue ? "overdue" : "closed_off", str(it, "code"),
                       str(it, "enterprise"), str(it, "site"), str(it, "grade"),
                       time(it, "deadline"), overdue ? str(it, "days_overdue") : "",
                       overdue ? std::nullopt : time(it, "closed_off_at")});
      }
    }
  }
  return out;
}

std::vector<Column<NoticeLine>> noticeColumns(const org::Registry& reg, const Calendar& cal) {
  using L = NoticeLine;
  auto time = [&cal](const std::optional<Millis>& t) {
    return t ? cal.dateTimeText(*t) : std::string();
  };
  return {
      {"notice", "通报文号", [](const L& l) { return l.notice; }, nullptr},
      {"unit", "县市区", [](const L& l) { return l.unit; },
       [&reg](const L& l) {
         std::string n = reg.fullName(l.unit);
         return n.empty() ? l.unit : n;
       }},
      {"named_as", "通报类别", [](const L& l) { return l.named_as; },
       [](const L& l) {
         return std::string(l.named_as == "overdue" ? "逾期未整改" : "已整改销号");
       }},
      {"code", "隐患编号", [](const L& l) { return l.code; }, nullptr},
      {"enterprise", "企业名称", [](const L& l) { return l.enterprise; }, nullptr},
      {"site", "隐患地点", [](const L& l) { return l.site; }, nullptr},
      {"grade", "隐患等级", [](const L& l) { return l.grade; },
       [](const L& l) { return nameOf(gradeLabels(), l.grade); }},
      {"deadline", "整改期限", [time](const L& l) { return time(l.deadline); }, nullptr},
      {"days_overdue", "逾期天数", [](const L& l) { return l.days_overdue; }, nullptr},
      {"closed_off_at", "销号时间", [time](const L& l) { return time(l.closed_off_at); }, nullptr},
  };
}

}  // namespace anlan::hazard

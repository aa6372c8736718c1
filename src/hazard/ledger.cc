#include "hazard/ledger.h"

#include <algorithm>
#include <cstdio>

#include "hazard/codec.h"
#include "hazard/rules.h"

namespace anlan::hazard {
namespace {

namespace bj = boost::json;
constexpr Millis kDay = 24LL * 3600 * 1000;

std::string str(const bj::object& o, const char* key) {
  const bj::value* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

std::size_t evidence(const Event& e) {
  const bj::value* v = e.data.if_contains("attachments");
  return v && v->is_array() ? v->as_array().size() : 0;
}

// The latest entry of `h`'s timeline that is step `step` (or of kind `kind` when step is empty).
const Event* latest(const LedgerItem& it, const std::string& kind, const std::string& step = "") {
  const Event* found = nullptr;
  for (const auto& e : it.timeline) {
    if (e.kind != kind) continue;
    if (!step.empty() && str(e.data, "step") != step) continue;
    if (!found || e.at >= found->at) found = &e;
  }
  return found;
}

std::string yuanWan(std::int64_t fen) {
  char out[32];
  std::snprintf(out, sizeof out, "%.2f", static_cast<double>(fen) / 1'000'000.0);
  return out;
}

struct Text {
  const org::Registry& reg;
  const Calendar& cal;
  std::string date(std::optional<Millis> t) const { return t ? cal.dateText(*t) : ""; }
  std::string time(Millis t) const { return cal.dateTimeText(t).substr(0, 16); }
  std::string unit(const Hazard& h) const {
    std::string n = reg.fullName(h.unit);
    return n.empty() ? h.unit : n;
  }
  std::string where(const Hazard& h) const {
    return h.enterprise_name.empty() ? h.site : h.enterprise_name;
  }
  std::string supervision(const Hazard& h) const {
    return h.supervision.empty() ? "未挂牌" : nameOf(supervisionLabels(), h.supervision);
  }
  std::string department(const Hazard& h, const std::string& code) const {
    const org::Department* d = reg.department(code);
    if (!d) return code;
    const org::Jurisdiction* u = reg.find(h.unit);
    return (u ? u->name : "") + d->name;
  }
  std::string step(const Event& e) const {
    if (e.kind == "transition") return nameOf(stepLabels(), str(e.data, "step"));
    if (e.kind == "escalation")
      return "督办措施：" + nameOf(escalationLabels(), str(e.data, "action"));
    return nameOf(stepLabels(), e.kind);
  }
  // What the entry says: its note and the records it made, in words.
  std::string said(const Event& e) const {
    std::vector<std::string> parts;
    const bj::object& d = e.data;
    if (e.kind == "registered") {
      parts.push_back("来源：" + nameOf(sourceLabels(), str(d, "source")));
      if (!str(d, "found_by").empty()) parts.push_back("发现人：" + str(d, "found_by"));
    }
    if (!str(d, "grade").empty() && e.kind == "transition")
      parts.push_back("认定为" + nameOf(gradeLabels(), str(d, "grade")));
    if (const bj::value* c = d.if_contains("confirmation"); c && c->is_object()) {
      parts.push_back("认定依据：" + str(c->as_object(), "meeting"));
    }
    if (const bj::value* a = d.if_contains("assignment"); a && a->is_object()) {
      const bj::object& o = a->as_object();
      std::string deadline;
      if (const bj::value* v = o.if_contains("deadline"); v && v->is_int64())
        deadline = cal.dateText(v->as_int64());
      parts.push_back("交办单号 " + str(o, "slip_no") + "，责任单位 " + str(o, "responsible_unit") +
                      "，整改期限 " + deadline);
    }
    if (const bj::value* p = d.if_contains("plan"); p && p->is_object()) {
      const bj::object& o = p->as_object();
      std::string deadline;
      if (const bj::value* v = o.if_contains("deadline"); v && v->is_int64())
        deadline = cal.dateText(v->as_int64());
      parts.push_back("整改方案：责任人 " + str(o, "responsible_person") + "，时限 " + deadline);
    }
    if (e.kind == "supervision")
      parts.push_back("列为" + nameOf(supervisionLabels(), str(d, "level")));
    if (e.kind == "overdue") parts.push_back("超过整改期限未完成整改");
    if (!str(d, "note").empty()) parts.push_back(str(d, "note"));
    if (const bj::value* v = d.if_contains("deadline"); v && v->is_int64() && e.kind != "overdue")
      parts.push_back("新的整改期限 " + cal.dateText(v->as_int64()));
    if (const bj::value* v = d.if_contains("on_behalf"); v && v->is_bool() && v->as_bool())
      parts.push_back("代企业填报，理由：" + str(d, "on_behalf_reason"));
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : "；") + p;
    return out;
  }
};

std::string who(const Event* e) { return e ? actorText(e->actor) : ""; }

}  // namespace

const std::vector<Label>& stepLabels() {
  static const std::vector<Label> l = {
      {"assess", "评估认定"},
      {"fix_on_the_spot", "立即整改销号"},
      {"assign", "交办"},
      {"self_rectify", "自行整改"},
      {"start_rectification", "制定方案并开始整改"},
      {"request_acceptance", "申请验收"},
      {"accept", "验收通过"},
      {"reject", "验收不通过"},
      {"close_off", "销号"},
      {"recheck_pass", "复查通过"},
      {"recheck_fail", "复查不合格，重新整改"},
      {"registered", "建档登记"},
      {"progress", "整改进展"},
      {"supervision", "挂牌督办"},
      {"escalation", "督办措施"},
      {"overdue", "逾期"},
  };
  return l;
}

const std::vector<Label>& escalationLabels() {
  static const std::vector<Label> l = {{"suggestion_letter", "建议函"},
                                       {"assignment_letter", "交办函"},
                                       {"criticism_notice", "批评通报"},
                                       {"summons", "约谈"},
                                       {"public_exposure", "曝光"},
                                       {"yellow_card", "黄牌警告"},
                                       {"veto", "一票否决"}};
  return l;
}

std::string ledgerTitle(const std::string& place) { return place + "重大事故隐患“一单四制”台账"; }

std::vector<WorkbookSheet> ledgerSheets(const LedgerInput& in, const org::Registry& registry,
                                        const Calendar& cal) {
  Text tx{registry, cal};
  CivilDate today = cal.civil(in.now).date;
  std::string filled = "填报单位：" + in.filled_by + "　　填报日期：" + std::to_string(today.year) +
                       "年" + std::to_string(today.month) + "月" + std::to_string(today.day) + "日";
  std::string title = ledgerTitle(in.place);

  // 一单: the list.
  WorkbookSheet list;
  list.name = "一单";
  list.title = title;
  list.lines = {filled};
  list.columns = {
      {"", "序号", 5},
      {"", "县市区", 9},
      {"", "企业名称（隐患地点）", 20},
      {"", "隐患编号", 21},
      {"", "隐患描述", 28},
      {"", "隐患来源", 9},
      {"研究认定", "认定单位", 14},
      {"研究认定", "认定依据", 18},
      {"研究认定", "认定时间", 11},
      {"", "挂牌督办级别", 12},
      {"交办", "交办单号", 16},
      {"交办", "责任单位", 18},
      {"交办", "交办单位", 18},
      {"交办", "督办单位", 18},
      {"交办", "交办时间", 11},
      {"交办", "整改期限", 11},
      {"五落实", "责任人", 9},
      {"五落实", "措施", 28},
      {"五落实", "资金（万元）", 10},
      {"五落实", "时限", 11},
      {"五落实", "预案", 24},
      {"整改进展", "最新进展", 26},
      {"整改进展", "进展日期", 11},
      {"验收", "验收时间", 11},
      {"验收", "验收人", 22},
      {"验收", "验收意见", 20},
      {"", "销号时间", 11},
      {"", "当前状态", 9},
      {"", "是否逾期", 6},
      {"", "备注", 22},
  };
  list.empty_note = "无符合条件的重大事故隐患";
  int n = 0;
  for (const auto& it : in.items) {
    const Hazard& h = it.hazard;
    const Event* assigned = latest(it, "transition", "assign");
    const Event* progress = latest(it, "progress");
    const Event* accepted = latest(it, "transition", "accept");
    // 备注: what was done to press the hazard, and a failed recheck.
    std::string remarks;
    for (const auto& e : it.timeline) {
      std::string s;
      if (e.kind == "escalation") s = nameOf(escalationLabels(), str(e.data, "action"));
      if (e.kind == "transition" && str(e.data, "step") == "recheck_fail") s = "复查不合格重新整改";
      if (e.kind == "transition" && str(e.data, "step") == "reject") s = "验收不通过";
      if (!s.empty()) remarks += (remarks.empty() ? "" : "；") + cal.dateText(e.at) + " " + s;
    }
    const auto& c = h.confirmation;
    const auto& a = h.assignment;
    const auto& p = h.plan;
    list.rows.push_back({
        std::to_string(++n),
        tx.unit(h),
        tx.where(h),
        h.code,
        h.description,
        nameOf(sourceLabels(), h.source),
        c ? tx.department(h, c->department) : "",
        c ? c->meeting : "",
        c ? cal.dateText(c->date) : "",
        tx.supervision(h),
        a ? a->slip_no : "",
        a ? a->responsible_unit : "",
        a ? a->assigning_unit : "",
        a ? a->supervising_unit : "",
        assigned ? cal.dateText(assigned->at) : "",
        a ? cal.dateText(a->deadline) : tx.date(h.deadline),
        p ? p->responsible_person : "",
        p ? p->measures : "",
        p ? yuanWan(p->funds_fen) : "",
        p ? cal.dateText(p->deadline) : "",
        p ? p->contingency_plan : "",
        progress ? str(progress->data, "note") : "",
        progress ? cal.dateText(progress->at) : "",
        accepted ? cal.dateText(accepted->at) : "",
        who(accepted),
        accepted ? str(accepted->data, "note") : "",
        tx.date(h.closed_off_at),
        nameOf(stateLabels(), stateName(h.state)),
        yesNo(h.overdue),
        remarks,
    });
  }

  // 台账: every dated step, in time order.
  WorkbookSheet ledger;
  ledger.name = "台账";
  ledger.title = title + "（整改进展台账）";
  ledger.lines = {filled};
  ledger.columns = {{"", "序号", 5},        {"", "隐患编号", 21}, {"", "企业名称（隐患地点）", 20},
                    {"", "时间", 16},       {"", "环节", 16},     {"办理人", "姓名", 9},
                    {"办理人", "单位", 20}, {"", "办理情况", 48}, {"", "佐证材料（份）", 8}};
  ledger.empty_note = "无台账记录";
  struct Line {
    const Hazard* h;
    const Event* e;
  };
  std::vector<Line> lines;
  for (const auto& it : in.items) {
    for (const auto& e : it.timeline) lines.push_back({&it.hazard, &e});
  }
  std::stable_sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) {
    return a.e->at != b.e->at ? a.e->at < b.e->at : a.e->id < b.e->id;
  });
  n = 0;
  for (const auto& l : lines) {
    const auto& actor = l.e->actor;
    bool system = !actor || actor->system;
    ledger.rows.push_back({std::to_string(++n), l.h->code, tx.where(*l.h), tx.time(l.e->at),
                           tx.step(*l.e), system ? "系统" : actor->name, system ? "" : actor->unit,
                           tx.said(*l.e), std::to_string(evidence(*l.e))});
  }

  // 销号: closed off after acceptance, with the evidence of the request.
  WorkbookSheet closed;
  closed.name = "销号";
  closed.title = title + "（销号情况）";
  closed.lines = {filled};
  closed.columns = {{"", "序号", 5},
                    {"", "县市区", 9},
                    {"", "企业名称（隐患地点）", 20},
                    {"", "隐患编号", 21},
                    {"", "隐患描述", 28},
                    {"", "整改期限", 11},
                    {"申请验收", "申请时间", 11},
                    {"申请验收", "佐证材料（份）", 8},
                    {"验收", "验收时间", 11},
                    {"验收", "验收人", 22},
                    {"验收", "验收意见", 22},
                    {"销号", "销号时间", 11},
                    {"销号", "销号人", 22},
                    {"", "复查情况", 22}};
  closed.empty_note = "无已销号的重大事故隐患";
  n = 0;
  for (const auto& it : in.items) {
    const Hazard& h = it.hazard;
    if (!isClosed(h.state)) continue;
    const Event* requested = latest(it, "transition", "request_acceptance");
    const Event* accepted = latest(it, "transition", "accept");
    const Event* off = latest(it, "transition", "close_off");
    const Event* recheck = latest(it, "transition", "recheck_pass");
    closed.rows.push_back(
        {std::to_string(++n), tx.unit(h), tx.where(h), h.code, h.description, tx.date(h.deadline),
         requested ? cal.dateText(requested->at) : "",
         requested ? std::to_string(evidence(*requested)) : "",
         accepted ? cal.dateText(accepted->at) : "", who(accepted),
         accepted ? str(accepted->data, "note") : "", tx.date(h.closed_off_at), who(off),
         recheck ? cal.dateText(recheck->at) + " 复查通过：" + str(recheck->data, "note") : ""});
  }

  // 通报: overdue and still open, named as the notices name them.
  WorkbookSheet named;
  named.name = "通报";
  named.title = title + "（逾期未整改通报）";
  named.lines = {filled};
  named.columns = {{"", "序号", 5},
                   {"", "县市区", 9},
                   {"", "企业名称（隐患地点）", 20},
                   {"", "隐患编号", 21},
                   {"", "隐患描述", 28},
                   {"", "挂牌督办级别", 12},
                   {"", "责任单位", 18},
                   {"", "整改期限", 11},
                   {"", "逾期天数", 8},
                   {"", "已采取督办措施", 24},
                   {"", "当前状态", 9}};
  named.empty_note = "无逾期未整改的重大事故隐患";
  n = 0;
  for (const auto& it : in.items) {
    const Hazard& h = it.hazard;
    if (!h.overdue || isClosed(h.state)) continue;
    std::string actions;
    for (const auto& e : it.timeline) {
      if (e.kind != "escalation") continue;
      actions += (actions.empty() ? "" : "；") + cal.dateText(e.at) + " " +
                 nameOf(escalationLabels(), str(e.data, "action"));
    }
    named.rows.push_back({std::to_string(++n), tx.unit(h), tx.where(h), h.code, h.description,
                          tx.supervision(h), h.assignment ? h.assignment->responsible_unit : "",
                          tx.date(h.deadline),
                          h.deadline ? std::to_string((in.now - *h.deadline) / kDay) : "", actions,
                          nameOf(stateLabels(), stateName(h.state))});
  }
  return {std::move(list), std::move(ledger), std::move(closed), std::move(named)};
}

}  // namespace anlan::hazard

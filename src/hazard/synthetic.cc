#include "hazard/synthetic.h"

#include <algorithm>
#include <map>

#include "hazard/codec.h"
#include "hazard/rules.h"

namespace anlan::hazard {
namespace {

constexpr Millis kHour = 3600LL * 1000, kDay = 24 * kHour;

// What inspectors find, by sector.
const std::map<std::string, std::vector<const char*>>& findings() {
  static const std::map<std::string, std::vector<const char*>> m = {
      {"hazardous_chemicals",
       {"储罐区可燃气体报警器未定期检定", "液氨储罐紧急切断阀失效", "重大危险源监控数据未接入平台",
        "装卸作业未设置静电接地", "危险化学品仓库超量储存", "反应釜温度联锁被摘除"}},
      {"construction",
       {"深基坑未按方案设置支护", "塔吊限位装置失效", "高处作业临边防护缺失",
        "脚手架连墙件设置不足", "施工用电未做到一机一闸一漏保", "模板支撑体系未经验收即浇筑"}},
      {"road_transport",
       {"危货运输车辆卫星定位装置离线", "驾驶员疲劳驾驶未被纠正", "客运车辆安全带配置不全",
        "车辆动态监控人员配备不足"}},
      {"road_traffic",
       {"急弯路段缺少警示标志和减速设施", "临水临崖路段护栏缺失", "平交路口视距不良",
        "长下坡路段无避险车道"}},
      {"mining",
       {"采空区未按规定治理", "边坡台阶高度超过设计", "井下通风系统不合理",
        "爆破器材库值守制度不落实"}},
      {"industry_trade",
       {"粉尘涉爆除尘系统未设泄爆装置", "有限空间作业未审批", "冲压设备安全防护装置缺失",
        "涉氨制冷车间未设置氨气检测报警", "钢水吊运区域设置休息室"}},
      {"gas",
       {"燃气管道被违章占压", "餐饮场所未安装燃气泄漏报警装置", "液化气钢瓶超期未检",
        "调压站安全阀失效"}},
      {"special_equipment",
       {"电梯超期未检验", "锅炉安全阀未校验", "起重机械制动器磨损超标", "压力容器未登记使用"}},
      {"fireworks",
       {"烟花爆竹仓库超量存放", "生产工房人员超员", "药物混合工序未实现人机隔离",
        "防雷设施未检测"}},
      {"campus",
       {"学生宿舍疏散通道堵塞", "实验室危化品管理台账缺失", "校园周边道路缺少交通安全设施"}},
      {"tourism", {"景区游乐设施未定期维护", "高峰时段游客超出最大承载量", "玻璃栈道未检测"}},
      {"fire",
       {"消防通道被占用", "自动喷水灭火系统处于关闭状态", "疏散指示标志损坏",
        "电动自行车在楼道内充电", "消防控制室无人值守"}},
      {"flood_drought",
       {"小型水库溢洪道堵塞", "堤防存在管涌隐患", "山洪灾害预警设施损坏", "水库大坝坝体渗漏"}},
  };
  return m;
}

constexpr const char* kInspectors[] = {"王建国", "李海燕", "张志强", "刘丽华", "陈军",   "杨敏",
                                       "谭伟",   "曾国平", "罗德明", "彭桂英", "邓小红", "廖芳"};
constexpr const char* kSources[] = {
    "inspection",    "inspection",    "inspection",          "inspection",  "inspection",
    "inspection",    "inspection",    "inspection",          "inspection",  "inspection",
    "inspection",    "self_report",   "self_report",         "self_report", "self_report",
    "public_report", "public_report", "assigned_from_above", "referral",    "media"};

template <class T, std::size_t N>
const T& pick(std::mt19937_64& rng, const T (&list)[N]) {
  return list[rng() % N];
}

}  // namespace

Generator::Generator(const org::Registry& registry, std::vector<Site> sites, std::uint64_t seed,
                     Millis now, int years, Calendar calendar)
    : registry_(registry),
      sites_(std::move(sites)),
      rng_(seed),
      calendar_(calendar),
      now_(now),
      span_(years * 365 * kDay) {
  // Public sites: a road and a river bank in every unit.
  for (const auto* top : registry_.children("")) {
    for (const auto* j : registry_.subtree(top->code)) {
      if (j->level != "county") continue;
      sites_.push_back(
          {std::nullopt, "", j->name + "境内国省道", j->code, {"road_traffic"}, std::nullopt});
      sites_.push_back(
          {std::nullopt, "", j->name + "境内河段堤防", j->code, {"flood_drought"}, std::nullopt});
    }
  }
}

const Site& Generator::pickSite() { return sites_[rng_() % sites_.size()]; }

Synthetic Generator::next(bool with_timeline) { return make(std::nullopt, with_timeline); }

Synthetic Generator::nextAt(double q, bool with_timeline) {
  return make(std::clamp(q, 0.0, 0.999999), with_timeline);
}

Synthetic Generator::make(std::optional<double> q, bool with_timeline) {
  Synthetic out;
  Hazard& h = out.hazard;
  const Site& site = pickSite();
  h.enterprise_id = site.enterprise_id;
  h.enterprise_name = site.name;
  h.jurisdiction = site.jurisdiction;
  h.unit = registry_.unitOf(site.jurisdiction);
  h.sector = site.sectors[rng_() % site.sectors.size()];
  auto f = findings().find(h.sector);
  h.description =
      f == findings().end() ? "安全管理制度不落实" : f->second[rng_() % f->second.size()];
  h.site = site.enterprise_id ? site.address
                              : site.address + "K" + std::to_string(rng_() % 300) + "+" +
                                    std::to_string(rng_() % 1000) + "处";
  h.location = site.location;
  h.source = site.enterprise_id ? pick(rng_, kSources) : "inspection";
  // The enterprise's safety officer, who files its steps: named after the site, without a draw
  // (so that the draws, and the register made from a seed, stay what they were).
  unsigned sum = 0;
  for (unsigned char ch : site.address + site.name) sum = sum * 31 + ch;
  std::string safety_officer = kInspectors[sum % std::size(kInspectors)];
  h.found_by = h.source == std::string("self_report") ? safety_officer : pick(rng_, kInspectors);
  h.grade = rng_() % 100 < 4 ? Grade::kMajor : Grade::kGeneral;
  h.risk_color =
      h.grade == Grade::kMajor ? (rng_() % 3 ? "red" : "orange") : (rng_() % 3 ? "blue" : "yellow");
  // Found at a time in the span, more often recently (work has grown year on year).
  double u = q ? *q : static_cast<double>(rng_() % 1'000'000) / 1e6;
  h.found_at =
      now_ - static_cast<Millis>((1.0 - std::sqrt(u)) * static_cast<double>(span_)) - kHour;
  h.found_at -= h.found_at % 60000;
  Millis age = now_ - h.found_at;

  // Old hazards are nearly all closed off; young ones are spread along the loop.
  int roll = static_cast<int>(rng_() % 1000);
  State s;
  if (age > 180 * kDay) {
    s = roll < 985   ? (roll < 700 ? State::kClosedOff : State::kRechecked)
        : roll < 995 ? State::kRectifying
                     : State::kAssigned;
  } else if (age < 2 * kDay) {
    s = roll < 600 ? State::kRegistered : State::kAssessed;
  } else {
    static const std::pair<int, State> kSpread[] = {{50, State::kRegistered},
                                                    {100, State::kAssessed},
                                                    {200, State::kAssigned},
                                                    {450, State::kRectifying},
                                                    {530, State::kAcceptanceRequested},
                                                    {570, State::kAccepted},
                                                    {950, State::kClosedOff},
                                                    {1000, State::kRechecked}};
    s = State::kRechecked;
    for (auto [limit, state] : kSpread) {
      if (roll < limit) {
        s = state;
        break;
      }
    }
  }
  bool on_the_spot = h.grade == Grade::kGeneral && isClosed(s) && rng_() % 2 == 0;
  if (h.grade == Grade::kMajor && s != State::kRegistered) {
    h.confirmation = Confirmation{"yjgl", "县级安全生产委员会专题会议", h.found_at + kDay};
  }
  // A deadline is the end of a China day, as the forms set it.
  Millis deadline = calendar_.endOfDay(
      h.found_at +
      static_cast<Millis>(h.grade == Grade::kMajor ? 60 + rng_() % 60 : 10 + rng_() % 35) * kDay);
  // Most open hazards are within their (sometimes extended) deadline; about one in six is late.
  if (!isClosed(s) && deadline < now_ && rng_() % 6 != 0)
    deadline = calendar_.endOfDay(now_ + static_cast<Millis>(1 + rng_() % 40) * kDay);
  bool has_slip = !on_the_spot && s != State::kRegistered && s != State::kAssessed;
  if (has_slip) {
    h.assignment = Assignment{"JB-" + h.unit + "-" + std::to_string(rng_() % 100000),
                              site.enterprise_id ? site.name : "属地乡镇人民政府",
                              registry_.find(h.unit)->name + "安全生产委员会办公室",
                              registry_.find(h.unit)->name + "应急管理局", deadline};
    h.deadline = deadline;
  }
  bool has_plan = has_slip && s != State::kAssigned;
  if (has_plan) {
    h.plan = Plan{pick(rng_, kInspectors), "停产整改，更换失效部件并组织验收",
                  "制定专项应急预案，整改期间设置警戒区",
                  static_cast<std::int64_t>(rng_() % 500 + 1) * 100000, deadline};
  }
  if (isClosed(s)) {
    Millis took = on_the_spot ? kHour : (5 + static_cast<Millis>(rng_() % 60)) * kDay;
    h.closed_off_at = std::min(h.found_at + took, now_ - kHour);
  }
  if (h.grade == Grade::kMajor && !isClosed(s) && s != State::kRegistered) {
    int r = static_cast<int>(rng_() % 10);
    h.supervision = r < 3 ? "county" : r < 5 ? "city" : "";
  }
  h.state = s;
  h.overdue = isOverdue(s, h.deadline, now_);
  h.demo = true;
  h.created_at = h.found_at;
  h.updated_at = h.closed_off_at.value_or(std::min(now_, h.found_at + 3 * kDay));
  h.version = 1;

  if (with_timeline) {
    // Registered accounts by username (the demo's duty officers); the enterprise's person by name.
    std::string officer = "duty-" + h.unit;
    std::string enterprise = site.enterprise_id ? safety_officer : officer;
    Millis last = h.found_at;
    auto add = [&](Millis at, const std::string& actor, std::optional<State> from, State to,
                   boost::json::object data) {
      // Steps follow one another, each at least a minute after the one before.
      last = std::min(std::max(at, out.timeline.empty() ? at : last + 60000), now_);
      Event e;
      e.at = last;
      e.actor_name = actor;
      e.kind = from ? "transition" : "registered";
      e.from = from;
      e.to = to;
      e.data = std::move(data);
      out.timeline.push_back(std::move(e));
      h.version++;
    };
    h.version = 0;
    add(h.found_at, h.source == std::string("self_report") ? enterprise : officer, std::nullopt,
        State::kRegistered,
        {{"source", h.source}, {"grade", gradeName(h.grade)}, {"found_by", h.found_by}});
    if (on_the_spot) {
      add(*h.closed_off_at, officer, State::kRegistered, State::kClosedOff,
          {{"step", "fix_on_the_spot"}, {"note", "现场立即整改完毕"}});
    } else if (s != State::kRegistered) {
      boost::json::object assess{{"step", "assess"}, {"grade", gradeName(h.grade)}};
      if (h.confirmation) assess["confirmation"] = confirmationJson(h.confirmation);
      add(h.found_at + kDay, officer, State::kRegistered, State::kAssessed, std::move(assess));
      if (has_slip) {
        add(h.found_at + 2 * kDay, officer, State::kAssessed, State::kAssigned,
            {{"step", "assign"}, {"assignment", assignmentJson(h.assignment)}});
      }
      if (has_plan) {
        add(h.found_at + 3 * kDay, enterprise, State::kAssigned, State::kRectifying,
            {{"step", "start_rectification"}, {"plan", planJson(h.plan)}});
      }
      Millis end = h.closed_off_at.value_or(std::min(now_ - kHour, deadline));
      if (s == State::kAcceptanceRequested || s == State::kAccepted || isClosed(s)) {
        add(end - 2 * kDay, enterprise, State::kRectifying, State::kAcceptanceRequested,
            {{"step", "request_acceptance"}, {"note", "已按方案完成整改，申请验收"}});
      }
      if (s == State::kAccepted || isClosed(s)) {
        add(end - kDay, officer, State::kAcceptanceRequested, State::kAccepted,
            {{"step", "accept"}, {"note", "现场核查整改到位，同意验收"}});
      }
      if (isClosed(s))
        add(end, officer, State::kAccepted, State::kClosedOff, {{"step", "close_off"}});
    }
    if (s == State::kRechecked) {
      add(*h.closed_off_at + 30 * kDay, officer, State::kClosedOff, State::kRechecked,
          {{"step", "recheck_pass"}, {"note", "复查未发现反弹"}});
    }
    if (h.overdue) {
      Event e;
      e.at = *h.deadline;
      e.actor_name = "system";
      e.kind = "overdue";
      e.data = {{"deadline", *h.deadline}};
      out.timeline.push_back(std::move(e));
      h.version++;
    }
    std::stable_sort(out.timeline.begin(), out.timeline.end(),
                     [](const Event& a, const Event& b) { return a.at < b.at; });
  }
  return out;
}

}  // namespace anlan::hazard

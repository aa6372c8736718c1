#include "app/demo.h"

#include <algorithm>
#include <array>
#include <random>

#include "duty/rules.h"
#include "enterprise/rules.h"
#include "hazard/synthetic.h"

namespace anlan::app {
namespace {

// Sector, and the words a company of it is named with.
struct Trade {
  const char* sector;
  std::vector<const char*> words;
};
const std::vector<Trade>& trades() {
  static const std::vector<Trade> kTrades = {
      {"hazardous_chemicals", {"化工", "精细化工", "气体", "油品储运", "涂料"}},
      {"construction", {"建筑工程", "建设", "市政工程", "路桥工程"}},
      {"road_transport", {"运输", "物流", "客运", "危货运输"}},
      {"mining", {"矿业", "石材", "采石场"}},
      {"industry_trade", {"机械制造", "冶金", "纺织", "食品", "造纸", "建材"}},
      {"gas", {"燃气", "天然气"}},
      {"special_equipment", {"锅炉", "电梯工程", "起重设备"}},
      {"fireworks", {"烟花爆竹"}},
      {"tourism", {"旅游开发", "文化传媒"}},
      {"fire", {"商贸城", "购物中心", "酒店"}},
  };
  return kTrades;
}

constexpr std::array<const char*, 24> kStems = {
    "鑫源", "华泰", "湘南", "衡发", "恒昌", "瑞丰", "中联", "宏达", "永盛", "天成", "金马", "南岳",
    "蒸水", "耒水", "雁城", "船山", "华能", "富民", "三湘", "兴旺", "建华", "安泰", "诚信", "湘江"};
constexpr std::array<const char*, 16> kSurnames = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄",
                                                   "周", "吴", "谭", "曾", "罗", "彭", "邓", "廖"};
constexpr std::array<const char*, 12> kGiven = {"建国", "海燕", "志强", "丽华", "军",   "敏",
                                                "伟",   "芳",   "国平", "小红", "德明", "桂英"};

// GB 11714 organization code: 8 characters and a check character.
std::string organizationCode(std::mt19937_64& rng) {
  static const std::string kChars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  static const int kW[8] = {3, 7, 9, 10, 5, 8, 4, 2};
  std::string body;
  int sum = 0;
  for (int i = 0; i < 8; ++i) {
    char c = kChars[rng() % (i == 0 ? 10 : kChars.size())];
    body.push_back(c);
    int v = c <= '9' ? c - '0' : c - 'A' + 10;
    sum += v * kW[i];
  }
  int check = 11 - sum % 11;
  body.push_back(check == 10 ? 'X' : check == 11 ? '0' : static_cast<char>('0' + check));
  return body;
}

std::string creditCode(const std::string& county, std::mt19937_64& rng) {
  std::string first17 = "91" + county.substr(0, 6) + organizationCode(rng);
  // X is not in the credit code's character set: organization codes ending in X are re-drawn.
  while (first17.back() == 'X') first17 = "91" + county.substr(0, 6) + organizationCode(rng);
  return first17 + enterprise::creditCheckChar(first17);
}

// The unit whose boundary a park's enterprises are placed in (parks have no boundary data).
std::string placeOf(const std::string& code) {
  if (code == "430471") return "430406";
  if (code == "430472") return "430408";
  if (code == "430473") return "430407";
  return code;
}

constexpr Millis kHour = 3600LL * 1000;
constexpr Millis kDay = 24 * kHour;

// A fortnight of rotas for every duty room (24-hour shifts from 08:00 China time, one day left
// open in 珠晖区's to show a gap), hand-over notes, a few intake reports and two months of past
// spot checks with their outcomes.
duty::DutyService::History demoDutyHistory(const org::Registry& registry, const Calendar& cal,
                                           Millis now) {
  std::mt19937_64 rng(430400);
  auto pick = [&](const auto& list) { return list[rng() % list.size()]; };
  const std::array<const char*, 12> leaders = {"刘建华", "陈志强", "周红梅", "李国平",
                                               "王海波", "赵永清", "孙立新", "黄文斌",
                                               "罗晓燕", "邓明亮", "彭德胜", "谭春生"};
  const std::array<const char*, 6> colleagues = {"曾小龙", "胡丽娟", "蒋卫东",
                                                 "唐静",   "肖强",   "廖敏"};
  duty::DutyService::History h;
  Millis today = cal.startOfDay(now) + 8 * kHour;  // 08:00 China time
  for (const auto& room : duty::dutyRooms(registry)) {
    const org::Jurisdiction* j = registry.find(room);
    std::string officer = room == "430400" ? "commander" : "duty-" + room;
    for (int d = -7; d < 7; ++d) {
      if (room == "430405" && d == 3) continue;
      duty::Shift s;
      s.room = room;
      s.starts_at = today + d * kDay;
      s.ends_at = s.starts_at + kDay;
      s.leader = pick(leaders);
      s.officers = {officer};
      if (rng() % 2) s.officers.emplace_back(pick(colleagues));
      s.created_by = "system";
      s.created_at = today - 8 * kDay;
      h.shifts.push_back(std::move(s));
    }
    for (int d = 3; d >= 1; --d) {
      h.log.push_back(
          {0, room, today - d * kDay + 23 * kHour, officer, "handover",
           "交接班：" + j->name +
               "值班室设备运转正常，值班电话、视频会商系统测试畅通；夜间无突发事件报告。"});
      h.log.push_back(
          {0, room, today - d * kDay + 3 * kHour, officer, "note",
           "收到市应急管理局关于做好近期防汛工作的通知，已转发各乡镇（街道）并电话确认。"});
    }
  }
  // Logs are read newest first by id: write them in time order.
  std::stable_sort(h.log.begin(), h.log.end(),
                   [](const duty::LogEntry& a, const duty::LogEntry& b) { return a.at < b.at; });
  auto report = [&](const std::string& room, const char* name, const char* unit, const char* phone,
                    const char* type, Millis at, const char* place, const char* scope, int injured,
                    const char* handling, bool passed) {
    duty::Intake i;
    i.room = room;
    i.reporter_name = name;
    i.reporter_unit = unit;
    i.reporter_phone = phone;
    i.event_type = type;
    i.occurred_at = at;
    i.place = place;
    i.scope = scope;
    i.injured = injured;
    i.handling = handling;
    i.state = passed ? "passed_up" : "recorded";
    if (passed) i.passed_up_at = at + kHour;
    i.created_by = "duty-" + room;
    i.created_at = at + 20 * 60 * 1000;
    h.intake.push_back(std::move(i));
  };
  report("430426", "蒋某", "洪桥街道应急办", "0734-6322110", "道路交通事故",
         today - 2 * kDay + 5 * kHour, "G322国道洪桥段", "两车追尾，一人轻伤", 1,
         "交警、120已到场处置，道路单向通行", true);
  report("430426", "周某", "金桥镇人民政府", "13807341122", "山体滑坡", today - kDay + 7 * kHour,
         "金桥镇石门村", "约200立方米土方滑落，阻断村道", 0, "已疏散下方3户9人，设置警戒", false);
  report("430421", "李某", "西渡镇派出所", "0734-8812345", "火灾", today - 3 * kDay + 13 * kHour,
         "西渡镇商业街", "一家门面起火，已扑灭", 0, "消防救援站出动2车10人", true);
  report("430482", "王某", "常宁市水利局", "0734-7221100", "汛情", today - 4 * kHour, "宜水常宁段",
         "水位上涨，接近警戒水位", 0, "加密巡查，通知沿河群众注意防范", false);

  // Past spot checks: every nine days or so, three rooms drawn at random at 09:30 China time.
  std::vector<std::string> checkable = duty::checkableRooms(registry);
  for (int k = 7; k >= 1; --k) {
    duty::RollCall c;
    c.started_at = today - k * 9 * kDay + 90 * 60 * 1000;
    c.started_by = "commander";
    c.mode = "random";
    c.seed = "demo-" + std::to_string(k);
    c.requested = 3;
    c.state = "finished";
    auto rooms = duty::draw(checkable, 3, c.seed, nullptr);
    Millis at = c.started_at;
    for (std::size_t i = 0; i < rooms.size(); ++i) {
      duty::CallRoom r{rooms[i], static_cast<int>(i) + 1};
      r.rung_at = at;
      if (rng() % 7 == 0) {
        r.state = "no_answer";
        at += 60'000;
      } else {
        r.state = "assessed";
        r.answered_at = at + 5'000 + static_cast<Millis>(rng() % 35'000);
        r.answered_by = "duty-" + rooms[i];
        r.rostered = rng() % 8 != 0;
        r.on_post = *r.rostered;
        unsigned grade = rng() % 10;
        r.assessment = grade < 6 ? "good" : grade < 9 ? "needs_improvement" : "criticised";
        r.report = "值班员按模板汇报：在岗在位，值班记录完整，当日无突发事件；防汛物资已检查。";
        if (r.assessment == "needs_improvement")
          r.remarks = "汇报不够简明，值班日志记录不全，限期完善。";
        if (r.assessment == "criticised") r.remarks = "接通较慢，带班领导不在岗，予以通报批评。";
        if (rng() % 6 == 0) r.av_fault = "画面卡顿，声音断续";
        at = *r.answered_at + 3 * 60'000;
      }
      c.rooms.push_back(std::move(r));
    }
    c.finished_at = at;
    h.calls.push_back(std::move(c));
  }
  return h;
}

}  // namespace

std::vector<DemoAccount> demoAccounts(const org::Registry& registry) {
  // People's names, so that timelines, notices and ledgers name people as real ones do; each
  // account's post says what it is for.
  std::vector<DemoAccount> out = {
      {"admin", "admin", "430400", "谢文涛", "0734-8221001", "系统管理员"},
      {"commander", "commander", "430400", "周海涛", "0734-8221110", "市指挥中心值班长"},
  };
  int i = 0;
  for (const org::Jurisdiction* j : registry.children("430400")) {
    std::string name = std::string(kSurnames[(i * 5 + 3) % kSurnames.size()]) +
                       kGiven[(i * 7 + 2) % kGiven.size()];
    char phone[32];
    std::snprintf(phone, sizeof phone, "1397340%04d", 1000 + i * 37);
    out.push_back({"duty-" + j->code, "duty_officer", j->code, name, phone, j->name + "值班员"});
    ++i;
  }
  out.push_back({"dept-yjj", "department_officer", "430400", "彭立新", "0734-8221203",
                 "市应急管理局安全生产科"});
  out.push_back({"ent-430426", "enterprise_officer", "430426", "廖志刚", "13873412266",
                 "祁东县示范企业安全员"});
  return out;
}

std::vector<enterprise::Enterprise> demoEnterprises(const org::Registry& registry,
                                                    std::uint64_t seed, int n) {
  std::mt19937_64 rng(seed);
  auto pick = [&](auto& list) -> decltype(list[0]) { return list[rng() % list.size()]; };
  std::vector<const org::Jurisdiction*> units = registry.children("430400");
  std::vector<enterprise::Enterprise> out;
  for (int i = 0; i < n; ++i) {
    const org::Jurisdiction* unit = units[i % units.size()];
    enterprise::Enterprise e;
    e.jurisdiction = unit->code;
    std::vector<const org::Jurisdiction*> towns = registry.children(unit->code);
    if (!towns.empty() && rng() % 2) e.jurisdiction = pick(towns)->code;
    const Trade& trade = pick(trades());
    std::string town_name = registry.find(e.jurisdiction)->name;
    // "祁东" + stem + trade + suffix; park enterprises carry the city's name.
    std::string prefix =
        unit->level == "county" ? unit->name.substr(0, unit->name.size() - 3) : "衡阳";
    e.name = prefix + pick(kStems) + pick(trade.words) + (rng() % 3 ? "有限公司" : "股份有限公司");
    e.credit_code = creditCode(unit->code, rng);
    e.sectors = {trade.sector};
    if (rng() % 5 == 0) e.sectors.push_back("fire");
    if (e.sectors.size() == 2 && e.sectors[0] == e.sectors[1]) e.sectors.pop_back();
    e.address = "湖南省衡阳市" + unit->name + (town_name != unit->name ? town_name : "") +
                pick(kStems) + "路" + std::to_string(1 + rng() % 300) + "号";
    // A place inside the unit: rejection sampling in its bounding box.
    std::string place = placeOf(unit->code);
    if (auto box = registry.bounds(place)) {
      auto [lo, hi] = *box;
      for (int tries = 0; tries < 1000; ++tries) {
        geo::LonLat p{lo.lon + (rng() % 1000000) / 1e6 * (hi.lon - lo.lon),
                      lo.lat + (rng() % 1000000) / 1e6 * (hi.lat - lo.lat)};
        if (registry.locatedIn(place, p)) {
          e.location = p;
          break;
        }
      }
    }
    bool chem = e.sectors[0] == "hazardous_chemicals" || e.sectors[0] == "fireworks" ||
                e.sectors[0] == "mining";
    static const char* kRisk[] = {"red",  "orange", "yellow", "yellow",
                                  "blue", "blue",   "blue",   "blue"};
    e.risk_color = kRisk[(rng() % 8) / (chem ? 2 : 1)];
    static const char* kSizes[] = {"large", "medium", "small", "small", "micro"};
    e.size = kSizes[rng() % 5];
    e.contact_name = std::string(pick(kSurnames)) + pick(kGiven);
    e.contact_phone = "13" + std::to_string(100000000 + rng() % 900000000);
    e.major_hazard_installations = chem && rng() % 3 == 0;
    e.demo = true;
    out.push_back(std::move(e));
  }
  return out;
}

Result<DemoCounts> seedDemo(App& app, const std::string& password, DemoOptions options) {
  DemoCounts made;
  for (const auto& a : demoAccounts(app.registry())) {
    TRY(auto existing, app.auth().findByUsername(a.username));
    if (existing) continue;
    auth::NewUser u;
    u.username = a.username;
    u.display_name = a.display_name;
    u.phone = a.phone;
    u.password = password;
    u.role = a.role;
    u.jurisdiction = a.jurisdiction;
    if (a.role == "department_officer") u.department = "yjgl";
    TRY(auto user, app.auth().createUser(nullptr, u));
    (void)user;
    ++made.accounts;
  }
  TRY(int existing, app.enterprises().countDemo());
  if (existing == 0) {
    TRY(auto saved, app.enterprises().createAll(demoEnterprises(app.registry(), 430400, 360)));
    made.enterprises = static_cast<int>(saved.size());
    std::optional<std::int64_t> first_qidong;
    for (const auto& e : saved) {
      if (!first_qidong && e.jurisdiction.rfind("430426", 0) == 0) first_qidong = e.id;
    }
    // The demo enterprise officer works for the first demo enterprise of 祁东县.
    if (first_qidong) TRY_STATUS(app.auth().bindEnterprise("ent-430426", *first_qidong));
  }
  TRY(bool rota, app.duty().hasRota());
  if (!rota && options.duty_history) {
    auto history = demoDutyHistory(app.registry(), app.calendar(), app.clock().now());
    made.duty_rooms = static_cast<int>(duty::dutyRooms(app.registry()).size());
    made.spot_checks = static_cast<int>(history.calls.size());
    TRY_STATUS(app.duty().seed(std::move(history)));
  }
  TRY(auto hazards, app.hazards().countDemo());
  if (hazards == 0 && options.hazards > 0) {
    TRY(made.hazards, seedDemoHazards(app, options.hazards));
  }
  return made;
}

Result<int> seedDemoHazards(App& app, int n) {
  // The register as the city's administrator sees it: every demo enterprise.
  TRY(auto admin, app.auth().findByUsername("admin"));
  if (!admin) return Error::notFound("the demo account admin is missing");
  access::Principal system = app.auth().principalOf(*admin);
  enterprise::Query q;
  TRY(auto enterprises, app.enterprises().exportRows(system, q));
  std::vector<hazard::Site> sites;
  for (const auto& e : enterprises) {
    if (e.demo) sites.push_back({e.id, e.name, e.address, e.jurisdiction, e.sectors, e.location});
  }
  hazard::Generator gen(app.registry(), std::move(sites), 430400, app.clock().now(), 3,
                        app.calendar());
  std::vector<hazard::Hazard> items;
  std::vector<std::vector<hazard::Event>> timelines;
  for (int i = 0; i < n; ++i) {
    auto s = gen.next(true);
    items.push_back(std::move(s.hazard));
    timelines.push_back(std::move(s.timeline));
  }
  TRY_STATUS(app.hazards().seed(std::move(items), std::move(timelines)));
  // Notices already issued: one by the city, one by 祁东县.
  for (const char* j : {"430400", "430426"}) {
    TRY(auto notice, app.hazards().issueNotice(nullptr, j));
    (void)notice;
  }
  return n;
}

}  // namespace anlan::app

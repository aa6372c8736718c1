#include "app/demo.h"

#include <array>
#include <random>

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

constexpr std::array<const char*, 24> kStems = {"鑫源", "华泰", "湘南", "衡发", "恒昌", "瑞丰", "中联", "宏达",
                                                "永盛", "天成", "金马", "南岳", "蒸水", "耒水", "雁城", "船山",
                                                "华能", "富民", "三湘", "兴旺", "建华", "安泰", "诚信", "湘江"};
constexpr std::array<const char*, 16> kSurnames = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄",
                                                   "周", "吴", "谭", "曾", "罗", "彭", "邓", "廖"};
constexpr std::array<const char*, 12> kGiven = {"建国", "海燕", "志强", "丽华", "军", "敏", "伟", "芳",
                                                "国平", "小红", "德明", "桂英"};

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

}  // namespace

std::vector<DemoAccount> demoAccounts(const org::Registry& registry) {
  std::vector<DemoAccount> out = {
      {"admin", "admin", "430400", "系统管理员"},
      {"commander", "commander", "430400", "市指挥中心值班长"},
  };
  for (const org::Jurisdiction* j : registry.children("430400")) {
    out.push_back({"duty-" + j->code, "duty_officer", j->code, j->name + "值班员"});
  }
  out.push_back({"dept-yjj", "department_officer", "430400", "市应急管理局安全生产科"});
  out.push_back({"ent-430426", "enterprise_officer", "430426", "祁东县示范企业安全员"});
  return out;
}

std::vector<enterprise::Enterprise> demoEnterprises(const org::Registry& registry, std::uint64_t seed, int n) {
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
    std::string prefix = unit->level == "county" ? unit->name.substr(0, unit->name.size() - 3) : "衡阳";
    e.name = prefix + pick(kStems) + pick(trade.words) + (rng() % 3 ? "有限公司" : "股份有限公司");
    e.credit_code = creditCode(unit->code, rng);
    e.sectors = {trade.sector};
    if (rng() % 5 == 0) e.sectors.push_back("fire");
    if (e.sectors.size() == 2 && e.sectors[0] == e.sectors[1]) e.sectors.pop_back();
    e.address = "湖南省衡阳市" + unit->name + (town_name != unit->name ? town_name : "") + pick(kStems) + "路" +
                std::to_string(1 + rng() % 300) + "号";
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
    bool chem = e.sectors[0] == "hazardous_chemicals" || e.sectors[0] == "fireworks" || e.sectors[0] == "mining";
    static const char* kRisk[] = {"red", "orange", "yellow", "yellow", "blue", "blue", "blue", "blue"};
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
  auth::Principal system{*admin, "", "", false};
  enterprise::Query q;
  TRY(auto enterprises, app.enterprises().exportRows(system, q));
  std::vector<hazard::Site> sites;
  for (const auto& e : enterprises) {
    if (e.demo) sites.push_back({e.id, e.name, e.address, e.jurisdiction, e.sectors, e.location});
  }
  hazard::Generator gen(app.registry(), std::move(sites), 430400, app.clock().now(), 3);
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

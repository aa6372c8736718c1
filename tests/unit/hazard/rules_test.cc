// The hazard rules: the transition table for every state pair, grade and role (against the
// data file tests/logic/hazard_transitions.txt), supervision levels, step validation and overdue.
#include "access/rules.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "app/app.h"
#include "db/migrate.h"
#include "hazard/rules.h"
#include "support/test_db.h"
#include "work/rules.h"

namespace anlan::hazard {
namespace {

using access::Role;
constexpr Millis kNow = 1'790'000'000'000;
constexpr Millis kDay = 24LL * 3600 * 1000;

const org::Registry& registry() {
  static org::Registry reg = [] {
    test::TestDb tdb(db::Engine::kSqlite);
    auto db = db::open(tdb.url(), 1).value();
    FakeClock clock;
    EXPECT_TRUE(db::migrate(*db, app::allMigrations(), clock).ok());
    return org::Registry::load(*db).value();
  }();
  return reg;
}

access::Principal principal(Role role, const std::string& jurisdiction = "430426") {
  access::Principal p;
  p.user.id = 1;
  p.user.username = "u";
  p.user.role = role;
  p.user.jurisdiction = jurisdiction;
  if (role == Role::kDepartmentOfficer) p.user.department = "yjgl";
  if (role == Role::kEnterpriseOfficer) p.user.enterprise_id = 7;
  p.scope = access::scopeFor(
      p.user, registry().treeOf(jurisdiction),
      p.user.department ? registry().sectorsLedBy(*p.user.department) : std::vector<std::string>{});
  return p;
}

Hazard hazardIn(State s, Grade g) {
  Hazard h;
  h.id = 1;
  h.enterprise_id = 7;
  h.jurisdiction = "430426";
  h.unit = "430426";
  h.sector = "hazardous_chemicals";
  h.description = "储罐区可燃气体报警器未定期检定";
  h.site = "祁东县某化工厂";
  h.grade = g;
  h.state = s;
  h.found_at = kNow - kDay;
  return h;
}

struct Expected {
  std::map<std::tuple<State, State, std::string>, std::set<Role>> rows;
};

Expected readTable() {
  Expected e;
  std::ifstream in(std::string(ANLAN_LOGIC_DIR) + "/hazard_transitions.txt");
  EXPECT_TRUE(in.good());
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string from, to, grade, role;
    fields >> from >> to >> grade;
    std::set<Role> roles;
    while (fields >> role) roles.insert(*access::parseRole(role));
    e.rows[{*parseState(from), *parseState(to), grade}] = roles;
  }
  return e;
}

TEST(HazardRules, EveryPairForEveryRoleAndGradeFollowsTheTable) {
  Expected table = readTable();
  ASSERT_EQ(table.rows.size(), 12u);
  int allowed = 0, forbidden = 0, illegal = 0;
  for (State from : kAllStates) {
    for (State to : kAllStates) {
      for (Grade g : {Grade::kGeneral, Grade::kMajor}) {
        const std::set<Role>* roles = nullptr;
        for (const char* grade : {"any", gradeName(g)}) {
          auto it = table.rows.find({from, to, grade});
          if (it != table.rows.end()) roles = &it->second;
        }
        for (Role r : {Role::kAdmin, Role::kCommander, Role::kDutyOfficer, Role::kDepartmentOfficer,
                       Role::kEnterpriseOfficer}) {
          Status s = checkTransition(principal(r), hazardIn(from, g), to);
          std::string what = std::string(stateName(from)) + " -> " + stateName(to) + " (" +
                             gradeName(g) + ") by " + access::roleName(r);
          if (!roles) {
            ASSERT_FALSE(s.ok()) << what;
            EXPECT_EQ(s.error().code, Code::kConflict) << what;
            ++illegal;
          } else if (roles->count(r)) {
            EXPECT_TRUE(s.ok()) << what << ": " << (s.ok() ? "" : s.error().message);
            ++allowed;
          } else {
            ASSERT_FALSE(s.ok()) << what;
            EXPECT_EQ(s.error().code, Code::kPermissionDenied) << what;
            ++forbidden;
          }
        }
      }
    }
  }
  EXPECT_EQ(allowed + forbidden + illegal, 8 * 8 * 2 * 5);
  EXPECT_EQ(allowed, 72);  // Σ rows × grades × roles of the table
}

TEST(HazardRules, AllowedTargetsAreWhatTheTableOffersThisRole) {
  auto enterprise = principal(Role::kEnterpriseOfficer);
  EXPECT_EQ(allowedTargets(enterprise, hazardIn(State::kRegistered, Grade::kGeneral)),
            std::vector<State>{State::kClosedOff});
  EXPECT_TRUE(allowedTargets(enterprise, hazardIn(State::kRegistered, Grade::kMajor)).empty());
  auto duty = principal(Role::kDutyOfficer);
  EXPECT_EQ(allowedTargets(duty, hazardIn(State::kAcceptanceRequested, Grade::kMajor)),
            (std::vector<State>{State::kRectifying, State::kAccepted}));
}

TEST(HazardRules, AHazardUnderCitySupervisionIsDecidedByTheCity) {
  Hazard h = hazardIn(State::kAcceptanceRequested, Grade::kMajor);
  h.supervision = "city";
  auto county = principal(Role::kDutyOfficer);
  auto city = principal(Role::kCommander, "430400");
  EXPECT_EQ(checkTransition(county, h, State::kAccepted).error().code, Code::kPermissionDenied);
  EXPECT_EQ(checkTransition(county, h, State::kRectifying).error().code, Code::kPermissionDenied);
  EXPECT_TRUE(checkTransition(city, h, State::kAccepted).ok());
  h.supervision = "county";
  EXPECT_TRUE(checkTransition(county, h, State::kAccepted).ok());
  // Listing for supervision: major only, city and province by the city.
  EXPECT_TRUE(checkSupervision(county, h, "county").ok());
  EXPECT_EQ(checkSupervision(county, h, "city").error().code, Code::kPermissionDenied);
  EXPECT_TRUE(checkSupervision(city, h, "province").ok());
  EXPECT_EQ(checkSupervision(city, h, "nation").error().field, "level");
  EXPECT_EQ(
      checkSupervision(city, hazardIn(State::kAssessed, Grade::kGeneral), "county").error().code,
      Code::kConflict);
  EXPECT_EQ(checkSupervision(principal(Role::kEnterpriseOfficer), h, "county").error().code,
            Code::kPermissionDenied);
}

TransitionRequest planStep(Millis deadline) {
  TransitionRequest t;
  t.to = State::kRectifying;
  t.plan = Plan{"张三", "停产整改，更换阀门", "整改期间设置警戒区", 500000, deadline};
  return t;
}

TEST(HazardRules, EachMissingPlanFieldIsNamed) {
  Hazard h = hazardIn(State::kAssigned, Grade::kMajor);
  h.assignment = Assignment{"JB-1", "某化工厂", "县安委办", "县应急局", kNow + 30 * kDay};
  EXPECT_TRUE(validateStep(h, planStep(kNow + 20 * kDay), registry(), kNow).ok());
  std::vector<std::pair<std::string, std::function<void(Plan&)>>> cases = {
      {"plan.responsible_person", [](Plan& p) { p.responsible_person.clear(); }},
      {"plan.measures", [](Plan& p) { p.measures.clear(); }},
      {"plan.contingency_plan", [](Plan& p) { p.contingency_plan.clear(); }},
      {"plan.funds_fen", [](Plan& p) { p.funds_fen = -1; }},
      {"plan.deadline", [](Plan& p) { p.deadline = kNow - 1; }},
      {"plan.deadline", [](Plan& p) { p.deadline = kNow + 31 * kDay; }},  // after the slip's
  };
  for (auto& [field, spoil] : cases) {
    auto t = planStep(kNow + 20 * kDay);
    spoil(*t.plan);
    Status s = validateStep(h, t, registry(), kNow);
    ASSERT_FALSE(s.ok()) << field;
    EXPECT_EQ(s.error().field, field);
  }
  TransitionRequest none;
  none.to = State::kRectifying;
  EXPECT_EQ(validateStep(h, none, registry(), kNow).error().field, "plan");
}

TEST(HazardRules, StepsNeedTheirRecords) {
  TransitionRequest assess;
  assess.to = State::kAssessed;
  EXPECT_EQ(validateStep(hazardIn(State::kRegistered, Grade::kGeneral), assess, registry(), kNow)
                .error()
                .field,
            "grade");
  assess.grade = Grade::kMajor;
  EXPECT_EQ(validateStep(hazardIn(State::kRegistered, Grade::kGeneral), assess, registry(), kNow)
                .error()
                .field,
            "confirmation");
  assess.confirmation = Confirmation{"nosuch", "专题会议", kNow - kDay};
  EXPECT_EQ(validateStep(hazardIn(State::kRegistered, Grade::kGeneral), assess, registry(), kNow)
                .error()
                .field,
            "confirmation.department");
  assess.confirmation->department = "yjgl";
  EXPECT_TRUE(
      validateStep(hazardIn(State::kRegistered, Grade::kGeneral), assess, registry(), kNow).ok());

  TransitionRequest assign;
  assign.to = State::kAssigned;
  assign.assignment = Assignment{"JB-1", "某化工厂", "县安委办", "县应急局", kNow - kDay};
  EXPECT_EQ(validateStep(hazardIn(State::kAssessed, Grade::kMajor), assign, registry(), kNow)
                .error()
                .field,
            "assignment.deadline");

  TransitionRequest request;
  request.to = State::kAcceptanceRequested;
  request.note = "整改完成";
  EXPECT_EQ(validateStep(hazardIn(State::kRectifying, Grade::kMajor), request, registry(), kNow)
                .error()
                .field,
            "attachments");
  request.attachments = {3};
  EXPECT_TRUE(
      validateStep(hazardIn(State::kRectifying, Grade::kMajor), request, registry(), kNow).ok());

  TransitionRequest reopen;
  reopen.to = State::kRectifying;
  reopen.note = "复查发现隐患反弹";
  EXPECT_EQ(validateStep(hazardIn(State::kClosedOff, Grade::kGeneral), reopen, registry(), kNow)
                .error()
                .field,
            "deadline");
}

TEST(HazardRules, OverdueMeansAnOpenRectificationPastItsDeadline) {
  EXPECT_TRUE(isOverdue(State::kRectifying, kNow - 1, kNow));
  EXPECT_TRUE(isOverdue(State::kAssigned, kNow - 1, kNow));
  EXPECT_FALSE(isOverdue(State::kRectifying, kNow + 1, kNow));
  EXPECT_FALSE(
      isOverdue(State::kAcceptanceRequested, kNow - 1, kNow));  // done, awaiting acceptance
  EXPECT_FALSE(isOverdue(State::kClosedOff, kNow - 1, kNow));
  EXPECT_FALSE(isOverdue(State::kRectifying, std::nullopt, kNow));

  // A rejection after the deadline makes the hazard overdue again at once.
  Hazard h = hazardIn(State::kAcceptanceRequested, Grade::kGeneral);
  h.deadline = kNow - kDay;
  TransitionRequest reject;
  reject.to = State::kRectifying;
  reject.note = "整改不到位";
  applyStep(h, reject, kNow);
  EXPECT_TRUE(h.overdue);
  // A failed recheck reopens with a new deadline and clears the close-off.
  Hazard closed = hazardIn(State::kClosedOff, Grade::kGeneral);
  closed.closed_off_at = kNow - 10 * kDay;
  TransitionRequest reopen;
  reopen.to = State::kRectifying;
  reopen.note = "反弹";
  reopen.deadline = kNow + 10 * kDay;
  applyStep(closed, reopen, kNow);
  EXPECT_EQ(closed.state, State::kRectifying);
  EXPECT_FALSE(closed.closed_off_at.has_value());
  EXPECT_EQ(closed.deadline, kNow + 10 * kDay);
  EXPECT_FALSE(closed.overdue);
}

TEST(HazardRules, VisibilityByRole) {
  Hazard h = hazardIn(State::kRegistered, Grade::kGeneral);
  EXPECT_TRUE(principal(Role::kDutyOfficer).scope.admits(subjectOf(h)));
  EXPECT_FALSE(principal(Role::kDutyOfficer, "430407").scope.admits(subjectOf(h)));
  EXPECT_TRUE(principal(Role::kCommander, "430400").scope.admits(subjectOf(h)));
  EXPECT_TRUE(
      principal(Role::kDepartmentOfficer).scope.admits(subjectOf(h)));  // yjgl leads chemicals
  h.sector = "construction";
  EXPECT_FALSE(principal(Role::kDepartmentOfficer).scope.admits(subjectOf(h)));
  EXPECT_TRUE(principal(Role::kEnterpriseOfficer).scope.admits(subjectOf(h)));
  h.enterprise_id = 8;
  EXPECT_FALSE(principal(Role::kEnterpriseOfficer).scope.admits(subjectOf(h)));
  EXPECT_FALSE(mayRegisterAny(principal(Role::kAdmin)));
}

}  // namespace
}  // namespace anlan::hazard

namespace anlan::hazard {
namespace {

// Who the inbox says a hazard waits on can take that step, and someone always can: for every open
// state, grade, with and without an enterprise, under each supervision level.
TEST(HazardWork, WhoeverAnItemWaitsOnMayTakeItsStepAndSomeoneDoes) {
  std::vector<access::Principal> everyone;
  for (Role r : access::kAllRoles) {
    everyone.push_back(principal(r, "430426"));
    if (r != Role::kEnterpriseOfficer) everyone.push_back(principal(r, "430400"));
  }
  everyone.push_back(principal(Role::kDutyOfficer, "430407"));  // another county
  int items = 0;
  for (State s : kAllStates) {
    for (Grade g : {Grade::kGeneral, Grade::kMajor}) {
      for (bool with_enterprise : {true, false}) {
        for (const char* level : {"", "county", "city", "province"}) {
          Hazard h = hazardIn(s, g);
          if (!with_enterprise) h.enterprise_id.reset();
          h.supervision = level;
          auto work = workOf(h);
          EXPECT_EQ(work.empty(), isClosed(s)) << stateName(s);
          for (const auto& w : work) {
            ++items;
            std::string to = w.kind.substr(w.kind.find('.') + 1);
            const Step* step = nullptr;
            for (const auto& st : steps()) {
              if (st.from == s && to == st.name) step = &st;
            }
            ASSERT_NE(step, nullptr) << w.kind << " from " << stateName(s);
            int takers = 0;
            for (const auto& p : everyone) {
              if (!work::waitsOn(w, p)) continue;
              ++takers;
              EXPECT_TRUE(checkTransition(p, h, step->to).ok())
                  << w.kind << " waits on " << access::roleName(p.user.role) << " of "
                  << p.user.jurisdiction << " who may not take it (" << level << ")";
            }
            EXPECT_GT(takers, 0) << w.kind << " waits on nobody (" << level << ")";
            // The enterprise takes its own steps; no government account is told to.
            if (w.party == work::Party::kEnterprise) {
              EXPECT_EQ(w.roles, std::vector<Role>{Role::kEnterpriseOfficer});
            }
            EXPECT_EQ(w.link, "/hazards/1");
            work::WorkItem fed = w;
            fed.record = "hazard";  // set by the feed
            EXPECT_TRUE(work::checkItem(fed).ok()) << w.kind;
          }
        }
      }
    }
  }
  EXPECT_EQ(items, 6 * 2 * 2 * 4);  // one item in each of the six open states
}

TEST(HazardWork, AnOverdueMajorHazardIsUrgentAndTheCityPressesIt) {
  Hazard h = hazardIn(State::kRectifying, Grade::kMajor);
  h.deadline = kNow - kDay;
  h.overdue = true;
  auto work = workOf(h);
  ASSERT_EQ(work.size(), 2u);
  EXPECT_EQ(work[0].kind, "hazard.request_acceptance");
  EXPECT_TRUE(work[0].urgent);
  EXPECT_EQ(work[0].due, h.deadline);
  EXPECT_EQ(work[1].kind, "hazard.overdue_major");
  EXPECT_EQ(work[1].party, work::Party::kCity);
  EXPECT_TRUE(work::waitsOn(work[1], principal(Role::kCommander, "430400")));
  EXPECT_FALSE(work::waitsOn(work[1], principal(Role::kCommander, "430426")));
  // A general hazard past its deadline is overdue but not an alarm.
  h.grade = Grade::kGeneral;
  work = workOf(h);
  ASSERT_EQ(work.size(), 1u);
  EXPECT_FALSE(work[0].urgent);
}

}  // namespace
}  // namespace anlan::hazard

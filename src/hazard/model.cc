#include "hazard/model.h"

namespace anlan::hazard {
namespace {

constexpr const char* kStateNames[] = {
    "registered",           "assessed", "assigned",   "rectifying",
    "acceptance_requested", "accepted", "closed_off", "rechecked"};

}  // namespace

const char* stateName(State s) { return kStateNames[static_cast<int>(s)]; }

std::optional<State> parseState(std::string_view text) {
  for (State s : kAllStates) {
    if (text == stateName(s)) return s;
  }
  return std::nullopt;
}

const char* gradeName(Grade g) { return g == Grade::kMajor ? "major" : "general"; }

std::optional<Grade> parseGrade(std::string_view text) {
  if (text == "general") return Grade::kGeneral;
  if (text == "major") return Grade::kMajor;
  return std::nullopt;
}

const std::vector<std::string>& sources() {
  // 排查, 上级交办, 群众举报, 媒体曝光, 部门移送, 企业自报
  static const std::vector<std::string> v = {
      "inspection", "assigned_from_above", "public_report", "media", "referral", "self_report"};
  return v;
}

const std::vector<std::string>& supervisionLevels() {
  static const std::vector<std::string> v = {"county", "city", "province"};
  return v;
}

const std::vector<std::string>& escalationKinds() {
  // 建议函 → 交办函 → 批评通报 → 约谈 → 曝光 → 黄牌警告 → 一票否决
  static const std::vector<std::string> v = {"suggestion_letter",
                                             "assignment_letter",
                                             "criticism_notice",
                                             "summons",
                                             "public_exposure",
                                             "yellow_card",
                                             "veto"};
  return v;
}

}  // namespace anlan::hazard

#include "work/model.h"

#include "work/rules.h"

namespace anlan::work {

namespace bj = boost::json;

const char* partyName(Party p) {
  switch (p) {
    case Party::kEnterprise:
      return "enterprise";
    case Party::kUnit:
      return "unit";
    case Party::kCity:
      return "city";
  }
  return "unit";
}

std::optional<Party> parseParty(std::string_view text) {
  for (Party p : {Party::kEnterprise, Party::kUnit, Party::kCity}) {
    if (text == partyName(p)) return p;
  }
  return std::nullopt;
}

bj::object toJson(const WorkItem& w, Millis now) {
  auto opt = [](const auto& v) -> bj::value {
    if (v) return bj::value(*v);
    return nullptr;
  };
  bj::value sector =
      w.subject.sectors.empty() ? bj::value(nullptr) : bj::value(w.subject.sectors[0]);
  return {{"id", w.id},
          {"source", w.kind.substr(0, w.kind.find('.'))},
          {"record", w.record},
          {"ref", w.ref},
          {"kind", w.kind},
          {"title", w.title},
          {"link", w.link},
          {"jurisdiction", w.subject.jurisdiction},
          {"unit", w.unit},
          {"sector", std::move(sector)},
          {"enterprise_id", opt(w.subject.enterprise_id)},
          {"party", partyName(w.party)},
          {"due", opt(w.due)},
          {"overdue", isOverdue(w, now)},
          {"due_soon", isDueSoon(w, now)},
          {"urgent", w.urgent},
          {"since", w.since}};
}

bj::object toJson(const Counts& c) {
  return {
      {"total", c.total}, {"overdue", c.overdue}, {"due_soon", c.due_soon}, {"urgent", c.urgent}};
}

}  // namespace anlan::work

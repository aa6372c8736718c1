#include "work/service.h"

#include <set>
#include <tuple>

namespace anlan::work {

Feed::Feed(bus::Bus& bus, std::vector<std::string> channels)
    : bus_(bus), channels_(std::move(channels)) {}

Result<Changes> Feed::sync(db::Conn& c, std::string_view record, std::int64_t ref,
                           std::vector<WorkItem> open, Millis now, bool notify) const {
  TRY(auto changes, store::sync(c, record, ref, std::move(open), now));
  for (const auto& w : changes.opened) {
    if (!notify) break;
    for (const auto& channel : channels_) TRY_STATUS(store::enqueue(c, w.id, channel, now));
  }
  return changes;
}

void Feed::announce(const Changes& changes, Millis now) const {
  std::set<std::tuple<std::string, std::int64_t, std::string, std::string>> sent;
  for (const auto* list : {&changes.opened, &changes.closed}) {
    for (const auto& w : *list) {
      std::string sector = w.subject.sectors.empty() ? "" : w.subject.sectors[0];
      if (!sent.emplace(w.record, w.ref, w.subject.jurisdiction, sector).second) continue;
      bus_.publish(
          {"work.changed",
           w.subject,
           "",
           "",
           now,
           {{"source", w.kind.substr(0, w.kind.find('.'))}, {"record", w.record}, {"ref", w.ref}}});
    }
  }
}

Inbox::Inbox(db::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

Result<Page> Inbox::list(const access::Principal& p, const Query& q) {
  return db::read<Page>(db_, [&](db::Conn& c) { return store::list(c, p, q, clock_.now()); });
}

Result<store::Summary> Inbox::summary(const access::Principal& p) {
  return db::read<store::Summary>(db_,
                                  [&](db::Conn& c) { return store::summary(c, p, clock_.now()); });
}

}  // namespace anlan::work

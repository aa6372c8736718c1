// The inbox's use cases: modules feed work items through Feed in their own transactions and
// announce the change after commit; Inbox lists what waits on the caller. Thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "access/model.h"
#include "bus/bus.h"
#include "core/clock.h"
#include "db/database.h"
#include "db/migrate.h"
#include "work/model.h"
#include "work/store.h"

namespace anlan::work {

const std::vector<db::Migration>& migrations();

// What every module holds to feed its work items.
class Feed {
 public:
  // `channels`: the notifier's channels (webhook, …); every opened item is queued for each.
  Feed(bus::Bus& bus, std::vector<std::string> channels);

  // In the module's transaction: the open items of record (type `record`, id `ref`) become `open`;
  // each item opened is queued for every channel in the same transaction, so none is lost
  // (unless `notify` is false: demo data).
  Result<Changes> sync(db::Conn& c, std::string_view record, std::int64_t ref,
                       std::vector<WorkItem> open, Millis now, bool notify = true) const;
  // After commit: "work.changed" to everyone whose scope admits a changed item's record.
  void announce(const Changes& changes, Millis now) const;

 private:
  bus::Bus& bus_;
  std::vector<std::string> channels_;
};

class Inbox {
 public:
  Inbox(db::Database& db, const Clock& clock);
  Result<Page> list(const access::Principal& p, const Query& q);
  Result<store::Summary> summary(const access::Principal& p);

 private:
  db::Database& db_;
  const Clock& clock_;
};

}  // namespace anlan::work

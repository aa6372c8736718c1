// SQL for work items and the notifier's outbox. Every function runs inside the caller's
// transaction; one implementation serves SQLite and PostgreSQL.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "access/model.h"
#include "core/result.h"
#include "db/database.h"
#include "work/model.h"

namespace anlan::work::store {

// Makes `open` the open items of record (type `record`, id `ref`): an item whose key
// (WorkItem::key) is already open is updated in place and keeps its id and `since`; open items not
// in `open` are closed at `now`; the rest are inserted, waiting since `now` unless they say
// otherwise.
Result<Changes> sync(db::Conn& c, std::string_view record, std::int64_t ref,
                     std::vector<WorkItem> open, Millis now);
// A page of the open items waiting on `p` (work::waitsOn as SQL), in sortKey order.
Result<Page> list(db::Conn& c, const access::Principal& p, const Query& q, Millis now);
// How many open items wait on `p`, and the id of the newest.
struct Summary {
  Counts counts;
  std::optional<std::int64_t> newest_id;
};
Result<Summary> summary(db::Conn& c, const access::Principal& p, Millis now);
Result<std::optional<WorkItem>> find(db::Conn& c, std::int64_t id);

// The outbox.
Status enqueue(db::Conn& c, std::int64_t item_id, const std::string& channel, Millis now);
// Up to `limit` deliveries of `channel` due at `now` that no one holds, each now held by the
// caller until now + lease.
Result<std::vector<Delivery>> claim(db::Conn& c, const std::string& channel, Millis now,
                                    Millis lease, int limit);
Status markDelivered(db::Conn& c, std::int64_t id, int attempts, Millis now);
// Another attempt at `next_at`, or none (failed) when next_at is nullopt.
Status markFailedAttempt(db::Conn& c, std::int64_t id, int attempts, std::optional<Millis> next_at,
                         const std::string& error, Millis now);
// How many deliveries of `channel` are waiting, delivered and given up (the status page).
struct OutboxCounts {
  std::int64_t waiting = 0, delivered = 0, failed = 0;
};
Result<OutboxCounts> outboxCounts(db::Conn& c, const std::string& channel);

}  // namespace anlan::work::store

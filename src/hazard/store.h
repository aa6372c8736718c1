// SQL for hazards, their timeline, attachments, kept counts and notices. Every function runs inside
// the caller's transaction; one implementation serves SQLite and PostgreSQL.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "access/scope.h"
#include "core/calendar.h"
#include "core/result.h"
#include "db/database.h"
#include "hazard/model.h"

namespace anlan::hazard::store {

Result<std::optional<Hazard>> find(db::Conn& c, std::int64_t id);
// Whose each of the hazards `ids` is (missing ids are absent).
Result<std::map<std::int64_t, Subject>> subjectsOf(db::Conn& c,
                                                   const std::vector<std::int64_t>& ids);
// Inserts `h` (its code already set) and returns the id. Does not touch the counts.
Result<std::int64_t> insert(db::Conn& c, const Hazard& h);
// Inserts `hs` (codes set and distinct) with multi-row statements and returns their ids in the
// same order. For bulk loads: does not touch the counts (rebuildCounts after).
Result<std::vector<std::int64_t>> insertMany(db::Conn& c, const std::vector<Hazard>& hs);
// Writes every field if the stored version is h.version - 1; false when stale.
Result<bool> update(db::Conn& c, const Hazard& h);
// One page by the query's filters, sort and keyset cursor.
Result<Page> list(db::Conn& c, const Query& q, const access::Scope& scope);

Result<std::int64_t> addEvent(db::Conn& c, const Event& e);
Result<std::vector<Event>> events(db::Conn& c, std::int64_t hazard_id);
// The timelines of `hazard_ids`, each in the order of its entries (a hazard without any absent).
Result<std::map<std::int64_t, std::vector<Event>>> eventsOf(
    db::Conn& c, const std::vector<std::int64_t>& hazard_ids);

Result<std::int64_t> addAttachment(db::Conn& c, const Attachment& a);
Result<std::vector<Attachment>> attachments(db::Conn& c, std::int64_t hazard_id);
Result<std::optional<Attachment>> findAttachment(db::Conn& c, std::int64_t id);
// How many attachments hazard `hazard_id` has.
Result<std::int64_t> attachmentCount(db::Conn& c, std::int64_t hazard_id);
// Marks attachments as the evidence of event `event_id`.
Status linkAttachments(db::Conn& c, const std::vector<std::int64_t>& ids, std::int64_t event_id);

// The kept counts: `delta` added to one cell; a month's found and closed-off figures.
Status addCount(db::Conn& c, const Count& cell, std::int64_t delta);
Status addMonth(db::Conn& c, const std::string& unit, const std::string& sector, Grade grade,
                const std::string& month, std::int64_t found, std::int64_t closed_off);
// The kept counts within `scope` (which must not lie below a unit: they know units and sectors
// only), ordered by their key, and the figures of `months` ("2026-11", …).
Result<std::vector<Count>> counts(db::Conn& c, const access::Scope& scope);
struct UnitMonth {
  std::string unit;
  MonthCount m;
};
Result<std::vector<UnitMonth>> months(db::Conn& c, const access::Scope& scope,
                                      const std::vector<std::string>& months);
// Sums of cells for the statistics: one per unit and sector, and one per state. `closed_off`
// counts the cells in the `closed` states given to tallies() or tally().
struct Tally {
  std::string unit, sector;
  std::int64_t found = 0, closed_off = 0, overdue = 0, major = 0, major_open = 0;
  bool operator==(const Tally&) const = default;
};
struct Tallies {
  std::vector<Tally> cells;  // by unit and sector, none empty
  std::map<State, std::int64_t> states;
  bool operator==(const Tallies&) const = default;
};
// The kept counts within `scope` (at or above unit level) summed by the database: a few hundred
// rows to read rather than every cell.
Result<Tallies> tallies(db::Conn& c, const access::Scope& scope, const std::vector<State>& closed);
// The same sums of `cells` (of a recount, say).
Tallies tally(const std::vector<Count>& cells, const std::vector<State>& closed);
// The same cells counted from the hazards themselves (full scan within `scope`), in the same order.
Result<std::vector<Count>> recount(db::Conn& c, const access::Scope& scope);
// Replaces the kept counts and months with a recount of every hazard (after bulk loads); months
// are `cal`'s.
Status rebuildCounts(db::Conn& c, const Calendar& cal);

// Open hazards whose deadline passed before `now` and that are not yet marked overdue.
Result<std::vector<Hazard>> newlyOverdue(db::Conn& c, Millis now, int limit);
// Open overdue hazards of `units` (all units when empty), oldest deadline first.
Result<std::vector<Hazard>> overdueIn(db::Conn& c, const std::vector<std::string>& units,
                                      int limit);
// Hazards of `units` closed off in [from, to).
Result<std::vector<Hazard>> closedIn(db::Conn& c, const std::vector<std::string>& units,
                                     Millis from, Millis to, int limit);

// Per unit of `units`: hazards found in [from, to) and hazards closed off in [from, to) (a unit
// without any is absent).
struct PeriodCount {
  std::int64_t found = 0, closed_off = 0;
};
Result<std::map<std::string, PeriodCount>> periodCounts(db::Conn& c,
                                                        const std::vector<std::string>& units,
                                                        Millis from, Millis to);

Result<std::int64_t> insertNotice(db::Conn& c, const Notice& n);
Result<std::optional<Notice>> findNotice(db::Conn& c, std::int64_t id);
// Newest first, of these issuing jurisdictions (all when empty), ids below `before_id` when given.
Result<std::vector<Notice>> notices(db::Conn& c, const std::vector<std::string>& jurisdictions,
                                    std::optional<std::int64_t> before_id, int limit);
// The end of the latest period notified for `jurisdiction`, if any.
Result<std::optional<Millis>> lastPeriodEnd(db::Conn& c, const std::string& jurisdiction);
// When the first hazard was registered, if any.
Result<std::optional<Millis>> firstCreated(db::Conn& c);

}  // namespace anlan::hazard::store

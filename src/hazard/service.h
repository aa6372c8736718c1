// Hazard use cases: register, list, read with the timeline, make a step of the loop, keep the
// progress ledger, list for supervision and escalate, attach evidence, count, and issue notices.
// Each write authorises, validates, applies the rules, writes the hazard, its kept counts, its
// timeline and the audit record in one transaction, then publishes an event. Thread-safe.
#pragma once

#include <string>
#include <vector>

#include "access/model.h"
#include "access/people.h"
#include "bus/bus.h"
#include "core/calendar.h"
#include "core/clock.h"
#include "core/file_store.h"
#include "db/database.h"
#include "db/migrate.h"
#include "enterprise/service.h"
#include "hazard/ledger.h"
#include "hazard/model.h"
#include "hazard/rules.h"
#include "hazard/store.h"
#include "org/registry.h"
#include "work/service.h"

namespace anlan::hazard {

const std::vector<db::Migration>& migrations();

struct Detail {
  Hazard hazard;
  std::vector<Event> timeline;
  std::vector<Attachment> attachments;
  std::vector<State> allowed;    // the states this user may move it to now
  std::vector<State> on_behalf;  // those of `allowed` this user takes for the enterprise (代填报)
  bool may_add_progress = false, may_supervise = false, may_escalate = false;
};

struct Figures {
  std::string key;  // a unit, a sector, or "" for the total
  std::int64_t found = 0, closed_off = 0, open = 0, overdue = 0, major = 0, major_open = 0;
  double rate() const {
    return found ? static_cast<double>(closed_off) / static_cast<double>(found) : 0;
  }
};

struct Stats {
  Figures total;
  std::vector<Figures> by_unit, by_sector;
  std::map<std::string, std::int64_t> by_state;
  std::vector<MonthCount> months;  // the last 12 months, oldest first
};

struct StatsQuery {
  std::optional<std::string> jurisdiction, sector;
};

struct TickReport {
  int marked_overdue = 0;
  int notices_issued = 0;
};

struct Options {
  std::string files_dir = "var/files";
  std::int64_t max_upload_bytes = 5 * 1024 * 1024;
  std::int64_t notice_cycle_days = 15;
  Calendar calendar;  // years of codes and notice numbers, statistics months
};

class HazardService {
 public:
  const org::Registry& registry() const { return registry_; }
  static constexpr int kExportMax = 100'000;

  // Feeds the work items of every hazard it changes through `work`; names the people of its
  // records through `people`.
  HazardService(db::Database& db, const org::Registry& registry, bus::Bus& bus,
                const work::Feed& work, const Clock& clock,
                enterprise::EnterpriseService& enterprises, access::Directory& people,
                Options options);

  Result<Page> list(const access::Principal& p, const Query& q);
  Result<std::vector<Hazard>> exportRows(const access::Principal& p, Query q);
  // Not visible reads as not found.
  Result<Detail> get(const access::Principal& p, std::int64_t id);
  // Registers a hazard. With an enterprise, its jurisdiction and name come from the registry.
  // `actor` null: the system (demo seeding), which may also set state fields.
  Result<Hazard> create(const access::Principal* actor, Hazard h);
  Result<Hazard> transition(const access::Principal& p, std::int64_t id,
                            const TransitionRequest& t);
  // A dated ledger entry (台账) while rectifying.
  Result<Event> addProgress(const access::Principal& p, std::int64_t id, const std::string& note,
                            const std::vector<std::int64_t>& attachments);
  Result<Hazard> supervise(const access::Principal& p, std::int64_t id, const std::string& level,
                           const std::string& note);
  Result<Event> escalate(const access::Principal& p, std::int64_t id, const std::string& kind,
                         const std::string& note, const std::vector<std::int64_t>& attachments);
  // Stores a photo or document for hazard `id`; its content must be what its name says.
  Result<Attachment> upload(const access::Principal& p, std::int64_t id, const std::string& name,
                            std::string_view bytes);
  struct File {
    Attachment attachment;
    std::string bytes;
  };
  Result<File> download(const access::Principal& p, std::int64_t id, std::int64_t attachment_id);

  Result<Stats> stats(const access::Principal& p, const StatsQuery& q);

  // The records of the 一单四制 workbook: the major hazards `q` selects within p's scope (by unit,
  // then oldest found first), each with its timeline, people named as p is shown them; whose
  // list it is (the city, or the county-level unit of p or of q.jurisdiction) and p's unit.
  Result<LedgerInput> ledger(const access::Principal& p, Query q);

  // Marks hazards whose deadline passed as overdue and issues the cycle's notice when due; what
  // was missed while the server was down is caught up. Called by the scheduler with clock time.
  Result<TickReport> tick();
  // Issues a notice now for `jurisdiction` (the city or a unit) covering the time since its last.
  Result<Notice> issueNotice(const access::Principal* actor, const std::string& jurisdiction);
  Result<std::vector<Notice>> notices(const access::Principal& p,
                                      std::optional<std::int64_t> before_id, int limit);
  Result<Notice> notice(const access::Principal& p, std::int64_t id);

  // The kept counts and a full recount of the same scope (they must be equal).
  Result<std::pair<std::vector<Count>, std::vector<Count>>> countsAndRecount();
  // Registers `items` as the system in one transaction, each with its timeline (events whose
  // hazard_id is filled in here), for demo data; codes are assigned here. All or nothing.
  Status seed(std::vector<Hazard> items, std::vector<std::vector<Event>> timelines);
  // How many demo hazards exist.
  Result<std::int64_t> countDemo();
  // Recomputes the kept counts from the hazards (after bulk loads).
  Status rebuildCounts();

 private:
  Result<Hazard> visible(db::Conn& c, const access::Principal& p, std::int64_t id) const;
  Status itemsInScope(db::Conn& c, const access::Principal& p, Notice& n) const;
  Status checkEvidence(db::Conn& c, std::int64_t hazard_id,
                       const std::vector<std::int64_t>& ids) const;
  Result<Notice> issue(const access::Principal* actor, const std::string& jurisdiction,
                       const std::string& trigger, Millis from, Millis to);
  // Makes the open work items of `h` those workOf(h) gives (in the caller's transaction).
  // Demo data is fed with `notify` false.
  Status feedWork(db::Conn& c, const Hazard& h, work::Changes& changes, bool notify = true) const;
  void publish(const std::string& type, const Hazard& h);

 public:
  // Fills in who the people of `events` (and `attachments`) of hazard `h` are, as `viewer` is
  // shown them (null viewer: no phones). Stored usernames of seeded records are looked up too;
  // a stored name that is no account's is a person of the hazard's enterprise.
  Status describePeople(const access::Principal* viewer, const Hazard& h,
                        std::vector<Event>& events, std::vector<Attachment>* attachments = nullptr);
  // The same for the timelines of many hazards at once.
  Status describePeople(const access::Principal* viewer, std::vector<LedgerItem>& items);
  // Fills in who issued each of `notices`.
  Status describeIssuers(const access::Principal* viewer, std::vector<Notice>& notices);

 private:
  db::Database& db_;
  const org::Registry& registry_;
  bus::Bus& bus_;
  const work::Feed& work_;
  const Clock& clock_;
  enterprise::EnterpriseService& enterprises_;
  access::Directory& people_;
  Options options_;
  FileStore files_;
};

}  // namespace anlan::hazard

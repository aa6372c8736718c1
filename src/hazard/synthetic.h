// Synthetic hazards with a realistic spread over units, sectors, grades, sources, states and years,
// each consistent with its state (slip, plan, deadline, overdue, close-off) and, when asked, with
// the timeline that led there. Used for demo data and for the 10-million-row benchmark; every
// hazard it makes is marked demo. Reproducible from the seed.
#pragma once

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "hazard/model.h"
#include "org/registry.h"

namespace anlan::hazard {

// Where hazards are found: an enterprise, or a public site (a road, a river bank) when
// enterprise_id is empty.
struct Site {
  std::optional<std::int64_t> enterprise_id;
  std::string name, address, jurisdiction;
  std::vector<std::string> sectors;
  std::optional<geo::LonLat> location;
};

struct Synthetic {
  Hazard hazard;
  std::vector<Event> timeline;  // empty unless asked for
};

class Generator {
 public:
  // Hazards found at `sites` (and at public sites of every unit) over the `years` before `now`.
  // Deadlines end at 23:59:59.999 of a day of `calendar` (China time), as real ones do.
  Generator(const org::Registry& registry, std::vector<Site> sites, std::uint64_t seed, Millis now,
            int years, Calendar calendar = {});
  Synthetic next(bool with_timeline);
  // The same, found at the `q`-th quantile (0 <= q < 1, oldest first) of the spread over the years
  // instead of at a random time: rising q give hazards in the order they were found, as ids are
  // given in a real register (bulk loads).
  Synthetic nextAt(double q, bool with_timeline);

 private:
  Synthetic make(std::optional<double> q, bool with_timeline);
  const Site& pickSite();
  const org::Registry& registry_;
  std::vector<Site> sites_;
  std::mt19937_64 rng_;
  Calendar calendar_;
  Millis now_;
  Millis span_;
};

}  // namespace anlan::hazard

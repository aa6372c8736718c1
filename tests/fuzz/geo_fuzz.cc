// GeoJSON polygons (core/geo.cc parseGeometry), as boundaries are read, then point-in-polygon
// over what was parsed, and the GCJ-02 conversions (map/locate?datum=gcj02) on the numbers.
#include <boost/json.hpp>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "core/geo.h"
#include "core/json.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace geo = anlan::geo;
  // The first 16 bytes, as two doubles: a point to convert and to look up.
  if (size >= 16) {
    geo::LonLat p;
    std::memcpy(&p.lon, data, 8);
    std::memcpy(&p.lat, data + 8, 8);
    geo::LonLat g = geo::wgsToGcj(p);
    geo::LonLat w = geo::gcjToWgs(p);
    if (geo::valid(p) && std::abs(p.lat) < 89) {
      FUZZ_CHECK(std::isfinite(g.lon) && std::isfinite(g.lat));
      FUZZ_CHECK(std::isfinite(w.lon) && std::isfinite(w.lat));
    }
  }
  boost::system::error_code ec;
  boost::json::value v =
      boost::json::parse(std::string_view(reinterpret_cast<const char*>(data), size), ec);
  if (ec) return 0;
  auto area = geo::parseGeometry(v);
  if (!area.ok()) {
    FUZZ_CHECK(area.error().field == "geometry");
    return 0;
  }
  FUZZ_CHECK(!area->empty());
  for (const auto& poly : *area) {
    FUZZ_CHECK(!poly.empty());
    for (const auto& ring : poly) {
      FUZZ_CHECK(ring.size() >= 4);
      for (const auto& p : ring) FUZZ_CHECK(geo::valid(p));
    }
  }
  // Points at, between and outside the vertices.
  const auto& first = (*area)[0][0];
  for (geo::LonLat p :
       {first[0], first[1],
        geo::LonLat{(first[0].lon + first[2].lon) / 2, (first[0].lat + first[2].lat) / 2},
        geo::LonLat{181, 91}, geo::LonLat{112.57, 26.89}}) {
    (void)geo::contains(*area, p);
  }
  if (v.is_object()) {
    auto at = anlan::json::optionalLonLat(v.as_object(), "coordinates");
    (void)at;
  }
  return 0;
}

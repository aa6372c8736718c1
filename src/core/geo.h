// Geographic helpers. Anlan keeps WGS-84 inside; GCJ-02 (Chinese web maps) is converted at the
// edges with these functions.
#pragma once

#include <boost/json/value.hpp>
#include <vector>

#include "core/result.h"

namespace anlan::geo {

struct LonLat {
  double lon = 0, lat = 0;
};

using Ring = std::vector<LonLat>;
using Polygon = std::vector<Ring>;  // outer ring, then holes
using MultiPolygon = std::vector<Polygon>;

// The published GCJ-02 offset of a WGS-84 point (exact), and its inverse (iterated to 1e-7°).
LonLat wgsToGcj(LonLat p);
LonLat gcjToWgs(LonLat p);

// Reads a GeoJSON Polygon or MultiPolygon geometry: at least one polygon, each with an outer ring,
// rings of 4 or more valid positions. invalid_argument on "geometry" otherwise.
Result<MultiPolygon> parseGeometry(const boost::json::value& g);
// Whether `p` lies inside the area (even-odd rule, holes excluded).
bool contains(const MultiPolygon& area, LonLat p);
// Whether lon/lat are numbers of the world.
bool valid(LonLat p);

}  // namespace anlan::geo

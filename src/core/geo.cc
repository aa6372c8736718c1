#include "core/geo.h"

#include <cmath>

namespace anlan::geo {
namespace {

constexpr double kA = 6378245.0;                // Krasovsky 1940 semi-major axis (GCJ-02)
constexpr double kEe = 0.00669342162296594323;  // its eccentricity squared
constexpr double kPi = 3.14159265358979323846;

double offsetLat(double x, double y) {
  double r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * std::sqrt(std::abs(x));
  r += (20.0 * std::sin(6.0 * x * kPi) + 20.0 * std::sin(2.0 * x * kPi)) * 2.0 / 3.0;
  r += (20.0 * std::sin(y * kPi) + 40.0 * std::sin(y / 3.0 * kPi)) * 2.0 / 3.0;
  r += (160.0 * std::sin(y / 12.0 * kPi) + 320 * std::sin(y * kPi / 30.0)) * 2.0 / 3.0;
  return r;
}

double offsetLon(double x, double y) {
  double r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * std::sqrt(std::abs(x));
  r += (20.0 * std::sin(6.0 * x * kPi) + 20.0 * std::sin(2.0 * x * kPi)) * 2.0 / 3.0;
  r += (20.0 * std::sin(x * kPi) + 40.0 * std::sin(x / 3.0 * kPi)) * 2.0 / 3.0;
  r += (150.0 * std::sin(x / 12.0 * kPi) + 300.0 * std::sin(x / 30.0 * kPi)) * 2.0 / 3.0;
  return r;
}

bool inRing(const Ring& ring, LonLat p) {
  bool inside = false;
  for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
    const LonLat &a = ring[i], &b = ring[j];
    if ((a.lat > p.lat) != (b.lat > p.lat) &&
        p.lon < (b.lon - a.lon) * (p.lat - a.lat) / (b.lat - a.lat) + a.lon) {
      inside = !inside;
    }
  }
  return inside;
}

Result<Ring> parseRing(const boost::json::value& v) {
  if (!v.is_array() || v.as_array().size() < 4)
    return Error::invalid("geometry", "a ring needs 4 or more positions");
  Ring ring;
  for (const auto& pos : v.as_array()) {
    if (!pos.is_array() || pos.as_array().size() < 2)
      return Error::invalid("geometry", "a position is [lon, lat]");
    const auto& a = pos.as_array();
    auto num = [](const boost::json::value& x) {
      return x.is_double() ? x.as_double() : x.is_int64() ? double(x.as_int64()) : NAN;
    };
    LonLat p{num(a[0]), num(a[1])};
    if (!valid(p)) return Error::invalid("geometry", "a position is out of range");
    ring.push_back(p);
  }
  return ring;
}

Result<Polygon> parsePolygon(const boost::json::value& v) {
  if (!v.is_array() || v.as_array().empty())
    return Error::invalid("geometry", "a polygon needs rings");
  Polygon poly;
  for (const auto& r : v.as_array()) {
    TRY(auto ring, parseRing(r));
    poly.push_back(std::move(ring));
  }
  return poly;
}

}  // namespace

bool valid(LonLat p) {
  return std::isfinite(p.lon) && std::isfinite(p.lat) && p.lon >= -180 && p.lon <= 180 &&
         p.lat >= -90 && p.lat <= 90;
}

LonLat wgsToGcj(LonLat p) {
  double dlat = offsetLat(p.lon - 105.0, p.lat - 35.0);
  double dlon = offsetLon(p.lon - 105.0, p.lat - 35.0);
  double rad = p.lat / 180.0 * kPi;
  double magic = 1 - kEe * std::sin(rad) * std::sin(rad);
  double sq = std::sqrt(magic);
  dlat = (dlat * 180.0) / ((kA * (1 - kEe)) / (magic * sq) * kPi);
  dlon = (dlon * 180.0) / (kA / sq * std::cos(rad) * kPi);
  return {p.lon + dlon, p.lat + dlat};
}

LonLat gcjToWgs(LonLat p) {
  LonLat w = p;
  for (int i = 0; i < 30; ++i) {
    LonLat g = wgsToGcj(w);
    double dlon = g.lon - p.lon, dlat = g.lat - p.lat;
    w.lon -= dlon;
    w.lat -= dlat;
    if (std::abs(dlon) < 1e-7 && std::abs(dlat) < 1e-7) break;
  }
  return w;
}

Result<MultiPolygon> parseGeometry(const boost::json::value& g) {
  if (!g.is_object()) return Error::invalid("geometry", "geometry must be an object");
  const auto& o = g.as_object();
  auto type = o.if_contains("type");
  auto coords = o.if_contains("coordinates");
  if (!type || !type->is_string() || !coords)
    return Error::invalid("geometry", "geometry needs type and coordinates");
  if (type->as_string() == "Polygon") {
    TRY(auto poly, parsePolygon(*coords));
    return MultiPolygon{std::move(poly)};
  }
  if (type->as_string() == "MultiPolygon") {
    // An empty area would be inside nothing and give an inverted bounding box.
    if (!coords->is_array() || coords->as_array().empty()) {
      return Error::invalid("geometry", "a MultiPolygon needs polygons");
    }
    MultiPolygon mp;
    for (const auto& p : coords->as_array()) {
      TRY(auto poly, parsePolygon(p));
      mp.push_back(std::move(poly));
    }
    return mp;
  }
  return Error::invalid("geometry", "only Polygon and MultiPolygon are supported");
}

bool contains(const MultiPolygon& area, LonLat p) {
  for (const auto& poly : area) {
    if (poly.empty() || !inRing(poly[0], p)) continue;
    bool in_hole = false;
    for (std::size_t h = 1; h < poly.size() && !in_hole; ++h) in_hole = inRing(poly[h], p);
    if (!in_hole) return true;
  }
  return false;
}

}  // namespace anlan::geo

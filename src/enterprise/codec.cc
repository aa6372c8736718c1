#include "enterprise/codec.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "core/clock.h"
#include "core/json.h"
#include "core/text.h"

namespace anlan::enterprise {
namespace bj = boost::json;

bj::object toJson(const Enterprise& e) {
  bj::array sectors;
  for (const auto& s : e.sectors) sectors.emplace_back(s);
  bj::value location = nullptr;
  if (e.location) location = bj::object{{"lon", e.location->lon}, {"lat", e.location->lat}};
  return {{"id", e.id},
          {"name", e.name},
          {"credit_code", e.credit_code},
          {"sectors", std::move(sectors)},
          {"jurisdiction", e.jurisdiction},
          {"address", e.address},
          {"location", std::move(location)},
          {"risk_color", e.risk_color},
          {"size", e.size},
          {"contact_name", e.contact_name ? bj::value(*e.contact_name) : nullptr},
          {"contact_phone", e.contact_phone ? bj::value(*e.contact_phone) : nullptr},
          {"major_hazard_installations", e.major_hazard_installations},
          {"active", e.active},
          {"demo", e.demo},
          {"version", e.version},
          {"created_at", e.created_at},
          {"updated_at", e.updated_at}};
}

namespace {

Status readLocation(const bj::object& o, Enterprise& e) {
  if (!o.contains("location")) return {};
  TRY(e.location, json::optionalLonLat(o, "location"));
  return {};
}

Status readSectors(const bj::object& o, Enterprise& e, bool required) {
  auto it = o.find("sectors");
  if (it == o.end()) {
    return required ? Error::invalid("sectors", "sectors is required") : Status();
  }
  if (!it->value().is_array())
    return Error::invalid("sectors", "sectors must be a list of sector codes");
  e.sectors.clear();
  for (const auto& s : it->value().as_array()) {
    if (!s.is_string()) return Error::invalid("sectors", "sectors must be a list of sector codes");
    TRY_STATUS(text::checkText("sectors", s.as_string()));
    e.sectors.emplace_back(s.as_string());
  }
  return {};
}

Status readCommon(const bj::object& o, Enterprise& e) {
  TRY(auto address, json::optionalString(o, "address", 300));
  if (address) e.address = *address;
  TRY(auto risk, json::optionalString(o, "risk_color", 10));
  if (risk) e.risk_color = *risk;
  TRY(auto size, json::optionalString(o, "size", 10));
  if (size) e.size = *size;
  if (o.contains("contact_name")) {
    TRY(e.contact_name, json::optionalString(o, "contact_name", 100));
  }
  if (o.contains("contact_phone")) {
    TRY(e.contact_phone, json::optionalString(o, "contact_phone", 20));
  }
  TRY(auto mhi, json::optionalBool(o, "major_hazard_installations"));
  if (mhi) e.major_hazard_installations = *mhi;
  return readLocation(o, e);
}

const std::vector<std::string_view>& writable() {
  static const std::vector<std::string_view> kWritable = {"name",
                                                          "credit_code",
                                                          "sectors",
                                                          "jurisdiction",
                                                          "address",
                                                          "location",
                                                          "risk_color",
                                                          "size",
                                                          "contact_name",
                                                          "contact_phone",
                                                          "major_hazard_installations"};
  return kWritable;
}

}  // namespace

Status fromJson(const bj::object& o, Enterprise& e) {
  TRY_STATUS(json::onlyFields(o, writable()));
  TRY(e.name, json::requireString(o, "name", 200));
  TRY(e.credit_code, json::requireString(o, "credit_code", 18));
  TRY(e.jurisdiction, json::requireString(o, "jurisdiction", 12));
  TRY_STATUS(readSectors(o, e, true));
  return readCommon(o, e);
}

Status applyPatch(const bj::object& o, Enterprise& e) {
  std::vector<std::string_view> allowed = writable();
  allowed.push_back("version");
  allowed.push_back("active");
  for (const auto& kv : o) {
    if (std::find(allowed.begin(), allowed.end(), kv.key()) == allowed.end()) {
      return json::unknownField(kv.key());
    }
  }
  if (o.contains("name")) {
    TRY(e.name, json::requireString(o, "name", 200));
  }
  if (o.contains("credit_code")) {
    TRY(e.credit_code, json::requireString(o, "credit_code", 18));
  }
  if (o.contains("jurisdiction")) {
    TRY(e.jurisdiction, json::requireString(o, "jurisdiction", 12));
  }
  TRY_STATUS(readSectors(o, e, false));
  TRY(auto active, json::optionalBool(o, "active"));
  if (active) e.active = *active;
  return readCommon(o, e);
}

const std::vector<std::string>& csvColumns() {
  static const std::vector<std::string> kColumns = {
      "name",    "credit_code",  "sectors",       "jurisdiction",
      "address", "lon",          "lat",           "risk_color",
      "size",    "contact_name", "contact_phone", "major_hazard_installations"};
  return kColumns;
}

const std::vector<std::string>& exportColumns() {
  static const std::vector<std::string> kColumns = [] {
    auto c = csvColumns();
    for (const char* extra : {"id", "active", "demo", "updated_at"}) c.emplace_back(extra);
    return c;
  }();
  return kColumns;
}

csv::Record toCsvRow(const Enterprise& e, const Calendar& cal) {
  std::string sectors;
  for (const auto& s : e.sectors) sectors += (sectors.empty() ? "" : "|") + s;
  auto coord = [](double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6f", v);
    return std::string(buf);
  };
  return {e.name,
          e.credit_code,
          sectors,
          e.jurisdiction,
          e.address,
          e.location ? coord(e.location->lon) : "",
          e.location ? coord(e.location->lat) : "",
          e.risk_color,
          e.size,
          e.contact_name.value_or(""),
          e.contact_phone.value_or(""),
          e.major_hazard_installations ? "1" : "0",
          std::to_string(e.id),
          e.active ? "1" : "0",
          e.demo ? "1" : "0",
          cal.dateTimeText(e.updated_at)};
}

Result<std::vector<std::string>> importHeader(const csv::Record& first_row) {
  std::vector<std::string> header = first_row;
  for (auto& h : header) {
    while (!h.empty() && h.back() == ' ') h.pop_back();
  }
  const auto& known = exportColumns();
  for (std::size_t i = 0; i < header.size(); ++i) {
    const std::string& h = header[i];
    if (std::find(known.begin(), known.end(), h) == known.end()) {
      return Error::invalid("file", "unknown column '" + h + "' in the header");
    }
    if (std::find(header.begin(), header.begin() + i, h) != header.begin() + i) {
      return Error::invalid("file", "the column '" + h + "' appears twice in the header");
    }
  }
  for (const char* required : {"name", "credit_code", "sectors", "jurisdiction"}) {
    if (std::find(header.begin(), header.end(), required) == header.end()) {
      return Error::invalid("file", std::string("the header lacks the column '") + required + "'");
    }
  }
  return header;
}

Status fromCsvRow(const std::vector<std::string>& header, const csv::Record& row, Enterprise& e) {
  if (row.size() != header.size()) {
    return Error::invalid("row", "the row has " + std::to_string(row.size()) +
                                     " fields; the header has " + std::to_string(header.size()));
  }
  std::optional<double> lon, lat;
  for (std::size_t i = 0; i < header.size(); ++i) {
    const std::string& k = header[i];
    std::string v = row[i];
    while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.pop_back();
    while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.erase(0, 1);
    if (k == "name")
      e.name = v;
    else if (k == "credit_code")
      e.credit_code = v;
    else if (k == "jurisdiction")
      e.jurisdiction = v;
    else if (k == "address")
      e.address = v;
    else if (k == "risk_color")
      e.risk_color = v.empty() ? "blue" : v;
    else if (k == "size")
      e.size = v.empty() ? "small" : v;
    else if (k == "contact_name")
      e.contact_name = v.empty() ? std::nullopt : std::optional(v);
    else if (k == "contact_phone")
      e.contact_phone = v.empty() ? std::nullopt : std::optional(v);
    else if (k == "major_hazard_installations") {
      if (!v.empty() && v != "0" && v != "1")
        return Error::invalid(k, "major_hazard_installations must be 0 or 1");
      e.major_hazard_installations = v == "1";
    } else if (k == "sectors") {
      e.sectors.clear();
      std::size_t start = 0;
      while (start <= v.size() && !v.empty()) {
        auto bar = v.find('|', start);
        std::string s = v.substr(start, bar == std::string::npos ? std::string::npos : bar - start);
        if (!s.empty()) e.sectors.push_back(s);
        if (bar == std::string::npos) break;
        start = bar + 1;
      }
    } else if (k == "lon" || k == "lat") {
      if (v.empty()) continue;
      double d = 0;
      auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), d);
      if (ec != std::errc() || p != v.data() + v.size() || !std::isfinite(d)) {
        return Error::invalid(k, k + " must be a number");
      }
      (k == "lon" ? lon : lat) = d;
    }
  }
  if (lon.has_value() != lat.has_value())
    return Error::invalid(lon ? "lat" : "lon", "give both lon and lat, or neither");
  if (lon) e.location = geo::LonLat{*lon, *lat};
  return {};
}

}  // namespace anlan::enterprise

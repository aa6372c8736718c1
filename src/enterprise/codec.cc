#include "enterprise/codec.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <functional>
#include <map>

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

namespace {

// Every column of the enterprise table: its key (the header with `codes`) and its header as
// people read it. An import reads the first twelve and ignores the rest.
struct Field {
  const char* key;
  const char* header;
};
constexpr Field kFields[] = {
    {"name", "企业名称"},
    {"credit_code", "统一社会信用代码"},
    {"sectors", "行业领域"},
    {"jurisdiction", "所属辖区"},
    {"address", "地址"},
    {"lon", "经度"},
    {"lat", "纬度"},
    {"risk_color", "风险等级"},
    {"size", "企业规模"},
    {"contact_name", "联系人"},
    {"contact_phone", "联系电话"},
    {"major_hazard_installations", "重大危险源"},
    {"id", "编号"},
    {"active", "状态"},
    {"demo", "演示数据"},
    {"updated_at", "更新时间"},
};
constexpr std::size_t kImported = 12;

std::string coord(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6f", v);
  return buf;
}

std::string joined(const std::vector<std::string>& parts, const char* sep) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : sep) + p;
  return out;
}

// Splits a list cell on | 、 , ， ; and drops empty parts.
std::vector<std::string> splitList(const std::string& v) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty()) out.push_back(cur);
    cur.clear();
  };
  for (std::size_t i = 0; i < v.size();) {
    std::string_view rest(v.data() + i, v.size() - i);
    std::size_t sep = 0;
    for (std::string_view s : {"|", ",", ";", "、", "，", "；"}) {
      if (rest.substr(0, s.size()) == s) sep = s.size();
    }
    if (sep) {
      flush();
      i += sep;
    } else {
      cur += v[i++];
    }
  }
  flush();
  return out;
}

}  // namespace

const std::vector<Label>& riskColorLabels() {
  static const std::vector<Label> l = {
      {"red", "重大风险"}, {"orange", "较大风险"}, {"yellow", "一般风险"}, {"blue", "低风险"}};
  return l;
}

const std::vector<Label>& sizeLabels() {
  static const std::vector<Label> l = {
      {"large", "大型"}, {"medium", "中型"}, {"small", "小型"}, {"micro", "微型"}};
  return l;
}

std::vector<Column<Enterprise>> tableColumns(const org::Registry& reg, const Calendar& cal) {
  using E = Enterprise;
  std::vector<std::function<std::string(const E&)>> code = {
      [](const E& e) { return e.name; },
      [](const E& e) { return e.credit_code; },
      [](const E& e) { return joined(e.sectors, "|"); },
      [](const E& e) { return e.jurisdiction; },
      [](const E& e) { return e.address; },
      [](const E& e) { return e.location ? coord(e.location->lon) : ""; },
      [](const E& e) { return e.location ? coord(e.location->lat) : ""; },
      [](const E& e) { return e.risk_color; },
      [](const E& e) { return e.size; },
      [](const E& e) { return e.contact_name.value_or(""); },
      [](const E& e) { return e.contact_phone.value_or(""); },
      [](const E& e) { return std::string(e.major_hazard_installations ? "1" : "0"); },
      [](const E& e) { return std::to_string(e.id); },
      [](const E& e) { return std::string(e.active ? "1" : "0"); },
      [](const E& e) { return std::string(e.demo ? "1" : "0"); },
      [&cal](const E& e) { return cal.dateTimeText(e.updated_at); },
  };
  std::map<std::string, std::function<std::string(const E&)>> name = {
      {"sectors",
       [&reg](const E& e) {
         std::vector<std::string> names;
         for (const auto& s : e.sectors) {
           std::string n = reg.sectorName(s);
           names.push_back(n.empty() ? s : n);
         }
         return joined(names, "、");
       }},
      {"jurisdiction",
       [&reg](const E& e) {
         std::string n = reg.fullName(e.jurisdiction);
         return n.empty() ? e.jurisdiction : n;
       }},
      {"risk_color", [](const E& e) { return nameOf(riskColorLabels(), e.risk_color); }},
      {"size", [](const E& e) { return nameOf(sizeLabels(), e.size); }},
      {"major_hazard_installations",
       [](const E& e) { return yesNo(e.major_hazard_installations); }},
      {"active", [](const E& e) { return std::string(e.active ? "在册" : "已停用"); }},
      {"demo", [](const E& e) { return yesNo(e.demo); }},
  };
  std::vector<Column<E>> out;
  for (std::size_t i = 0; i < std::size(kFields); ++i) {
    auto n = name.find(kFields[i].key);
    out.push_back(
        {kFields[i].key, kFields[i].header, code[i], n == name.end() ? nullptr : n->second});
  }
  return out;
}

Result<std::vector<std::string>> importHeader(const csv::Record& first_row) {
  std::vector<std::string> header;
  for (std::string h : first_row) {
    while (!h.empty() && h.back() == ' ') h.pop_back();
    const Field* f = nullptr;
    for (const auto& field : kFields) {
      if (h == field.key || h == field.header) f = &field;
    }
    if (!f) return Error::invalid("file", "unknown column '" + h + "' in the header");
    if (std::find(header.begin(), header.end(), f->key) != header.end()) {
      return Error::invalid("file", "the column '" + h + "' appears twice in the header");
    }
    header.emplace_back(f->key);
  }
  for (std::size_t i = 0; i < 4; ++i) {
    if (std::find(header.begin(), header.end(), kFields[i].key) == header.end()) {
      return Error::invalid("file", std::string("the header lacks the column '") +
                                        kFields[i].header + "' (" + kFields[i].key + ")");
    }
  }
  return header;
}

std::vector<csv::Record> importTemplate(const org::Registry& reg, bool codes) {
  csv::Record header;
  for (std::size_t i = 0; i < kImported; ++i)
    header.emplace_back(codes ? kFields[i].key : kFields[i].header);
  Enterprise e;
  e.name = "衡阳示例化工有限公司";
  e.credit_code = "91350100M000100Y43";
  e.sectors = {"hazardous_chemicals", "fire"};
  e.jurisdiction = "430426";
  e.address = "祁东县示例路1号";
  e.location = geo::LonLat{112.09, 26.79};
  e.risk_color = "orange";
  e.size = "medium";
  e.contact_name = "张三";
  e.contact_phone = "0734-1234567";
  e.major_hazard_installations = true;
  csv::Record example = rowOf(tableColumns(reg, Calendar()), e, codes);
  example.resize(kImported);
  return {header, example};
}

Status fromCsvRow(const std::vector<std::string>& header, const csv::Record& row, Enterprise& e,
                  const org::Registry& reg) {
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
      e.jurisdiction = reg.codeOf(v).value_or(v);
    else if (k == "address")
      e.address = v;
    else if (k == "risk_color")
      e.risk_color = v.empty() ? "blue" : codeOfLabel(riskColorLabels(), v).value_or(v);
    else if (k == "size")
      e.size = v.empty() ? "small" : codeOfLabel(sizeLabels(), v).value_or(v);
    else if (k == "contact_name")
      e.contact_name = v.empty() ? std::nullopt : std::optional(v);
    else if (k == "contact_phone")
      e.contact_phone = v.empty() ? std::nullopt : std::optional(v);
    else if (k == "major_hazard_installations") {
      if (!v.empty() && v != "0" && v != "1" && v != "是" && v != "否")
        return Error::invalid(k, "major_hazard_installations must be 是 or 否 (1 or 0)");
      e.major_hazard_installations = v == "1" || v == "是";
    } else if (k == "sectors") {
      e.sectors.clear();
      for (const auto& part : splitList(v))
        e.sectors.push_back(reg.sectorCodeOf(part).value_or(part));
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

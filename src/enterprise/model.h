// Enterprises under supervision (生产经营单位) and the queries over them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/geo.h"

namespace anlan::enterprise {

struct Enterprise {
  std::int64_t id = 0;
  std::string name;
  std::string credit_code;  // 统一社会信用代码 (GB 32100-2015)
  std::vector<std::string> sectors;
  std::string jurisdiction;
  std::string address;
  std::optional<geo::LonLat> location;  // WGS-84
  std::string risk_color = "blue";      // red, orange, yellow, blue (红橙黄蓝)
  std::string size = "small";           // large, medium, small, micro
  std::optional<std::string> contact_name, contact_phone;
  bool major_hazard_installations = false;
  bool active = true;
  bool demo = false;
  std::int64_t version = 1;
  Millis created_at = 0, updated_at = 0;
};

// A list request: filters, sort and a keyset cursor (the registry's list convention).
struct Query {
  std::optional<std::string> jurisdiction;  // a unit and everything below it
  std::optional<std::string> sector;
  std::optional<std::string> risk_color;
  std::optional<std::string> q;  // text in the name, credit code or address
  std::optional<bool> active;
  std::optional<bool> major_hazard_installations;
  std::string sort = "id";  // id, name, -updated_at
  std::string cursor;       // opaque, from the previous page
  int limit = 50;
};

struct Page {
  std::vector<Enterprise> items;
  std::optional<std::string> next_cursor;
};

}  // namespace anlan::enterprise

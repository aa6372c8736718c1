// The reference registry every record hangs on: jurisdictions (行政区划), departments (部门)
// and sectors (行业领域).
#pragma once

#include <string>
#include <vector>

namespace anlan::org {

struct Jurisdiction {
  std::string code;  // GB/T 2260 code, a statistical park code, or a 9-digit township code
  std::string name;  // Chinese name
  std::string name_en;
  std::string level;   // province, city, county, park, township
  std::string parent;  // "" at the root
  bool official = true;
};

struct CommandCenter {
  std::string jurisdiction, name, name_en, duty_phone;
};

struct Department {
  std::string code, name, name_en;
};

struct Sector {
  std::string code, name, name_en, lead_department;
};

}  // namespace anlan::org

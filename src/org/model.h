// Jurisdictions (行政区划): the tree every record and every user's scope hangs on.
#pragma once

#include <string>

namespace anlan::org {

struct Jurisdiction {
  std::string code;    // GB/T 2260 code, or a statistical code for parks
  std::string name;    // Chinese name
  std::string name_en;
  std::string level;   // province, city, county, park, township
  std::string parent;  // "" at the root
  bool official = true;
};

}  // namespace anlan::org

// Whose a record is: the facts that decide who may read it. Every module describes its records
// (and the events about them) this way, and access::Scope decides on them, so that "who sees
// what" is written once.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace anlan {

struct Subject {
  std::string jurisdiction;                   // where the record lies; "" for none
  std::vector<std::string> sectors;           // the record's sectors; empty when it has none
  std::optional<std::int64_t> enterprise_id;  // the enterprise it belongs to, if any
};

}  // namespace anlan

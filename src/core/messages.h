// The server's messages in the user's language.
//
// Messages are written in English where they arise (Error::invalid("location", "location must be
// a WGS-84 lon/lat")), and the English text is the key of a translation, as with gettext: the
// catalog src/core/messages/zh-CN.tsv maps each message to Chinese. A message built with values
// in it ("no enterprise 12 in your scope") matches an entry with holes ("no enterprise {} in your
// scope"), and a hole's text is itself translated when it is an entry (field names, states), so
// "assignment.deadline must lie in the future" becomes "交办期限须晚于当前时间".
//
// The HTTP layer picks the language from the request's Accept-Language (http::finishResponse);
// tools/check-messages.py keeps every message in the sources covered by the catalog.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/result.h"

namespace anlan::messages {

enum class Language { kEnglish, kChinese };

// The language an Accept-Language header ranks highest among those the server speaks ("zh",
// "zh-CN", "zh-Hans" … → Chinese); English when the header is empty or names neither.
Language preferred(std::string_view accept_language);

// A translation table from English messages to one other language.
//
// Text form, one entry per line: the English message, a tab, the translation. Lines starting with
// '#' and empty lines are skipped. "{}" in the English text is a hole matching any text; the
// translation refers to the holes as "{}" (in order) or "{1}", "{2}" … (to reorder them), and
// must use each hole exactly once. Two holes may not touch ("{}{}" could split anywhere).
class Catalog {
 public:
  static Result<Catalog> parse(std::string_view text);

  // `english` translated: an exact entry, else the matching entry with holes that has the most
  // literal text; `english` itself when no entry matches.
  std::string translate(std::string_view english) const;
  // Whether translate() finds an entry for `english`.
  bool knows(std::string_view english) const;
  std::size_t size() const { return exact_.size() + templates_.size(); }

 private:
  struct Template {
    std::vector<std::string> pieces;  // the literal text around the holes (holes + 1 pieces)
    std::vector<std::string> output;  // the translation's literal pieces (holes + 1)
    std::vector<int> order;           // which hole goes after output[i]
    std::size_t literal = 0;          // how much literal text the English side has
  };
  // Whether `t` matches `english`; if so, `holes` gets the text of each hole.
  static bool match(const Template& t, std::string_view english, std::vector<std::string>& holes);
  const Template* find(std::string_view english, std::vector<std::string>& holes) const;

  std::unordered_map<std::string, std::string> exact_;
  std::vector<Template> templates_;  // most literal text first
};

// The Chinese catalog compiled into the server (src/core/messages/zh-CN.tsv). It is parsed once;
// a catalog that does not parse is a build mistake that the unit tests catch, and then every
// message stays in English.
const Catalog& chinese();
// Whether the compiled-in catalogs parse (App checks this at start-up).
Status check();

// `english` in `language`.
std::string say(std::string_view english, Language language);

}  // namespace anlan::messages

#include "core/messages.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <optional>
#include <utility>

namespace anlan::messages {

const std::string& chineseCatalogText();  // compiled in from messages/zh-CN.tsv

namespace {

constexpr std::string_view kHole = "{}";

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The English side's literal pieces around its holes.
std::vector<std::string> piecesOf(std::string_view english) {
  std::vector<std::string> pieces;
  std::size_t from = 0;
  for (std::size_t at = english.find(kHole); at != std::string_view::npos;
       at = english.find(kHole, from)) {
    pieces.emplace_back(english.substr(from, at - from));
    from = at + kHole.size();
  }
  pieces.emplace_back(english.substr(from));
  return pieces;
}

Error lineError(std::size_t line, const std::string& what) {
  return Error::invalid("catalog", "line " + std::to_string(line) + ": " + what);
}

}  // namespace

Language preferred(std::string_view accept_language) {
  // Accept-Language: zh-CN,zh;q=0.9,en;q=0.8 — the highest q wins, the earlier on a tie.
  Language best = Language::kEnglish;
  double best_q = -1;
  std::size_t from = 0;
  while (from <= accept_language.size()) {
    std::size_t comma = accept_language.find(',', from);
    std::string_view item = accept_language.substr(
        from, comma == std::string_view::npos ? std::string_view::npos : comma - from);
    from = comma == std::string_view::npos ? accept_language.size() + 1 : comma + 1;
    std::string_view tag = trim(item.substr(0, item.find(';')));
    double q = 1;
    if (std::size_t semi = item.find(';'); semi != std::string_view::npos) {
      std::string_view param = trim(item.substr(semi + 1));
      if (param.size() > 2 && (param[0] == 'q' || param[0] == 'Q') && param[1] == '=') {
        std::string value(param.substr(2));
        char* end = nullptr;
        q = std::strtod(value.c_str(), &end);
        if (end == value.c_str() || q < 0 || q > 1) q = 0;
      }
    }
    if (q <= 0) continue;
    std::string primary = lower(tag.substr(0, tag.find('-')));
    std::optional<Language> lang;
    if (primary == "zh") lang = Language::kChinese;
    if (primary == "en") lang = Language::kEnglish;
    if (lang && q > best_q) {
      best = *lang;
      best_q = q;
    }
  }
  return best;
}

Result<Catalog> Catalog::parse(std::string_view text) {
  Catalog c;
  std::size_t line_no = 0;
  std::size_t from = 0;
  while (from < text.size()) {
    std::size_t nl = text.find('\n', from);
    std::string_view line =
        text.substr(from, nl == std::string_view::npos ? std::string_view::npos : nl - from);
    from = nl == std::string_view::npos ? text.size() : nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (trim(line).empty() || line.front() == '#') continue;
    std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos) return lineError(line_no, "no tab between the two texts");
    std::string_view en = line.substr(0, tab);
    std::string_view out = trim(line.substr(tab + 1));
    if (en.empty() || out.empty()) return lineError(line_no, "an empty text");
    if (out.find('\t') != std::string_view::npos) return lineError(line_no, "more than one tab");
    if (en.find("{}{}") != std::string_view::npos) return lineError(line_no, "two holes touch");
    std::vector<std::string> pieces = piecesOf(en);
    std::size_t holes = pieces.size() - 1;
    if (holes == 0) {
      if (!c.exact_.emplace(std::string(en), std::string(out)).second)
        return lineError(line_no, "the English text is listed twice");
      continue;
    }
    Template t;
    t.pieces = std::move(pieces);
    for (const auto& p : t.pieces) t.literal += p.size();
    // The translation's holes: "{}" in order or "{n}" by number, each hole exactly once.
    std::vector<bool> used(holes, false);
    std::size_t next = 0;
    std::string piece;
    for (std::size_t i = 0; i < out.size(); ++i) {
      if (out[i] != '{') {
        piece += out[i];
        continue;
      }
      std::size_t close = out.find('}', i);
      if (close == std::string_view::npos) return lineError(line_no, "a '{' without its '}'");
      std::string_view inside = out.substr(i + 1, close - i - 1);
      std::size_t hole = 0;
      if (inside.empty()) {
        hole = next++;
      } else if (inside.size() == 1 && inside[0] >= '1' && inside[0] <= '9') {
        hole = static_cast<std::size_t>(inside[0] - '1');
      } else {
        return lineError(line_no, "holes are {} or {1} … {9}");
      }
      if (hole >= holes) return lineError(line_no, "the translation names a hole the text lacks");
      if (used[hole]) return lineError(line_no, "the translation uses a hole twice");
      used[hole] = true;
      t.output.push_back(std::move(piece));
      piece.clear();
      t.order.push_back(static_cast<int>(hole));
      i = close;
    }
    t.output.push_back(std::move(piece));
    if (std::find(used.begin(), used.end(), false) != used.end())
      return lineError(line_no, "the translation leaves out a hole");
    for (const auto& other : c.templates_) {
      if (other.pieces == t.pieces) return lineError(line_no, "the English text is listed twice");
    }
    c.templates_.push_back(std::move(t));
  }
  std::stable_sort(c.templates_.begin(), c.templates_.end(),
                   [](const Template& a, const Template& b) { return a.literal > b.literal; });
  return c;
}

bool Catalog::match(const Template& t, std::string_view english, std::vector<std::string>& holes) {
  holes.clear();
  const std::string& first = t.pieces.front();
  const std::string& last = t.pieces.back();
  if (english.size() < first.size() + last.size()) return false;
  if (english.substr(0, first.size()) != first) return false;
  if (english.substr(english.size() - last.size()) != last) return false;
  std::size_t pos = first.size();
  std::size_t end = english.size() - last.size();
  for (std::size_t i = 1; i + 1 < t.pieces.size(); ++i) {
    // The hole before piece i ends where the piece first occurs (shortest hole).
    std::size_t at = english.substr(0, end).find(t.pieces[i], pos);
    if (at == std::string_view::npos) return false;
    holes.emplace_back(english.substr(pos, at - pos));
    pos = at + t.pieces[i].size();
  }
  if (pos > end) return false;
  holes.emplace_back(english.substr(pos, end - pos));
  return true;
}

const Catalog::Template* Catalog::find(std::string_view english,
                                       std::vector<std::string>& holes) const {
  for (const auto& t : templates_) {
    if (match(t, english, holes)) return &t;
  }
  return nullptr;
}

std::string Catalog::translate(std::string_view english) const {
  if (auto it = exact_.find(std::string(english)); it != exact_.end()) return it->second;
  std::vector<std::string> holes;
  const Template* t = find(english, holes);
  if (!t) return std::string(english);
  std::string out;
  for (std::size_t i = 0; i < t->order.size(); ++i) {
    out += t->output[i];
    const std::string& hole = holes[static_cast<std::size_t>(t->order[i])];
    // A hole that is itself an entry (a field's name, a state) is said in this language too.
    auto term = exact_.find(hole);
    out += term != exact_.end() ? term->second : hole;
  }
  out += t->output.back();
  return out;
}

bool Catalog::knows(std::string_view english) const {
  if (exact_.count(std::string(english)) != 0) return true;
  std::vector<std::string> holes;
  return find(english, holes) != nullptr;
}

namespace {

const Result<Catalog>& parsedChinese() {
  static const Result<Catalog> kCatalog = Catalog::parse(chineseCatalogText());
  return kCatalog;
}

}  // namespace

const Catalog& chinese() {
  static const Catalog kEmpty;
  const auto& parsed = parsedChinese();
  return parsed.ok() ? parsed.value() : kEmpty;
}

Status check() {
  const auto& parsed = parsedChinese();
  if (!parsed.ok()) {
    return Error::internal("src/core/messages/zh-CN.tsv: " + parsed.error().message);
  }
  return Unit{};
}

std::string say(std::string_view english, Language language) {
  return language == Language::kChinese ? chinese().translate(english) : std::string(english);
}

}  // namespace anlan::messages

#include "core/csv.h"

#include <algorithm>

#include "core/text.h"

namespace anlan::csv {
namespace {

// The 1-based line of byte `at` of `text`.
int lineOf(std::string_view text, std::size_t at) {
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + at, '\n'));
}

}  // namespace

Result<std::vector<Record>> parse(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (std::size_t valid = text::validUtf8Prefix(text); valid != text.size()) {
    return Error::invalid("file", "line " + std::to_string(lineOf(text, valid)) +
                                      " is not UTF-8 text (save the file as CSV UTF-8)");
  }
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
      return Error::invalid("file", "line " + std::to_string(lineOf(text, i)) +
                                        " holds a control character (" +
                                        (c == 0 ? std::string("NUL") : std::to_string(c)) + ")");
    }
  }
  std::vector<Record> out;
  Record rec;
  std::string field;
  bool quoted = false, field_started = false;
  int line = 1, quote_line = 0;
  auto endField = [&] {
    rec.push_back(std::move(field));
    field.clear();
    field_started = false;
  };
  auto endRecord = [&] {
    endField();
    if (!(rec.size() == 1 && rec[0].empty())) out.push_back(std::move(rec));
    rec.clear();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field.push_back('"');
          ++i;
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++line;
        field.push_back(c);
      }
      continue;
    }
    if (c == '"' && !field_started && field.empty()) {
      quoted = true;
      field_started = true;
      quote_line = line;
    } else if (c == ',') {
      endField();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      // CRLF: the LF ends the record
    } else if (c == '\n') {
      endRecord();
      ++line;
    } else {
      field.push_back(c);
      field_started = true;
    }
  }
  if (quoted) {
    return Error::invalid(
        "file", "a quoted field opened on line " + std::to_string(quote_line) + " never closes");
  }
  if (field_started || !field.empty() || !rec.empty()) endRecord();
  return out;
}

void appendField(std::string& out, std::string_view f, bool force_quote) {
  bool quote = force_quote || f.find_first_of(",\"\r\n") != std::string_view::npos ||
               (!f.empty() && (f.front() == ' ' || f.back() == ' '));
  if (!quote) {
    out += f;
    return;
  }
  out.push_back('"');
  for (char c : f) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

void append(std::string& out, const Record& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) out.push_back(',');
    appendField(out, fields[i]);
  }
  out += "\r\n";
}

}  // namespace anlan::csv

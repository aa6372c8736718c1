#include "core/csv.h"

namespace anlan::csv {

Result<std::vector<Record>> parse(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
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
    return Error::invalid("file", "a quoted field opened on line " + std::to_string(quote_line) + " never closes");
  }
  if (field_started || !field.empty() || !rec.empty()) endRecord();
  return out;
}

void append(std::string& out, const Record& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) out.push_back(',');
    const std::string& f = fields[i];
    bool quote = f.find_first_of(",\"\r\n") != std::string::npos ||
                 (!f.empty() && (f.front() == ' ' || f.back() == ' '));
    // A leading =, +, - or @ would run as a formula in a spreadsheet: quote it as text.
    bool formula = !f.empty() && (f[0] == '=' || f[0] == '+' || f[0] == '@' || (f[0] == '-' && f.size() > 1 && !std::isdigit(static_cast<unsigned char>(f[1]))));
    if (!quote && !formula) {
      out += f;
      continue;
    }
    out.push_back('"');
    if (formula) out.push_back('\'');
    for (char c : f) {
      if (c == '"') out.push_back('"');
      out.push_back(c);
    }
    out.push_back('"');
  }
  out += "\r\n";
}

}  // namespace anlan::csv

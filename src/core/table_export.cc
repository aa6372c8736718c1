#include "core/table_export.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdio>
#include <fstream>
#include <sstream>

namespace anlan {

namespace {

// -5, +3.25, 42: a spreadsheet reads these as numbers, never as formulas.
bool plainNumber(std::string_view s) {
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  auto digits = [&] {
    std::size_t n = 0;
    while (n < s.size() && s[n] >= '0' && s[n] <= '9') ++n;
    s.remove_prefix(n);
    return n;
  };
  if (digits() == 0) return false;
  if (!s.empty() && s[0] == '.') {
    s.remove_prefix(1);
    if (digits() == 0) return false;
  }
  return s.empty();
}

void appendRow(std::string& out, const csv::Record& cells) {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i) out.push_back(',');
    if (looksLikeFormula(cells[i])) {
      csv::appendField(out, "'" + cells[i], true);
    } else {
      csv::appendField(out, cells[i]);
    }
  }
  out += "\r\n";
}

}  // namespace

bool looksLikeFormula(std::string_view cell) {
  constexpr std::string_view kStarts = "=+-@\t\r";
  if (cell.empty() || kStarts.find(cell[0]) == std::string_view::npos) return false;
  return !plainNumber(cell);
}

std::string tableCsv(const csv::Record& header, const std::vector<csv::Record>& rows) {
  std::string out = "\xEF\xBB\xBF";
  appendRow(out, header);
  for (const auto& r : rows) appendRow(out, r);
  return out;
}

Result<std::string> tableXlsx(const std::string& sheet, const csv::Record& header,
                              const std::vector<csv::Record>& rows) {
  // libxlsxwriter 1.1 writes to a file only: a private temporary file, read back and removed.
  char path[] = "/tmp/anlan-export-XXXXXX";
  int fd = ::mkstemp(path);
  if (fd < 0) return Error::internal("cannot create a temporary file for the export");
  ::close(fd);
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  options.tmpdir = const_cast<char*>("/tmp");
  lxw_workbook* wb = workbook_new_opt(path, &options);
  if (!wb) {
    std::remove(path);
    return Error::internal("cannot start the workbook");
  }
  lxw_worksheet* ws = workbook_add_worksheet(wb, sheet.c_str());
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  for (std::size_t c = 0; c < header.size(); ++c) {
    worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), header[c].c_str(), bold);
  }
  for (std::size_t r = 0; r < rows.size(); ++r) {
    for (std::size_t c = 0; c < rows[r].size(); ++c) {
      // Everything as text: credit codes and phone numbers must keep their leading zeros.
      worksheet_write_string(ws, static_cast<lxw_row_t>(r + 1), static_cast<lxw_col_t>(c),
                             rows[r][c].c_str(), nullptr);
    }
  }
  lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR) {
    std::remove(path);
    return Error::internal(std::string("cannot write the workbook: ") + lxw_strerror(err));
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream data;
  data << in.rdbuf();
  std::remove(path);
  return data.str();
}

Result<ExportFile> exportTable(const std::string& format, const std::string& sheet,
                               const csv::Record& header, const std::vector<csv::Record>& rows) {
  if (format == "csv") return ExportFile{tableCsv(header, rows), "text/csv; charset=utf-8", "csv"};
  if (format == "xlsx") {
    TRY(auto body, tableXlsx(sheet, header, rows));
    return ExportFile{std::move(body),
                      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"};
  }
  return Error::invalid("format", "format must be json, csv or xlsx");
}

std::string nameOf(const std::vector<Label>& labels, std::string_view code) {
  for (const auto& l : labels) {
    if (l.code == code) return std::string(l.name);
  }
  return std::string(code);
}

std::optional<std::string> codeOfLabel(const std::vector<Label>& labels, std::string_view text) {
  for (const auto& l : labels) {
    if (l.code == text || l.name == text) return std::string(l.code);
  }
  return std::nullopt;
}

}  // namespace anlan

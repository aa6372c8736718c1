#include "core/workbook.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdio>
#include <fstream>
#include <sstream>

namespace anlan {
namespace {

lxw_format* format(lxw_workbook* wb, int size, bool bold, bool border, bool center, bool wrap) {
  lxw_format* f = workbook_add_format(wb);
  format_set_font_name(f, "宋体");
  format_set_font_size(f, size);
  if (bold) format_set_bold(f);
  if (border) format_set_border(f, LXW_BORDER_THIN);
  format_set_align(f, center ? LXW_ALIGN_CENTER : LXW_ALIGN_LEFT);
  format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
  if (wrap) format_set_text_wrap(f);
  return f;
}

struct Formats {
  lxw_format *title, *line, *header, *cell, *note;
};

lxw_error writeSheet(lxw_workbook* wb, const Formats& fm, const WorkbookSheet& s) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, s.name.c_str());
  if (!ws) return LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE;
  const auto last = static_cast<lxw_col_t>(s.columns.empty() ? 0 : s.columns.size() - 1);
  lxw_row_t row = 0;
  lxw_error err = LXW_NO_ERROR;
  auto merged = [&](lxw_row_t r, const std::string& text, lxw_format* f) {
    if (last == 0) return worksheet_write_string(ws, r, 0, text.c_str(), f);
    return worksheet_merge_range(ws, r, 0, r, last, text.c_str(), f);
  };
  worksheet_set_row(ws, row, 32, nullptr);
  if ((err = merged(row++, s.title, fm.title))) return err;
  for (const auto& l : s.lines) {
    if ((err = merged(row++, l, fm.line))) return err;
  }
  bool two_levels = false;
  for (const auto& c : s.columns) two_levels = two_levels || !c.group.empty();
  const lxw_row_t top = row, bottom = two_levels ? row + 1 : row;
  for (std::size_t i = 0; i < s.columns.size();) {
    const auto& c = s.columns[i];
    auto col = static_cast<lxw_col_t>(i);
    worksheet_set_column(ws, col, col, c.width, nullptr);
    if (c.group.empty()) {
      err = bottom == top
                ? worksheet_write_string(ws, top, col, c.header.c_str(), fm.header)
                : worksheet_merge_range(ws, top, col, bottom, col, c.header.c_str(), fm.header);
      if (err) return err;
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end + 1 < s.columns.size() && s.columns[end + 1].group == c.group) ++end;
    err = end == i ? worksheet_write_string(ws, top, col, c.group.c_str(), fm.header)
                   : worksheet_merge_range(ws, top, col, top, static_cast<lxw_col_t>(end),
                                           c.group.c_str(), fm.header);
    if (err) return err;
    for (std::size_t k = i; k <= end; ++k) {
      auto kc = static_cast<lxw_col_t>(k);
      worksheet_set_column(ws, kc, kc, s.columns[k].width, nullptr);
      if ((err = worksheet_write_string(ws, bottom, kc, s.columns[k].header.c_str(), fm.header)))
        return err;
    }
    i = end + 1;
  }
  row = bottom + 1;
  if (s.rows.empty() && !s.empty_note.empty()) {
    if ((err = merged(row, s.empty_note, fm.note))) return err;
  }
  for (const auto& r : s.rows) {
    for (std::size_t c = 0; c < r.size() && c < s.columns.size(); ++c) {
      // Everything as text: codes and phone numbers keep their leading zeros, nothing is a formula.
      if ((err = worksheet_write_string(ws, row, static_cast<lxw_col_t>(c), r[c].c_str(), fm.cell)))
        return err;
    }
    ++row;
  }
  worksheet_freeze_panes(ws, bottom + 1, 0);
  worksheet_set_landscape(ws);
  worksheet_set_paper(ws, 9);  // A4
  worksheet_set_margins(ws, 0.4, 0.4, 0.6, 0.6);
  worksheet_fit_to_pages(ws, 1, 0);
  worksheet_center_horizontally(ws);
  if ((err = worksheet_repeat_rows(ws, top, bottom))) return err;
  worksheet_set_footer(ws, "&C第 &P 页，共 &N 页");
  return LXW_NO_ERROR;
}

}  // namespace

Result<std::string> workbookXlsx(const std::vector<WorkbookSheet>& sheets) {
  // libxlsxwriter 1.1 writes to a file only: a private temporary file, read back and removed.
  char path[] = "/tmp/anlan-workbook-XXXXXX";
  int fd = ::mkstemp(path);
  if (fd < 0) return Error::internal("cannot create a temporary file for the workbook");
  ::close(fd);
  lxw_workbook_options options{};
  options.tmpdir = const_cast<char*>("/tmp");
  lxw_workbook* wb = workbook_new_opt(path, &options);
  if (!wb) {
    std::remove(path);
    return Error::internal("cannot start the workbook");
  }
  Formats fm{format(wb, 16, true, false, true, false), format(wb, 11, false, false, false, false),
             format(wb, 10, true, true, true, true), format(wb, 10, false, true, false, true),
             format(wb, 10, false, true, true, false)};
  lxw_error err = LXW_NO_ERROR;
  for (const auto& s : sheets) {
    if ((err = writeSheet(wb, fm, s))) break;
  }
  lxw_error closed = workbook_close(wb);
  if (err == LXW_NO_ERROR) err = closed;
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

}  // namespace anlan

#include "support/xlsx.h"

#include <zlib.h>

namespace anlan::test {
namespace {

std::string unescape(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out += s[i];
      continue;
    }
    std::size_t semi = s.find(';', i);
    std::string ent = s.substr(i + 1, semi - i - 1);
    if (ent == "amp")
      out += '&';
    else if (ent == "lt")
      out += '<';
    else if (ent == "gt")
      out += '>';
    else if (ent == "quot")
      out += '"';
    else if (ent == "apos")
      out += '\'';
    else
      out += "&" + ent + ";";
    i = semi;
  }
  return out;
}

// The concatenated text of every <t …>…</t> in `xml`.
std::string texts(const std::string& xml) {
  std::string out;
  for (std::size_t at = 0; (at = xml.find("<t", at)) != std::string::npos;) {
    char next = xml[at + 2];
    if (next != '>' && next != ' ') {
      at += 2;
      continue;
    }
    std::size_t open = xml.find('>', at);
    if (xml[open - 1] == '/') {  // <t/>
      at = open;
      continue;
    }
    std::size_t close = xml.find("</t>", open);
    out += unescape(xml.substr(open + 1, close - open - 1));
    at = close;
  }
  return out;
}

std::vector<std::string> sharedStrings(const std::string& xlsx) {
  std::vector<std::string> out;
  std::string xml = zipEntry(xlsx, "xl/sharedStrings.xml");
  for (std::size_t at = 0; (at = xml.find("<si>", at)) != std::string::npos;) {
    std::size_t end = xml.find("</si>", at);
    out.push_back(texts(xml.substr(at, end - at)));
    at = end;
  }
  return out;
}

std::string attr(const std::string& tag, const std::string& name) {
  std::size_t at = tag.find(" " + name + "=\"");
  if (at == std::string::npos) return "";
  at += name.size() + 3;
  return tag.substr(at, tag.find('"', at) - at);
}

}  // namespace

std::string zipEntry(const std::string& zip, const std::string& name) {
  auto u16 = [&](std::size_t at) {
    return static_cast<unsigned>(static_cast<unsigned char>(zip[at])) |
           static_cast<unsigned>(static_cast<unsigned char>(zip[at + 1])) << 8;
  };
  auto u32 = [&](std::size_t at) { return u16(at) | u16(at + 2) << 16; };
  std::size_t end = zip.rfind(std::string("PK\x05\x06", 4));
  if (end == std::string::npos) return "";
  std::size_t at = u32(end + 16);
  for (unsigned i = 0, n = u16(end + 10); i < n; ++i) {
    unsigned method = u16(at + 10), csize = u32(at + 20), usize = u32(at + 24);
    unsigned nlen = u16(at + 28), xlen = u16(at + 30), clen = u16(at + 32), local = u32(at + 42);
    if (zip.compare(at + 46, nlen, name) == 0) {
      std::size_t data = local + 30 + u16(local + 26) + u16(local + 28);
      if (method == 0) return zip.substr(data, csize);
      std::string out(usize, '\0');
      z_stream z{};
      inflateInit2(&z, -MAX_WBITS);  // raw deflate
      z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(zip.data() + data));
      z.avail_in = csize;
      z.next_out = reinterpret_cast<Bytef*>(out.data());
      z.avail_out = usize;
      int rc = inflate(&z, Z_FINISH);
      inflateEnd(&z);
      return rc == Z_STREAM_END ? out : "";
    }
    at += 46 + nlen + xlen + clen;
  }
  return "";
}

std::vector<std::string> xlsxSheetNames(const std::string& xlsx) {
  std::vector<std::string> out;
  std::string xml = zipEntry(xlsx, "xl/workbook.xml");
  for (std::size_t at = 0; (at = xml.find("<sheet ", at)) != std::string::npos;) {
    std::size_t end = xml.find('>', at);
    out.push_back(unescape(attr(xml.substr(at, end - at), "name")));
    at = end;
  }
  return out;
}

std::string xlsxSheetXml(const std::string& xlsx, int n) {
  return zipEntry(xlsx, "xl/worksheets/sheet" + std::to_string(n + 1) + ".xml");
}

std::vector<std::vector<std::string>> xlsxSheet(const std::string& xlsx, int n) {
  std::vector<std::string> shared = sharedStrings(xlsx);
  std::string xml = xlsxSheetXml(xlsx, n);
  std::vector<std::vector<std::string>> rows;
  for (std::size_t at = 0; (at = xml.find("<c ", at)) != std::string::npos;) {
    std::size_t tag_end = xml.find('>', at);
    std::string tag = xml.substr(at, tag_end - at + 1);
    std::string ref = attr(tag, "r"), type = attr(tag, "t");
    std::size_t col = 0, i = 0;
    while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z') col = col * 26 + (ref[i++] - 'A' + 1);
    std::size_t row = std::stoul(ref.substr(i)) - 1;
    --col;
    std::string value;
    if (tag[tag.size() - 2] != '/') {
      std::size_t close = xml.find("</c>", tag_end);
      std::string inner = xml.substr(tag_end + 1, close - tag_end - 1);
      if (type == "s") {
        std::size_t v = inner.find("<v>");
        std::size_t k = std::stoul(inner.substr(v + 3, inner.find("</v>") - v - 3));
        value = k < shared.size() ? shared[k] : "";
      } else if (type == "inlineStr") {
        value = texts(inner);
      } else if (std::size_t v = inner.find("<v>"); v != std::string::npos) {
        value = unescape(inner.substr(v + 3, inner.find("</v>") - v - 3));
      }
      at = close;
    } else {
      at = tag_end;
    }
    if (rows.size() <= row) rows.resize(row + 1);
    if (rows[row].size() <= col) rows[row].resize(col + 1);
    rows[row][col] = value;
  }
  return rows;
}

std::string xlsxText(const std::string& xlsx) {
  std::string out;
  auto names = xlsxSheetNames(xlsx);
  for (std::size_t n = 0; n < names.size(); ++n) {
    for (const auto& row : xlsxSheet(xlsx, static_cast<int>(n))) {
      for (const auto& cell : row) out += cell + "\t";
      out += "\n";
    }
  }
  return out;
}

}  // namespace anlan::test

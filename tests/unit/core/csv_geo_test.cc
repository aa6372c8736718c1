#include <gtest/gtest.h>
#include <zlib.h>

#include <boost/json/parse.hpp>

#include "core/csv.h"
#include "core/geo.h"
#include "core/table_export.h"

namespace anlan {
namespace {

TEST(Csv, ParsesQuotesNewlinesBomAndCrlf) {
  auto r = csv::parse(
      "\xEF\xBB\xBFname,note\r\n\"衡阳, 湖南\",\"say \"\"hi\"\"\nthere\"\r\nplain,\r\n\r\n");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->size(), 3u);
  EXPECT_EQ((*r)[0][0], "name");
  EXPECT_EQ((*r)[1][0], "衡阳, 湖南");
  EXPECT_EQ((*r)[1][1], "say \"hi\"\nthere");
  EXPECT_EQ((*r)[2].size(), 2u);
  EXPECT_EQ((*r)[2][1], "");
}

TEST(Csv, UnterminatedQuoteNamesItsLine) {
  auto r = csv::parse("a,b\n1,\"open\n2,3\n");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("line 2"), std::string::npos);
}

TEST(Csv, WritingRoundTrips) {
  std::string out;
  csv::append(out, {"a,b", "q\"uote", "=SUM(A1)", "-5", " padded", "plain"});
  EXPECT_EQ(out, "\"a,b\",\"q\"\"uote\",=SUM(A1),-5,\" padded\",plain\r\n");  // as they are
  auto back = csv::parse(out);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ((*back)[0], (csv::Record{"a,b", "q\"uote", "=SUM(A1)", "-5", " padded", "plain"}));
}

TEST(Csv, TextThatIsNotUtf8OrHoldsControlCharactersIsRefusedNamingTheLine) {
  auto gbk = csv::parse("name,address\n\xBA\xE2\xD1\xF4,x\n");  // 衡阳 saved as GBK
  ASSERT_FALSE(gbk.ok());
  EXPECT_EQ(gbk.error().field, "file");
  EXPECT_NE(gbk.error().message.find("line 2"), std::string::npos) << gbk.error().message;
  auto nul = csv::parse(std::string("name\n\"a\nb\"\nc\0d\n", 15));
  ASSERT_FALSE(nul.ok());
  EXPECT_NE(nul.error().message.find("line 4"), std::string::npos) << nul.error().message;
  EXPECT_NE(nul.error().message.find("NUL"), std::string::npos);
  EXPECT_FALSE(csv::parse("a,\x1B[2J\n").ok());
  EXPECT_TRUE(csv::parse("名称,备注\r\n衡阳,\"一\r\n二\"\t\r\n").ok());
}

TEST(Geo, GcjRoundTripIsWithinACentimetre) {
  geo::LonLat wgs{112.5719, 26.8934};  // central Hengyang
  geo::LonLat gcj = geo::wgsToGcj(wgs);
  EXPECT_GT(std::abs(gcj.lon - wgs.lon) + std::abs(gcj.lat - wgs.lat),
            0.002);  // hundreds of metres
  geo::LonLat back = geo::gcjToWgs(gcj);
  EXPECT_NEAR(back.lon, wgs.lon, 1e-7);
  EXPECT_NEAR(back.lat, wgs.lat, 1e-7);
}

TEST(Geo, PointInPolygonWithHole) {
  auto g = boost::json::parse(
      R"({"type":"Polygon","coordinates":[[[0,0],[10,0],[10,10],[0,10],[0,0]],[[4,4],[6,4],[6,6],[4,6],[4,4]]]})");
  auto area = geo::parseGeometry(g);
  ASSERT_TRUE(area.ok());
  EXPECT_TRUE(geo::contains(*area, {1, 1}));
  EXPECT_FALSE(geo::contains(*area, {5, 5}));  // in the hole
  EXPECT_FALSE(geo::contains(*area, {11, 5}));
  EXPECT_FALSE(
      geo::parseGeometry(boost::json::parse(R"({"type":"Point","coordinates":[1,2]})")).ok());
  EXPECT_FALSE(
      geo::parseGeometry(boost::json::parse(R"({"type":"Polygon","coordinates":[[[0,0],[1,1]]]})"))
          .ok());
  EXPECT_FALSE(
      geo::parseGeometry(boost::json::parse(R"({"type":"MultiPolygon","coordinates":[]})")).ok());
  EXPECT_FALSE(
      geo::parseGeometry(boost::json::parse(R"({"type":"Polygon","coordinates":[]})")).ok());
}

TEST(TableExport, CsvHasBomAndXlsxIsAZip) {
  std::string c = tableCsv({"名称", "代码"}, {{"衡阳化工", "0123"}});
  EXPECT_EQ(c.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_NE(c.find("衡阳化工,0123"), std::string::npos);
  auto x = tableXlsx("sheet", {"名称"}, {{"衡阳化工"}});
  ASSERT_TRUE(x.ok());
  EXPECT_EQ(x->substr(0, 2), "PK");
  EXPECT_GT(x->size(), 1000u);
}

TEST(TableExport, FormulaLikeTextIsDefusedAndNumbersStayNumbers) {
  for (std::string f : {"=1+1", "+1+1", "-1+1", "@SUM(A1)", "-2+3+cmd|' /C calc'!A0", "\tx", "\r=1",
                        "-", "+", "=", "-5x", "--5", "-.5", "-5.", "+86 0734 8888888"}) {
    EXPECT_TRUE(looksLikeFormula(f)) << f;
  }
  for (std::string f :
       {"", "-5", "+3", "-3.25", "0734-8888888", "42", "a=1", " =1", "衡阳", "'=1"}) {
    EXPECT_FALSE(looksLikeFormula(f)) << f;
  }
  std::string c = tableCsv({"名称", "备注"}, {{"-2+3+cmd|' /C calc'!A0", "-5"},
                                              {"=HYPERLINK(\"http://x\",\"点击\")", "@A1"},
                                              {"\tTAB", "\rCR"}});
  EXPECT_NE(c.find("\"'-2+3+cmd|' /C calc'!A0\",-5\r\n"), std::string::npos) << c;
  EXPECT_NE(c.find("\"'=HYPERLINK(\"\"http://x\"\",\"\"点击\"\")\",\"'@A1\"\r\n"),
            std::string::npos)
      << c;
  EXPECT_NE(c.find("\"'\tTAB\",\"'\rCR\"\r\n"), std::string::npos) << c;
  // Read back, every defused cell is the text with one leading quote: nothing lost.
  auto rows = csv::parse(c).value();
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[1][0], "'-2+3+cmd|' /C calc'!A0");
  EXPECT_EQ(rows[1][1], "-5");
  EXPECT_EQ(rows[3][1], "'\rCR");
}

// The uncompressed entry `name` of the zip archive `zip` (through its central directory).
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

TEST(TableExport, XlsxWritesFormulaLikeTextAsTextCells) {
  auto x =
      tableXlsx("hazards", {"名称", "备注"}, {{"=1+1", "-5"}, {"-2+3+cmd|' /C calc'!A0", "@A1"}});
  ASSERT_TRUE(x.ok());
  std::string sheet = zipEntry(*x, "xl/worksheets/sheet1.xml");
  ASSERT_FALSE(sheet.empty());
  EXPECT_EQ(sheet.find("<f>"), std::string::npos) << sheet;  // no formula anywhere
  EXPECT_EQ(sheet.find("<f "), std::string::npos) << sheet;
  // Each value is a string cell holding exactly the text (no quote prefix is needed there).
  EXPECT_NE(sheet.find("<t>=1+1</t>"), std::string::npos) << sheet;
  EXPECT_NE(sheet.find("<t>-5</t>"), std::string::npos) << sheet;
  EXPECT_NE(sheet.find("<t>@A1</t>"), std::string::npos) << sheet;
  EXPECT_NE(sheet.find("t=\"inlineStr\""), std::string::npos) << sheet;
}

}  // namespace
}  // namespace anlan

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "core/csv.h"
#include "core/geo.h"
#include "core/table_export.h"

namespace anlan {
namespace {

TEST(Csv, ParsesQuotesNewlinesBomAndCrlf) {
  auto r = csv::parse("\xEF\xBB\xBFname,note\r\n\"衡阳, 湖南\",\"say \"\"hi\"\"\nthere\"\r\nplain,\r\n\r\n");
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

TEST(Csv, WritingRoundTripsAndDefusesFormulas) {
  std::string out;
  csv::append(out, {"a,b", "q\"uote", "=SUM(A1)", "-5", "plain"});
  EXPECT_EQ(out, "\"a,b\",\"q\"\"uote\",\"'=SUM(A1)\",-5,plain\r\n");
  auto back = csv::parse(out);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ((*back)[0][0], "a,b");
  EXPECT_EQ((*back)[0][1], "q\"uote");
}

TEST(Geo, GcjRoundTripIsWithinACentimetre) {
  geo::LonLat wgs{112.5719, 26.8934};  // central Hengyang
  geo::LonLat gcj = geo::wgsToGcj(wgs);
  EXPECT_GT(std::abs(gcj.lon - wgs.lon) + std::abs(gcj.lat - wgs.lat), 0.002);  // hundreds of metres
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
  EXPECT_FALSE(geo::parseGeometry(boost::json::parse(R"({"type":"Point","coordinates":[1,2]})")).ok());
  EXPECT_FALSE(geo::parseGeometry(boost::json::parse(R"({"type":"Polygon","coordinates":[[[0,0],[1,1]]]})")).ok());
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

}  // namespace
}  // namespace anlan

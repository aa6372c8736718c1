// The enterprise register end to end: validation, optimistic versions, visibility by role,
// keyset paging, export of exactly the filtered rows, and all-or-nothing CSV import.
#include <gtest/gtest.h>

#include <set>

#include "core/csv.h"
#include "core/geo.h"
#include "core/text.h"
#include "support/test_app.h"

namespace anlan::test {
namespace {

namespace bj = boost::json;

std::string firmJson(const std::string& code, const std::string& jurisdiction = "430426",
                     const std::string& extra = "") {
  return R"({"name":"祁东县测试化工有限公司","credit_code":")" + code +
         R"(","sectors":["hazardous_chemicals"],"jurisdiction":")" + jurisdiction +
         R"(","address":"祁东县洪桥街道1号","risk_color":"orange","size":"medium")" + extra + "}";
}

class Enterprises : public ::testing::Test {
 protected:
  TestApp t;
  std::string admin = t.login("admin");
};

TEST_F(Enterprises, AWrongCreditCodeIsRefusedAtItsFieldAndChangesNothing) {
  std::string good = creditCode("430426", 1);
  std::string bad = good;
  bad[17] = bad[17] == 'A' ? 'B' : 'A';
  auto before = t.client().get("/api/v1/enterprises?limit=500&jurisdiction=430426", admin).json();
  auto r = t.client().post("/api/v1/enterprises", firmJson(bad), admin);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.errorField(), "credit_code");
  auto after = t.client().get("/api/v1/enterprises?limit=500&jurisdiction=430426", admin).json();
  EXPECT_EQ(before.at("items").as_array().size(), after.at("items").as_array().size());
  auto ok = t.client().post("/api/v1/enterprises", firmJson(good), admin);
  ASSERT_EQ(ok.status, 201) << ok.body;
  auto dup = t.client().post("/api/v1/enterprises", firmJson(good), admin);
  EXPECT_EQ(dup.status, 409);
  EXPECT_EQ(dup.errorField(), "credit_code");
}

TEST_F(Enterprises, FieldErrorsNameTheField) {
  auto code = creditCode("430426", 2);
  EXPECT_EQ(t.client()
                .post("/api/v1/enterprises",
                      firmJson(code, "430407", R"(,"location":{"lon":112.09,"lat":26.80})"), admin)
                .errorField(),
            "location");  // a point in 祁东县 for a 石鼓区 firm
  EXPECT_EQ(t.client().post("/api/v1/enterprises", firmJson(code, "999999"), admin).errorField(),
            "jurisdiction");
  EXPECT_EQ(
      t.client()
          .post("/api/v1/enterprises", firmJson(code, "430426", R"(,"risk_color":"purple")"), admin)
          .errorField(),
      "risk_color");
  auto noSector =
      R"({"name":"x","credit_code":")" + code + R"(","sectors":[],"jurisdiction":"430426"})";
  EXPECT_EQ(t.client().post("/api/v1/enterprises", noSector, admin).errorField(), "sectors");
  auto inside = t.client().post(
      "/api/v1/enterprises",
      firmJson(code, "430426200", R"(,"location":{"lon":112.09,"lat":26.80})"), admin);
  EXPECT_EQ(inside.status, 201) << inside.body;  // a township of 祁东县, located inside it
}

TEST_F(Enterprises, VersionsDeactivationAndAudit) {
  auto made =
      t.client().post("/api/v1/enterprises", firmJson(creditCode("430426", 3)), admin).json();
  std::string path = "/api/v1/enterprises/" + std::to_string(made.at("id").as_int64());
  auto r = t.client().patch(path, R"({"version":1,"risk_color":"red"})", admin);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json().at("version").as_int64(), 2);
  EXPECT_EQ(t.client().patch(path, R"({"version":1,"risk_color":"blue"})", admin).status, 409);
  EXPECT_EQ(t.client().patch(path, R"({"version":2,"colour":"blue"})", admin).errorField(),
            "colour");
  ASSERT_EQ(t.client().patch(path, R"({"version":2,"active":false})", admin).status, 200);
  auto now = t.client().get(path, admin).json();
  EXPECT_EQ(now.at("risk_color").as_string(), "red");
  EXPECT_FALSE(now.at("active").as_bool());  // still there: never deleted
  auto inactive = t.client().get("/api/v1/enterprises?active=false&limit=500", admin).json();
  std::set<std::int64_t> ids;
  for (const auto& e : inactive.at("items").as_array()) ids.insert(e.at("id").as_int64());
  EXPECT_TRUE(ids.count(made.at("id").as_int64()));
  auto audit = t.client()
                   .get("/api/v1/audit?entity=enterprise&entity_id=" +
                            std::to_string(made.at("id").as_int64()),
                        admin)
                   .json();
  ASSERT_EQ(audit.at("items").as_array().size(), 3u);
  EXPECT_EQ(audit.at("items").as_array()[0].at("action").as_string(), "deactivate");
}

TEST_F(Enterprises, EachRoleSeesItsOwn) {
  std::int64_t chem = t.addEnterprise("430407", "hazardous_chemicals");
  std::int64_t site = t.addEnterprise("430407", "construction", "石鼓区测试建筑有限公司");
  // The city department of emergency management leads hazardous chemicals, not construction.
  std::string dept = t.login("dept-yjj");
  EXPECT_EQ(t.client().get("/api/v1/enterprises/" + std::to_string(chem), dept).status, 200);
  EXPECT_EQ(t.client().get("/api/v1/enterprises/" + std::to_string(site), dept).status, 404);
  auto list = t.client().get("/api/v1/enterprises?limit=500&sector=construction", dept).json();
  EXPECT_TRUE(list.at("items").as_array().empty());
  // The enterprise officer sees exactly their own enterprise.
  std::string ent = t.login("ent-430426");
  auto mine = t.client().get("/api/v1/enterprises?limit=500", ent).json();
  ASSERT_EQ(mine.at("items").as_array().size(), 1u);
  EXPECT_EQ(t.client().get("/api/v1/enterprises/" + std::to_string(chem), ent).status, 404);
  // A county duty officer reads their county only and changes nothing.
  std::string duty = t.login("duty-430426");
  EXPECT_EQ(t.client().get("/api/v1/enterprises/" + std::to_string(chem), duty).status, 404);
  EXPECT_EQ(t.client().post("/api/v1/enterprises", firmJson(creditCode("430426", 4)), duty).status,
            403);
}

TEST_F(Enterprises, KeysetPagingVisitsEveryRowOnceInEachSort) {
  auto all = t.client().get("/api/v1/enterprises?limit=500", admin).json();
  std::size_t total = all.at("items").as_array().size();
  ASSERT_GT(total, 300u);  // the demo register
  for (std::string sort : {"id", "name", "-updated_at"}) {
    std::set<std::int64_t> seen;
    std::string cursor, last_name;
    for (int pages = 0; pages < 100; ++pages) {
      auto r = t.client().get(
          "/api/v1/enterprises?limit=37&sort=" + sort + (cursor.empty() ? "" : "&cursor=" + cursor),
          admin);
      ASSERT_EQ(r.status, 200) << r.body;
      auto page = r.json();
      for (const auto& e : page.at("items").as_array()) {
        EXPECT_TRUE(seen.insert(e.at("id").as_int64()).second) << sort;
        if (sort == "name") {
          std::string name(e.at("name").as_string());
          EXPECT_LE(last_name, name);
          last_name = name;
        }
      }
      if (page.at("next_cursor").is_null()) break;
      cursor = std::string(page.at("next_cursor").as_string());
    }
    EXPECT_EQ(seen.size(), total) << sort;
  }
  EXPECT_EQ(t.client().get("/api/v1/enterprises?cursor=!!", admin).errorField(), "cursor");
  EXPECT_EQ(t.client().get("/api/v1/enterprises?sort=colour", admin).errorField(), "sort");
}

TEST_F(Enterprises, TextSearchFindsChineseNames) {
  t.addEnterprise("430426", "gas", "祁东县独一无二燃气有限公司");
  auto r = t.client()
               .get("/api/v1/enterprises?q=%E7%8B%AC%E4%B8%80%E6%97%A0%E4%BA%8C", admin)
               .json();  // 独一无二
  ASSERT_EQ(r.at("items").as_array().size(), 1u);
  EXPECT_EQ(r.at("items").as_array()[0].at("name").as_string(), "祁东县独一无二燃气有限公司");
  auto none =
      t.client().get("/api/v1/enterprises?q=%25", admin).json();  // "%" is literal, not a wildcard
  EXPECT_TRUE(none.at("items").as_array().empty());
}

TEST_F(Enterprises, ExportReturnsExactlyTheFilteredRows) {
  std::string filter = "jurisdiction=430426&risk_color=blue";
  std::set<std::string> listed;
  std::string cursor;
  for (;;) {
    auto page = t.client()
                    .get("/api/v1/enterprises?limit=10&" + filter +
                             (cursor.empty() ? "" : "&cursor=" + cursor),
                         admin)
                    .json();
    for (const auto& e : page.at("items").as_array())
      listed.insert(std::string(e.at("credit_code").as_string()));
    if (page.at("next_cursor").is_null()) break;
    cursor = std::string(page.at("next_cursor").as_string());
  }
  ASSERT_FALSE(listed.empty());
  auto csv = t.client().get("/api/v1/enterprises?format=csv&" + filter, admin);
  ASSERT_EQ(csv.status, 200);
  EXPECT_NE(csv.headers["content-disposition"].find(".csv"), std::string::npos);
  auto rows = csv::parse(csv.body);
  ASSERT_TRUE(rows.ok());
  std::set<std::string> exported;
  // As people read it: Chinese headers, names, not codes.
  EXPECT_EQ((*rows)[0][0], "企业名称");
  EXPECT_EQ((*rows)[0][7], "风险等级");
  for (std::size_t i = 1; i < rows->size(); ++i) {
    exported.insert((*rows)[i][1]);
    EXPECT_EQ((*rows)[i][7], "低风险");
    EXPECT_EQ((*rows)[i][3].rfind("祁东县", 0), 0u) << (*rows)[i][3];
  }
  EXPECT_EQ(exported, listed);
  // With codes, for machines.
  auto coded =
      csv::parse(t.client().get("/api/v1/enterprises?format=csv&codes=true&" + filter, admin).body);
  ASSERT_TRUE(coded.ok());
  EXPECT_EQ((*coded)[0][0], "name");
  for (std::size_t i = 1; i < coded->size(); ++i) {
    EXPECT_EQ((*coded)[i][7], "blue");
    EXPECT_EQ((*coded)[i][3].substr(0, 6), "430426");
  }
  EXPECT_EQ(coded->size(), rows->size());
  auto xlsx = t.client().get("/api/v1/enterprises?format=xlsx&" + filter, admin);
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
  EXPECT_NE(xlsx.headers["content-type"].find("spreadsheetml"), std::string::npos);
  EXPECT_EQ(t.client().get("/api/v1/enterprises?format=pdf", admin).errorField(), "format");
}

std::string importFile(int rows, int bad_at) {
  std::string out =
      "name,credit_code,sectors,jurisdiction,address,lon,lat,risk_color,size,contact_name,contact_"
      "phone,major_hazard_installations\n";
  for (int i = 1; i <= rows; ++i) {
    std::string code = creditCode("430424", 100000 + i);
    if (i == bad_at) code[17] = code[17] == 'A' ? 'B' : 'A';
    out += "衡东县导入企业" + std::to_string(i) + "," + code +
           ",industry_trade|fire,430424,衡东县城关镇" + std::to_string(i) +
           "号,,,yellow,small,张三,0734-5550000,0\n";
  }
  return out;
}

TEST_F(Enterprises, MessagesComeInTheLanguageTheClientAsksFor) {
  auto as = [&](const char* lang) {
    std::map<std::string, std::string> h{{"Authorization", "Bearer " + admin}};
    if (*lang) h["Accept-Language"] = lang;
    return h;
  };
  std::string outside =
      R"({"name":"语言测试企业","credit_code":")" + creditCode("430426", 777001) +
      R"(","sectors":["fire"],"jurisdiction":"430426","location":{"lon":116.4,"lat":39.9}})";
  auto zh = t.client().request("POST", "/api/v1/enterprises", outside, as("zh-CN,zh;q=0.9"));
  ASSERT_EQ(zh.status, 400) << zh.body;
  EXPECT_EQ(zh.errorField(), "location");  // the field stays the machine's name
  EXPECT_EQ(std::string(zh.json().at("error").at("message").as_string()), "该位置在衡阳市以外");
  auto en = t.client().request("POST", "/api/v1/enterprises", outside, as("en-GB"));
  EXPECT_EQ(std::string(en.json().at("error").at("message").as_string()),
            "the location lies outside Hengyang");
  auto plain = t.client().request("POST", "/api/v1/enterprises", outside, as(""));
  EXPECT_EQ(plain.body, en.body);  // no header: English, for machines and scripts

  // A hole's field name is said in Chinese too; a 404 and a 401 as well.
  auto missing =
      t.client().request("POST", "/api/v1/enterprises", R"({"credit_code":"x"})", as("zh-CN"));
  EXPECT_EQ(std::string(missing.json().at("error").at("message").as_string()), "请填写名称");
  auto none = t.client().request("GET", "/api/v1/enterprises/999999", "", as("zh-CN"));
  EXPECT_EQ(std::string(none.json().at("error").at("message").as_string()), "企业不存在");
  auto anon = t.client().request("GET", "/api/v1/enterprises", "", {{"Accept-Language", "zh"}});
  EXPECT_EQ(anon.status, 401);
  EXPECT_TRUE(text::validUtf8(anon.body));
  EXPECT_EQ(anon.json().at("error").at("message").as_string().find("not signed in"),
            std::string::npos)
      << anon.body;

  // An import report names each row's problem in Chinese, nothing imported.
  auto report =
      t.client().request("POST", "/api/v1/enterprises/import", importFile(3, 2), as("zh-CN"));
  ASSERT_EQ(report.status, 422) << report.body;
  auto problem = std::string(report.json().at("errors").at(0).at("problem").as_string());
  EXPECT_EQ(problem.rfind("校验码不符：最后一位应为 ", 0), 0u) << problem;
  EXPECT_EQ(std::string(report.json().at("error").at("message").as_string()),
            "1 行有问题，未导入任何数据");
}

TEST_F(Enterprises, AnExportAsPeopleReadItImportsBackAsTheSameEnterprise) {
  std::string filter = "jurisdiction=430426&limit=1";
  auto first = csv::parse(t.client().get("/api/v1/enterprises?format=csv&" + filter, admin).body);
  ASSERT_TRUE(first.ok());
  ASSERT_GE(first->size(), 2u);
  csv::Record header = (*first)[0], row = (*first)[1];
  // The same enterprise under another name and credit code, every other cell as exported.
  row[0] = "往返导入测试企业";
  row[1] = creditCode("430426", 555001);
  std::string file = "\xEF\xBB\xBF";  // the byte-order mark the export writes
  csv::append(file, header);
  csv::append(file, row);
  auto imported = t.client().post("/api/v1/enterprises/import", file, admin);
  ASSERT_EQ(imported.status, 200) << imported.body;
  EXPECT_EQ(imported.json().at("imported").as_int64(), 1);
  auto again =
      csv::parse(t.client().get("/api/v1/enterprises?format=csv&q=%E5%BE%80%E8%BF%94", admin).body);
  ASSERT_TRUE(again.ok());
  ASSERT_EQ(again->size(), 2u);
  for (std::size_t i = 2; i < 12; ++i) EXPECT_EQ((*again)[1][i], row[i]) << header[i];
  // The template has the same Chinese headers.
  auto tpl = t.client().get("/api/v1/enterprises/import-template", admin);
  ASSERT_EQ(tpl.status, 200);
  auto tpl_rows = csv::parse(tpl.body);
  ASSERT_TRUE(tpl_rows.ok());
  ASSERT_EQ(tpl_rows->size(), 2u);
  EXPECT_EQ((*tpl_rows)[0], csv::Record(header.begin(), header.begin() + 12));
  EXPECT_EQ((*tpl_rows)[1][3], "祁东县");  // an example row, in names
  // Imported as it is, the example is a valid enterprise.
  auto dry = t.client().post("/api/v1/enterprises/import?dry_run=true", tpl.body, admin);
  EXPECT_EQ(dry.status, 200) << dry.body;
}

TEST_F(Enterprises, ImportIsAllOrNothingAndNamesTheBadRow) {
  auto count = [&] {
    return t.client()
        .get("/api/v1/enterprises?limit=500&jurisdiction=430424", admin)
        .json()
        .at("items")
        .as_array()
        .size();
  };
  std::size_t before = count();
  auto r = t.client().post("/api/v1/enterprises/import", importFile(1000, 617), admin);
  ASSERT_EQ(r.status, 422) << r.body.substr(0, 500);
  auto report = r.json();
  EXPECT_EQ(report.at("total").as_int64(), 1000);
  EXPECT_EQ(report.at("imported").as_int64(), 0);
  ASSERT_EQ(report.at("errors").as_array().size(), 1u);
  EXPECT_EQ(report.at("errors").as_array()[0].at("row").as_int64(),
            618);  // line 618: the header is line 1
  EXPECT_EQ(report.at("errors").as_array()[0].at("field").as_string(), "credit_code");
  EXPECT_EQ(count(), before);

  auto dry =
      t.client().post("/api/v1/enterprises/import?dry_run=1", importFile(1000, 0), admin).json();
  EXPECT_EQ(dry.at("imported").as_int64(), 0);
  EXPECT_TRUE(dry.at("errors").as_array().empty());
  EXPECT_EQ(count(), before);

  auto ok = t.client().post("/api/v1/enterprises/import", importFile(1000, 0), admin);
  ASSERT_EQ(ok.status, 200) << ok.body.substr(0, 500);
  EXPECT_EQ(ok.json().at("imported").as_int64(), 1000);
  auto again = t.client().post("/api/v1/enterprises/import", importFile(3, 0), admin).json();
  EXPECT_EQ(again.at("errors").as_array().size(), 3u);  // already registered
  EXPECT_NE(std::string(again.at("errors").as_array()[0].at("problem").as_string()).find("already"),
            std::string::npos);
  EXPECT_EQ(t.client().post("/api/v1/enterprises/import", "nme,credit_code\n", admin).errorField(),
            "file");
}

TEST_F(Enterprises, FiguresRollTownshipsUpToTheirUnit) {
  auto figures = t.client().get("/api/v1/enterprises/figures", admin).json();
  std::int64_t sum = 0;
  for (const auto& f : figures.at("items").as_array()) {
    std::string j(f.at("jurisdiction").as_string());
    EXPECT_EQ(j.size(), 6u) << j;  // no township codes
    EXPECT_EQ(f.at("total").as_int64(), f.at("red").as_int64() + f.at("orange").as_int64() +
                                            f.at("yellow").as_int64() + f.at("blue").as_int64());
    sum += f.at("total").as_int64();
  }
  EXPECT_EQ(sum, 360);  // every active demo enterprise
  std::string duty = t.login("duty-430426");
  auto own = t.client().get("/api/v1/enterprises/figures", duty).json();
  ASSERT_EQ(own.at("items").as_array().size(), 1u);
  EXPECT_EQ(own.at("items").as_array()[0].at("jurisdiction").as_string(), "430426");
}

TEST_F(Enterprises, MapUnitsAndReferenceLists) {
  auto units = t.client().get("/api/v1/map/units", admin).json();
  // The 12 units by their boundaries, and the 3 parks as points inside their host districts.
  ASSERT_EQ(units.at("features").as_array().size(), 15u);
  int parks = 0;
  for (const auto& f : units.at("features").as_array()) {
    const auto& props = f.at("properties").as_object();
    if (props.at("level").as_string() != "park") {
      EXPECT_NE(f.at("geometry").at("type").as_string(), "Point");
      continue;
    }
    ++parks;
    const auto& where = f.at("geometry").at("coordinates").as_array();
    ASSERT_EQ(f.at("geometry").at("type").as_string(), "Point");
    auto at = t.client()
                  .get("/api/v1/map/locate?lon=" + std::to_string(where[0].as_double()) +
                           "&lat=" + std::to_string(where[1].as_double()),
                       admin)
                  .json();
    EXPECT_EQ(at.at("unit").at("code").as_string(), props.at("host").as_string())
        << props.at("name").as_string();
  }
  EXPECT_EQ(parks, 3);
  std::string park = t.login("duty-430472");
  auto hi_tech = t.client().get("/api/v1/map/units", park).json().at("features").as_array();
  ASSERT_EQ(hi_tech.size(), 1u);
  EXPECT_EQ(hi_tech[0].at("properties").at("code").as_string(), "430472");
  std::string duty = t.login("duty-430426");
  auto own = t.client().get("/api/v1/map/units", duty).json();
  ASSERT_EQ(own.at("features").as_array().size(), 1u);
  EXPECT_EQ(own.at("features").as_array()[0].at("properties").at("code").as_string(), "430426");
  auto one = t.client().get("/api/v1/jurisdictions/430426", duty).json();
  EXPECT_EQ(one.at("boundary").at("type").as_string(), "Polygon");
  EXPECT_EQ(one.at("command_center").at("name").as_string(), "祁东县应急指挥中心");
  EXPECT_TRUE(t.client()
                  .get("/api/v1/jurisdictions/430426200", duty)
                  .json()
                  .at("command_center")
                  .is_null());
  // Point-in-polygon lookup, also from GCJ-02 (a map app's coordinates).
  auto at = t.client().get("/api/v1/map/locate?lon=112.09&lat=26.80", admin).json();
  EXPECT_EQ(at.at("unit").at("code").as_string(), "430426");
  auto gcj = geo::wgsToGcj({112.09, 26.80});
  auto conv = t.client()
                  .get("/api/v1/map/locate?datum=gcj02&lon=" + std::to_string(gcj.lon) +
                           "&lat=" + std::to_string(gcj.lat),
                       admin)
                  .json();
  EXPECT_NEAR(conv.at("lon").as_double(), 112.09, 1e-5);
  EXPECT_EQ(conv.at("unit").at("code").as_string(), "430426");
  EXPECT_TRUE(
      t.client().get("/api/v1/map/locate?lon=113.5&lat=28.2", admin).json().at("unit").is_null());
  std::string shigu = t.login("duty-430407");
  EXPECT_TRUE(
      t.client().get("/api/v1/map/locate?lon=112.09&lat=26.80", shigu).json().at("unit").is_null());
  EXPECT_EQ(t.client().get("/api/v1/map/locate?lon=abc&lat=1", admin).errorField(), "lon");
  auto sectors = t.client().get("/api/v1/sectors", duty).json();
  EXPECT_GE(sectors.at("items").as_array().size(), 9u);
  auto deps = t.client().get("/api/v1/departments", duty).json();
  EXPECT_GE(deps.at("items").as_array().size(), 12u);
}

}  // namespace
}  // namespace anlan::test

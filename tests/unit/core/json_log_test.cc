#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>
#include <vector>

#include "core/json.h"
#include "core/log.h"

namespace anlan {
namespace {

TEST(Json, ParseErrorsNameTheBody) {
  auto r = json::parseObject("{\"a\":");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "body");
  EXPECT_EQ(r.error().code, Code::kInvalidArgument);
  auto arr = json::parseObject("[1,2]");
  ASSERT_FALSE(arr.ok());
  EXPECT_EQ(arr.error().field, "body");
}

TEST(Json, FieldGettersCheckTypesAndPresence) {
  auto o =
      json::parseObject(R"({"name":"x","n":3,"flag":true,"empty":"","long":"abcdef"})").value();
  EXPECT_EQ(json::requireString(o, "name").value(), "x");
  EXPECT_EQ(json::requireString(o, "missing").error().field, "missing");
  EXPECT_EQ(json::requireString(o, "empty").error().field, "empty");
  EXPECT_EQ(json::requireString(o, "n").error().field, "n");
  EXPECT_EQ(json::requireString(o, "long", 3).error().field, "long");
  EXPECT_EQ(json::requireInt(o, "n").value(), 3);
  EXPECT_EQ(json::requireInt(o, "name").error().field, "name");
  EXPECT_EQ(json::optionalBool(o, "flag").value(), std::optional<bool>(true));
  EXPECT_FALSE(json::optionalInt(o, "absent").value().has_value());
  auto only = json::onlyFields(o, {"name", "n"});
  ASSERT_FALSE(only.ok());
  EXPECT_EQ(only.error().field, "flag");
}

TEST(Json, InvalidUtf8AndUnpairedSurrogatesAreRefusedByTheParser) {
  // Boost.JSON checks UTF-8 itself; these must never reach a database.
  for (std::string text :
       {std::string("{\"q\":\"\xFF\xFE\"}"), std::string("{\"q\":\"\xC0\xAF\"}"),
        std::string("{\"q\":\"\xED\xA0\x80\"}"), std::string("{\"\xFF\":1}"),
        std::string("{\"q\":\"\\ud800\"}"), std::string("{\"q\":\"\\udc00x\"}")}) {
    auto r = json::parseObject(text);
    ASSERT_FALSE(r.ok()) << text;
    EXPECT_EQ(r.error().field, "body");
  }
  EXPECT_EQ(json::requireString(json::parseObject(R"({"q":"\ud83d\ude92"})").value(), "q").value(),
            "\xF0\x9F\x9A\x92");  // a proper surrogate pair is U+1F692
}

TEST(Json, NulAndControlCharactersInStringsAreRefusedNamingTheField) {
  auto o =
      json::parseObject(
          R"({"name":"衡阳\u0000化工","note":"一\n二\r\n\t三","esc":"\u001b[2J","del":"\u007f"})")
          .value();
  auto nul = json::requireString(o, "name");
  ASSERT_FALSE(nul.ok());
  EXPECT_EQ(nul.error().code, Code::kInvalidArgument);
  EXPECT_EQ(nul.error().field, "name");
  EXPECT_EQ(json::optionalString(o, "name").error().field, "name");
  EXPECT_EQ(json::optionalString(o, "note").value(), std::optional<std::string>("一\n二\r\n\t三"));
  EXPECT_EQ(json::optionalString(o, "esc").error().field, "esc");
  EXPECT_EQ(json::optionalString(o, "del").error().field, "del");
}

TEST(Json, NumbersTooLargeForADoubleAreRefused) {
  // Boost.JSON reads them as infinity and would write `Infinity` back, which is not JSON.
  for (const char* text :
       {R"({"location":{"lon":1e400,"lat":26.9}})", R"({"data":{"x":[1,-1e309]}})"}) {
    auto r = json::parseObject(text);
    ASSERT_FALSE(r.ok()) << text;
    EXPECT_EQ(r.error().field, "body");
  }
  EXPECT_TRUE(json::parseObject(R"({"x":1.7976931348623157e308,"y":-0.0,"z":5e-324})").ok());
}

TEST(Json, AnUnknownFieldWithAnEmptyNameNamesTheBody) {
  auto o = json::parseObject(R"({"":"a00","name":"x"})").value();
  auto only = json::onlyFields(o, {"name"});
  ASSERT_FALSE(only.ok());
  EXPECT_EQ(only.error().field, "body");
  auto typo = json::onlyFields(json::parseObject(R"({"nmae":1})").value(), {"name"});
  EXPECT_EQ(typo.error().field, "nmae");
}

std::vector<std::string>* g_lines = nullptr;

TEST(Log, LinesStayValidJsonWhateverTheMessage) {
  std::vector<std::string> lines;
  g_lines = &lines;
  log::setSink([](std::string_view l) { g_lines->emplace_back(l); });
  std::string nasty = "he said \"stop\"\nthen\tleft \\ 值班 \x01";
  log::warn(nasty, {{"field", nasty}});
  log::debug("below the level: not written");
  log::setSink(nullptr);
  ASSERT_EQ(lines.size(), 1u);
  boost::system::error_code ec;
  auto v = boost::json::parse(lines[0], ec);
  ASSERT_FALSE(ec) << lines[0];
  EXPECT_EQ(v.at("msg").as_string(), nasty);
  EXPECT_EQ(v.at("field").as_string(), nasty);
  EXPECT_EQ(v.at("level").as_string(), "warn");
  EXPECT_EQ(lines[0].find('\n'), std::string::npos);
}

TEST(Log, FieldsFollowTimeLevelAndMessageInTheirOrder) {
  std::vector<std::string> lines;
  g_lines = &lines;
  log::setSink([](std::string_view l) { g_lines->emplace_back(l); });
  log::info("access", {{"b", 1}, {"a", "x"}, {"msg", "a field cannot replace the message"}});
  log::info("bare");
  log::setSink(nullptr);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].substr(0, 7), R"({"ts":")");
  EXPECT_NE(lines[0].find(R"(Z","level":"info","msg":"access","b":1,"a":"x"})"), std::string::npos)
      << lines[0];
  EXPECT_NE(lines[1].find(R"(","level":"info","msg":"bare"})"), std::string::npos) << lines[1];
  EXPECT_TRUE(boost::json::parse(lines[1]).is_object());
}

}  // namespace
}  // namespace anlan

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
  auto o = json::parseObject(R"({"name":"x","n":3,"flag":true,"empty":"","long":"abcdef"})").value();
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

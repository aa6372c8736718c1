#include "core/messages.h"

#include <gtest/gtest.h>

#include <string>

namespace anlan::messages {
namespace {

Catalog parsed(std::string_view text) {
  auto c = Catalog::parse(text);
  EXPECT_TRUE(c.ok()) << (c.ok() ? "" : c.error().message);
  return c.ok() ? std::move(c).value() : Catalog{};
}

TEST(Messages, AcceptLanguageRanksByQualityThenOrder) {
  EXPECT_EQ(preferred(""), Language::kEnglish);
  EXPECT_EQ(preferred("zh-CN"), Language::kChinese);
  EXPECT_EQ(preferred("zh-Hans-CN,zh;q=0.9"), Language::kChinese);
  EXPECT_EQ(preferred("ZH-cn"), Language::kChinese);
  EXPECT_EQ(preferred("en-US,en;q=0.9,zh-CN;q=0.8"), Language::kEnglish);
  EXPECT_EQ(preferred("en;q=0.5, zh;q=0.8"), Language::kChinese);
  EXPECT_EQ(preferred("fr-FR,de;q=0.9"), Language::kEnglish);  // neither: English
  EXPECT_EQ(preferred("fr,zh;q=0.1"), Language::kChinese);     // the only one we speak
  EXPECT_EQ(preferred("zh;q=0,en"), Language::kEnglish);       // q=0 means "not this"
  EXPECT_EQ(preferred("zh;q=abc"), Language::kEnglish);        // unreadable q: not acceptable
  EXPECT_EQ(preferred("*"), Language::kEnglish);
  EXPECT_EQ(preferred(",,;;q=,"), Language::kEnglish);
}

TEST(Messages, ExactEntriesAndUnknownTextsPassThrough) {
  Catalog c = parsed("# a comment\n\nno such hazard\t隐患不存在\r\n");
  EXPECT_EQ(c.translate("no such hazard"), "隐患不存在");
  EXPECT_EQ(c.translate("no such notice"), "no such notice");
  EXPECT_TRUE(c.knows("no such hazard"));
  EXPECT_FALSE(c.knows("no such hazard "));
  EXPECT_EQ(c.size(), 1u);
}

TEST(Messages, HolesTakeTheirTextAndTermsAreTranslatedInThem) {
  Catalog c = parsed(
      "{} must lie in the future\t{}须晚于当前时间\n"
      "assignment.deadline\t交办整改期限\n"
      "a {} hazard that is {} cannot become {}\t{}隐患当前为“{}”，不能转为“{}”\n"
      "major\t重大\nrectifying\t整改中\nclosed_off\t已销号\n");
  EXPECT_EQ(c.translate("assignment.deadline must lie in the future"),
            "交办整改期限须晚于当前时间");
  // A hole that is no term keeps its text (user input, numbers).
  EXPECT_EQ(c.translate("2027-01-01 must lie in the future"), "2027-01-01须晚于当前时间");
  EXPECT_EQ(c.translate("a major hazard that is rectifying cannot become closed_off"),
            "重大隐患当前为“整改中”，不能转为“已销号”");
  // The text around the holes must all be there.
  EXPECT_EQ(c.translate("must lie in the future"), "must lie in the future");
  EXPECT_FALSE(c.knows("a major hazard that is rectifying"));
}

TEST(Messages, NumberedHolesReorder) {
  Catalog c = parsed("the row has {} fields; the header has {}\t表头有 {2} 列，该行有 {1} 列\n");
  EXPECT_EQ(c.translate("the row has 3 fields; the header has 5"), "表头有 5 列，该行有 3 列");
}

TEST(Messages, TheMostSpecificEntryWins) {
  Catalog c = parsed(
      "the file's content is not {} as its name says\t不是 {} 文件\n"
      "the file's content is not {} as its name says (it is {})\t不是 {} 文件（实际为 {}）\n"
      "the location lies outside {}\t不在{}范围内\n"
      "the location lies outside Hengyang\t在衡阳市以外\n");
  EXPECT_EQ(c.translate("the file's content is not image/jpeg as its name says (it is image/png)"),
            "不是 image/jpeg 文件（实际为 image/png）");
  EXPECT_EQ(c.translate("the file's content is not image/jpeg as its name says"),
            "不是 image/jpeg 文件");
  EXPECT_EQ(c.translate("the location lies outside Hengyang"), "在衡阳市以外");
  EXPECT_EQ(c.translate("the location lies outside 衡阳县"), "不在衡阳县范围内");
}

TEST(Messages, AHoleMayBeEmptyOrHoldTheTextAroundIt) {
  Catalog c = parsed("unknown field '{}'\t不认识的字段“{}”\n");
  EXPECT_EQ(c.translate("unknown field ''"), "不认识的字段“”");
  EXPECT_EQ(c.translate("unknown field 'a' b'"), "不认识的字段“a' b”");
  EXPECT_FALSE(c.knows("unknown field '"));  // the pieces may not overlap
}

TEST(Messages, ABrokenCatalogIsRefusedWithItsLine) {
  auto refused = [](std::string_view text, std::string_view why) {
    auto c = Catalog::parse(text);
    ASSERT_FALSE(c.ok()) << text;
    EXPECT_NE(c.error().message.find(why), std::string::npos) << c.error().message;
  };
  refused("ok\t好\nno tab here\n", "line 2: no tab");
  refused("a {} b\tx\n", "leaves out a hole");
  refused("a {} b\t{} {}\n", "names a hole the text lacks");
  refused("a {} b {}\t{1} {1}\n", "uses a hole twice");
  refused("a {}{} b\t{} {}\n", "two holes touch");
  refused("a {} b\t{x}\n", "holes are {} or {1}");
  refused("a {} b\t{\n", "without its '}'");
  refused("same\tx\nsame\ty\n", "listed twice");
  refused("a {} b\tx{}\na {} b\ty{}\n", "listed twice");
  refused("a\t\n", "an empty text");
  refused("a\tb\tc\n", "more than one tab");
}

TEST(Messages, TheCompiledInChineseCatalogParsesAndSpeaks) {
  ASSERT_TRUE(check().ok()) << check().error().message;
  EXPECT_GT(chinese().size(), 200u);
  EXPECT_EQ(say("location must be a WGS-84 lon/lat", Language::kChinese), "位置应为 WGS-84 经纬度");
  EXPECT_EQ(say("plan.deadline must lie in the future", Language::kChinese),
            "整改期限须晚于当前时间");
  EXPECT_EQ(say("location must be a WGS-84 lon/lat", Language::kEnglish),
            "location must be a WGS-84 lon/lat");
}

}  // namespace
}  // namespace anlan::messages

#include "core/text.h"

#include <gtest/gtest.h>

#include <string>

namespace anlan {
namespace {

TEST(Text, Utf8ValidityFollowsRfc3629) {
  EXPECT_TRUE(text::validUtf8(""));
  EXPECT_TRUE(text::validUtf8("plain ascii"));
  EXPECT_TRUE(text::validUtf8("衡阳市安全生产委员会"));
  EXPECT_TRUE(text::validUtf8("\xF0\x9F\x9A\x92"));   // U+1F692, four bytes
  EXPECT_TRUE(text::validUtf8("\xF4\x8F\xBF\xBF"));   // U+10FFFF, the last code point
  EXPECT_FALSE(text::validUtf8("\xFF\xFE"));          // never in UTF-8
  EXPECT_FALSE(text::validUtf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(text::validUtf8("\xE0\x80\xAF"));      // overlong, three bytes
  EXPECT_FALSE(text::validUtf8("\xED\xA0\x80"));      // a surrogate (U+D800)
  EXPECT_FALSE(text::validUtf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(text::validUtf8("\xE8\xA1"));          // truncated 衡
  EXPECT_FALSE(text::validUtf8("\xBA\xE2\xD1\xF4"));  // 衡阳 in GBK
  EXPECT_EQ(text::validUtf8Prefix("衡阳\xFF"), 6u);
}

TEST(Text, InvalidBytesAreReplacedNotDropped) {
  EXPECT_EQ(text::toValidUtf8("a\xFF"
                              "b"),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(text::toValidUtf8("衡阳"), "衡阳");
  EXPECT_TRUE(text::validUtf8(text::toValidUtf8("\xE8\xA1\xC0\xAF\xED\xA0\x80")));
}

TEST(Text, ClipKeepsWholeCharacters) {
  EXPECT_EQ(text::clip("衡阳市", 9), "衡阳市");
  EXPECT_EQ(text::clip("衡阳市", 8), "衡阳");  // never half of 市
  EXPECT_EQ(text::clip("衡阳市", 2), "");
  EXPECT_EQ(text::clip("Mozilla\xFF", 100), "Mozilla\xEF\xBF\xBD");
  EXPECT_TRUE(text::validUtf8(text::clip(std::string(299, 'a') + "衡", 300)));
}

TEST(Text, NulAndControlCharactersAreRefusedNamingTheField) {
  EXPECT_TRUE(text::checkText("note", "第一行\n第二行\r\n\t缩进").ok());
  auto nul = text::checkText("name", std::string("a\0b", 3));
  ASSERT_FALSE(nul.ok());
  EXPECT_EQ(nul.error().code, Code::kInvalidArgument);
  EXPECT_EQ(nul.error().field, "name");
  EXPECT_NE(nul.error().message.find("NUL"), std::string::npos);
  EXPECT_EQ(text::checkText("q", "bell\a").error().field, "q");
  EXPECT_EQ(text::checkText("q", "esc\x1B[31m").error().field, "q");
  EXPECT_EQ(text::checkText("q", "del\x7F").error().field, "q");
  auto bad = text::checkText("sector", "\xFF\xFE");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "sector");
  EXPECT_NE(bad.error().message.find("UTF-8"), std::string::npos);
}

}  // namespace
}  // namespace anlan

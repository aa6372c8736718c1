#include "core/config.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "support/test_db.h"

namespace anlan {
namespace {

TEST(Config, FileThenEnvironmentThenSetting) {
  test::TempDir dir;
  std::string path = dir.path() + "/a.toml";
  std::ofstream(path) << "listen = \"0.0.0.0:9000\"\nmax_connections = 77\ndb = \"sqlite:x.db\"\n";
  Config cfg;
  ASSERT_TRUE(loadConfigFile(path, cfg).ok());
  EXPECT_EQ(cfg.listen, "0.0.0.0:9000");
  EXPECT_EQ(cfg.max_connections, 77);
  ::setenv("ANLAN_LISTEN", "127.0.0.1:9001", 1);
  applyEnvironment(cfg);
  ::unsetenv("ANLAN_LISTEN");
  EXPECT_EQ(cfg.listen, "127.0.0.1:9001");
  EXPECT_EQ(cfg.db, "sqlite:x.db");  // not in the environment: the file's value stays
  ASSERT_TRUE(setConfigValue(cfg, "listen", "127.0.0.1:9002").ok());
  EXPECT_EQ(cfg.listen, "127.0.0.1:9002");
}

TEST(Config, UnknownKeyAndBadNumberNameTheField) {
  test::TempDir dir;
  std::string path = dir.path() + "/b.toml";
  std::ofstream(path) << "lisen = \"x\"\n";
  Config cfg;
  auto s = loadConfigFile(path, cfg);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().field, "lisen");
  auto n = setConfigValue(cfg, "max_connections", "many");
  ASSERT_FALSE(n.ok());
  EXPECT_EQ(n.error().field, "max_connections");
  EXPECT_EQ(cfg.max_connections, Config().max_connections);
}

TEST(Config, TextAndCommandLineSettings) {
  Config cfg;
  ASSERT_TRUE(
      loadConfigText("listen = \"0.0.0.0:9000\"\ntesting_clock = true\n", "x.toml", cfg).ok());
  EXPECT_EQ(cfg.listen, "0.0.0.0:9000");
  EXPECT_TRUE(cfg.testing_clock);
  auto nested = loadConfigText("[server]\nlisten = \"x\"\n", "x.toml", cfg);
  EXPECT_EQ(nested.error().field, "server");
  auto syntax = loadConfigText("listen = \n", "x.toml", cfg);
  EXPECT_EQ(syntax.error().field, "config");
  EXPECT_NE(syntax.error().message.find("x.toml"), std::string::npos);
  ASSERT_TRUE(applySetting(cfg, "web_root=/srv/a=b").ok());
  EXPECT_EQ(cfg.web_root, "/srv/a=b");  // split at the first '='
  EXPECT_EQ(applySetting(cfg, "web_root").error().field, "set");
  EXPECT_EQ(applySetting(cfg, "io_threads=-").error().field, "io_threads");
  EXPECT_FALSE(applySetting(cfg, "=1").ok());  // no such setting
}

TEST(Config, NonAsciiOutsideStringsAndCommentsIsRefusedBeforeTomlSeesIt) {
  // toml++ 3.3 reaches undefined behaviour on these (tests/fuzz/corpus/config/crash-*).
  Config cfg;
  for (std::string text : {"a = 1 ĺ\n", "ĺ = 1\n", "listen = \"x\"\n、\n",
                           "s = \"\"\"\\\n\xC2\xA7\"\"\"\n", "s = \"\"\"\n\\\xC2\xA7\n\"\"\"\n",
                           "ie = 2\".071.0.0:EEE\x05"
                           "E\xC4\xBA\n",
                           "ie = 2.\"0:\xC4\xBA\"\n"}) {
    auto s = loadConfigText(text, "anlan.toml", cfg);
    ASSERT_FALSE(s.ok()) << text;
    EXPECT_EQ(s.error().field, "config");
  }
  auto line = loadConfigText("# 配置\nlisten = \"x\"\nĺ = 1\n", "anlan.toml", cfg);
  EXPECT_NE(line.error().message.find("line 3"), std::string::npos) << line.error().message;
  // Chinese text where TOML allows it: comments and every kind of string.
  ASSERT_TRUE(
      loadConfigText("# 安澜：衡阳、应急。\nturn_username = \"值班、§\"\nturn_password = '密码ĺ'\n"
                     "ice_servers = \"\"\"\n、。\"\"\"\nweb_root = '''ĺ§'''\n",
                     "anlan.toml", cfg)
          .ok());
  EXPECT_EQ(cfg.turn_username, "值班、§");
  EXPECT_EQ(cfg.web_root, "ĺ§");
}

TEST(Config, SyntaxErrorIsReported) {
  test::TempDir dir;
  std::string path = dir.path() + "/c.toml";
  std::ofstream(path) << "listen = \n";
  Config cfg;
  EXPECT_FALSE(loadConfigFile(path, cfg).ok());
}

}  // namespace
}  // namespace anlan

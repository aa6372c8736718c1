#include "core/log.h"

#include <boost/json/serialize.hpp>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <mutex>

#include "core/clock.h"

namespace anlan::log {
namespace {

std::atomic<Level> g_level{Level::kInfo};
std::atomic<void (*)(std::string_view)> g_sink{nullptr};
std::mutex g_mu;

const char* levelName(Level l) {
  switch (l) {
    case Level::kDebug: return "debug";
    case Level::kInfo: return "info";
    case Level::kWarn: return "warn";
    case Level::kError: return "error";
  }
  return "info";
}

}  // namespace

void setLevel(Level level) { g_level = level; }
void setSink(void (*sink)(std::string_view)) { g_sink = sink; }

bool parseLevel(std::string_view text, Level* out) {
  for (Level l : {Level::kDebug, Level::kInfo, Level::kWarn, Level::kError}) {
    if (text == levelName(l)) {
      *out = l;
      return true;
    }
  }
  return false;
}

void write(Level level, std::string_view msg, boost::json::object fields) {
  if (level < g_level.load()) return;
  // Log timestamps are the one place the real clock is read directly: they describe the host.
  boost::json::object line;
  line["ts"] = formatIso(SystemClock().now());
  line["level"] = levelName(level);
  line["msg"] = msg;
  for (auto& kv : fields) line[kv.key()] = std::move(kv.value());
  std::string text = boost::json::serialize(line);
  if (auto sink = g_sink.load()) {
    sink(text);
    return;
  }
  text.push_back('\n');
  std::lock_guard lock(g_mu);
  std::fwrite(text.data(), 1, text.size(), stderr);
}

}  // namespace anlan::log

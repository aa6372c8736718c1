#include "core/log.h"

#include <unistd.h>

#include <atomic>
#include <boost/json/serialize.hpp>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "core/clock.h"

namespace anlan::log {
namespace {

std::atomic<Level> g_level{Level::kInfo};
std::atomic<void (*)(std::string_view)> g_sink{nullptr};

// Lines are gathered in a buffer and written by a background thread every 100 ms or every
// 256 KiB, so that a busy server does not make one write(2) per request. Warnings and errors
// are written at once, with everything before them.
class Writer {
 public:
  Writer() : thread_([this] { run(); }) {}
  ~Writer() {
    {
      std::lock_guard lock(mu_);
      stop_ = true;
    }
    cv_.notify_one();
    thread_.join();
    flush();
  }
  void append(std::string_view line, bool urgent) {
    std::unique_lock lock(mu_);
    buf_.append(line);
    if (urgent) {
      writeOut(lock);
    } else if (buf_.size() >= kFlushBytes) {
      cv_.notify_one();
    }
  }
  void flush() {
    std::unique_lock lock(mu_);
    writeOut(lock);
  }

 private:
  static constexpr std::size_t kFlushBytes = 256 * 1024;

  // Writes the buffer; called with `lock` held, keeps the order of lines.
  void writeOut(std::unique_lock<std::mutex>&) {
    std::size_t done = 0;
    while (done < buf_.size()) {
      ssize_t n = ::write(2, buf_.data() + done, buf_.size() - done);
      if (n <= 0) break;
      done += static_cast<std::size_t>(n);
    }
    buf_.clear();
  }

  void run() {
    std::unique_lock lock(mu_);
    while (!stop_) {
      cv_.wait_for(lock, std::chrono::milliseconds(100));
      if (!buf_.empty()) writeOut(lock);
    }
  }

  std::mutex mu_;
  std::condition_variable cv_;
  std::string buf_;
  bool stop_ = false;
  std::thread thread_;
};

Writer& writer() {
  static Writer w;
  return w;
}

const char* levelName(Level l) {
  switch (l) {
    case Level::kDebug:
      return "debug";
    case Level::kInfo:
      return "info";
    case Level::kWarn:
      return "warn";
    case Level::kError:
      return "error";
  }
  return "info";
}

}  // namespace

void setLevel(Level level) { g_level = level; }
void flush() { writer().flush(); }
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
  // The line is spliced as text (ts, level, msg, then the fields in their order) rather than
  // built as a second JSON object; a field cannot take the name of one of the first three.
  for (const char* taken : {"ts", "level", "msg"}) fields.erase(taken);
  std::string text = R"({"ts":")";
  text += formatIso(SystemClock().now());
  text += R"(","level":")";
  text += levelName(level);
  text += R"(","msg":)";
  text += boost::json::serialize(boost::json::string_view(msg.data(), msg.size()));
  if (!fields.empty()) {
    std::string rest = boost::json::serialize(fields);  // {"k":v,…}
    text += ',';
    text.append(rest, 1);
  } else {
    text += '}';
  }
  if (auto sink = g_sink.load()) {
    sink(text);
    return;
  }
  text.push_back('\n');
  writer().append(text, level >= Level::kWarn);
}

}  // namespace anlan::log

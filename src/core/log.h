// Structured logging: one JSON object per line on stderr, every value escaped by a JSON writer.
// Lines are buffered briefly (see log.cc); warnings and errors are written at once.
#pragma once

#include <boost/json/object.hpp>
#include <string_view>

namespace anlan::log {

enum class Level { kDebug, kInfo, kWarn, kError };

// Sets the lowest level written (default kInfo). Thread-safe.
void setLevel(Level level);
// Parses "debug", "info", "warn", "error"; returns false on anything else.
bool parseLevel(std::string_view text, Level* out);
// Writes out what is buffered (call before exiting). Thread-safe.
void flush();
// Sends lines to a callback instead of stderr (tests); nullptr restores stderr.
void setSink(void (*sink)(std::string_view line));

// Writes {"ts":…,"level":…,"msg":…, …fields}. Thread-safe; a line is written whole.
void write(Level level, std::string_view msg, boost::json::object fields = {});
inline void debug(std::string_view m, boost::json::object f = {}) {
  write(Level::kDebug, m, std::move(f));
}
inline void info(std::string_view m, boost::json::object f = {}) {
  write(Level::kInfo, m, std::move(f));
}
inline void warn(std::string_view m, boost::json::object f = {}) {
  write(Level::kWarn, m, std::move(f));
}
inline void error(std::string_view m, boost::json::object f = {}) {
  write(Level::kError, m, std::move(f));
}

}  // namespace anlan::log

// Time and randomness seams: nothing reads the wall clock or a random source directly.
#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>
#include <random>
#include <string>

namespace anlan {

// Milliseconds since the Unix epoch, UTC.
using Millis = std::int64_t;

class Clock {
 public:
  virtual ~Clock() = default;
  // The current UTC time in epoch milliseconds. Thread-safe.
  virtual Millis now() const = 0;
};

class SystemClock final : public Clock {
 public:
  Millis now() const override;
};

// The system clock moved forward by an offset that only grows; for browser tests of a running
// server (config testing_clock). Thread-safe.
class OffsetClock final : public Clock {
 public:
  Millis now() const override { return system_.now() + offset_.load(); }
  void advance(Millis ms) { offset_ += ms; }

 private:
  SystemClock system_;
  std::atomic<Millis> offset_{0};
};

// A clock that only moves when told to; for tests. Thread-safe.
class FakeClock final : public Clock {
 public:
  explicit FakeClock(Millis start = 1'780'000'000'000) : t_(start) {}
  Millis now() const override { return t_.load(); }
  void advance(Millis ms) { t_ += ms; }
  void set(Millis t) { t_ = t; }

 private:
  std::atomic<Millis> t_;
};

// Randomness: cryptographic bytes for secrets, and a seedable generator for reproducible draws.
class Random {
 public:
  virtual ~Random() = default;
  // Fills `n` bytes suitable for secrets (session tokens). Thread-safe.
  virtual std::string bytes(std::size_t n) = 0;
};

class SystemRandom final : public Random {
 public:
  std::string bytes(std::size_t n) override;
};

// Deterministic bytes from a seed; for tests only.
class SeededRandom final : public Random {
 public:
  explicit SeededRandom(std::uint64_t seed) : gen_(seed) {}
  std::string bytes(std::size_t n) override;

 private:
  std::mutex mu_;
  std::mt19937_64 gen_;
};

// "20261129": the UTC date of `t`, for file names.
std::string compactDate(Millis t);
// ISO 8601 UTC text ("2026-11-29T11:25:35.123Z") of an epoch-millisecond time.
std::string formatIso(Millis t);

}  // namespace anlan

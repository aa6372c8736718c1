// Prometheus metrics for the HTTP layer: requests by route and status, a latency histogram,
// handler failures, and gauges supplied by callbacks (DB pool, WebSocket clients). Thread-safe.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace anlan::http {

class Metrics {
 public:
  // Records one answered request. `route` is the pattern ("/api/v1/users/{id}"), not the path.
  void observe(std::string_view method, std::string_view route, int status, double seconds);
  // Counts a handler that threw or failed unexpectedly.
  void countInternalError() { internal_errors_++; }
  // Adds a gauge read at render time.
  void addGauge(std::string name, std::string help, std::function<double()> read);
  // The Prometheus text exposition format (version 0.0.4).
  std::string render() const;

  static constexpr std::array<double, 12> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                      0.05,   0.1,   0.25,   0.5,   1,    5};

 private:
  // Method, route and status; looked up by string views, so that a request seen before allocates
  // nothing (compared as views, which every standard library accepts).
  using Key = std::tuple<std::string, std::string, int>;
  using KeyView = std::tuple<std::string_view, std::string_view, int>;
  struct KeyLess {
    using is_transparent = void;
    static KeyView view(const Key& k) { return {std::get<0>(k), std::get<1>(k), std::get<2>(k)}; }
    static const KeyView& view(const KeyView& k) { return k; }
    template <class A, class B>
    bool operator()(const A& a, const B& b) const {
      return view(a) < view(b);
    }
  };
  mutable std::mutex mu_;
  std::map<Key, std::uint64_t, KeyLess> requests_;
  std::array<std::uint64_t, kBuckets.size()> bucket_counts_{};
  std::uint64_t count_ = 0;
  double sum_ = 0;
  std::atomic<std::uint64_t> internal_errors_{0};
  struct Gauge {
    std::string name, help;
    std::function<double()> read;
  };
  std::vector<Gauge> gauges_;
};

}  // namespace anlan::http

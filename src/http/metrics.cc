#include "http/metrics.h"

#include <sstream>

namespace anlan::http {
namespace {

std::string escapeLabel(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\\' || c == '"') out.push_back('\\');
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out.push_back(c);
  }
  return out;
}

}  // namespace

void Metrics::observe(std::string_view method, std::string_view route, int status, double seconds) {
  std::lock_guard lock(mu_);
  auto it = requests_.find(KeyView(method, route, status));  // no allocation once seen
  if (it == requests_.end()) {
    it = requests_.emplace(std::tuple(std::string(method), std::string(route), status), 0).first;
  }
  ++it->second;
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) {
      bucket_counts_[i]++;
      break;
    }
  }
  count_++;
  sum_ += seconds;
}

void Metrics::addGauge(std::string name, std::string help, std::function<double()> read) {
  std::lock_guard lock(mu_);
  gauges_.push_back({std::move(name), std::move(help), std::move(read)});
}

std::string Metrics::render() const {
  std::ostringstream out;
  std::lock_guard lock(mu_);
  out << "# HELP anlan_http_requests_total HTTP requests answered, by method, route and status.\n"
      << "# TYPE anlan_http_requests_total counter\n";
  for (const auto& [key, n] : requests_) {
    const auto& [method, route, status] = key;
    out << "anlan_http_requests_total{method=\"" << escapeLabel(method) << "\",route=\""
        << escapeLabel(route) << "\",status=\"" << status << "\"} " << n << "\n";
  }
  out << "# HELP anlan_http_request_duration_seconds Time from request read to response ready.\n"
      << "# TYPE anlan_http_request_duration_seconds histogram\n";
  std::uint64_t cumulative = 0;
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    cumulative += bucket_counts_[i];
    out << "anlan_http_request_duration_seconds_bucket{le=\"" << kBuckets[i] << "\"} " << cumulative
        << "\n";
  }
  out << "anlan_http_request_duration_seconds_bucket{le=\"+Inf\"} " << count_ << "\n"
      << "anlan_http_request_duration_seconds_sum " << sum_ << "\n"
      << "anlan_http_request_duration_seconds_count " << count_ << "\n";
  out << "# HELP anlan_http_internal_errors_total Handlers that failed unexpectedly.\n"
      << "# TYPE anlan_http_internal_errors_total counter\n"
      << "anlan_http_internal_errors_total " << internal_errors_.load() << "\n";
  for (const auto& g : gauges_) {
    out << "# HELP " << g.name << " " << g.help << "\n# TYPE " << g.name << " gauge\n"
        << g.name << " " << g.read() << "\n";
  }
  return out.str();
}

}  // namespace anlan::http

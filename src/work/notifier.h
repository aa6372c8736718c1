// The one notifier: tells the people a new work item waits on, through its channels. In the app
// they see it always (the inbox and the live event); the channels here reach them outside it.
// Deliveries come from the outbox the Feed fills in the module's transaction and are retried with
// backoff until they succeed or grow too old, so a receiver that is down for a while loses
// nothing. Several nodes may run notifiers on one database: a lease keeps each delivery to one.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/clock.h"
#include "db/database.h"
#include "http/client.h"
#include "work/model.h"

namespace anlan::work {

// Someone an item waits on, as a channel needs them (an SMS platform needs the phone).
struct Recipient {
  std::string username, name;
  std::optional<std::string> phone;
};
using RecipientLookup = std::function<Result<std::vector<Recipient>>(const WorkItem&)>;

struct Notification {
  std::int64_t delivery_id = 0;
  WorkItem item;
  std::string text;  // one sentence in Chinese, for an SMS: what is to be done and about what
  std::vector<Recipient> recipients;
  Millis at = 0;
};

class Channel {
 public:
  virtual ~Channel() = default;
  virtual std::string name() const = 0;
  // Delivers `n`; any error means "try again later".
  virtual Status send(const Notification& n) = 0;
};

// A signed JSON POST, the seam a bureau connects to its SMS platform. Headers:
// X-Anlan-Delivery (the delivery id: the same on every retry, for the receiver to drop repeats),
// X-Anlan-Timestamp (epoch ms) and X-Anlan-Signature: sha256=HMAC-SHA-256(secret, timestamp + "."
// + body) in hex. A 2xx answer is delivered; anything else is retried.
class WebhookChannel : public Channel {
 public:
  WebhookChannel(http::Target target, std::string secret, http::ClientOptions options);
  std::string name() const override { return "webhook"; }
  Status send(const Notification& n) override;
  // The body sent for `n` (also what the signature covers).
  static std::string body(const Notification& n);

 private:
  http::Target target_;
  std::string secret_;
  http::ClientOptions options_;
};

struct NotifierOptions {
  Millis lease_ms = 60'000;           // a delivery held by a node that died is retried after
  Millis first_retry_ms = 5'000;      // then doubling …
  Millis max_retry_ms = 10 * 60'000;  // … up to this
  Millis give_up_after_ms = 3LL * 24 * 3600 * 1000;  // a delivery this old is given up (logged)
  int batch = 50;
};

class Notifier {
 public:
  // `kinds`: each kind's name in Chinese ("hazard.assess" → "隐患评估认定"); due dates in the
  // sentence are `cal`'s.
  Notifier(db::Database& db, const Clock& clock, const Calendar& cal,
           std::vector<std::unique_ptr<Channel>> channels, RecipientLookup recipients,
           std::map<std::string, std::string> kinds, NotifierOptions options = {});
  std::vector<std::string> channels() const;
  // Sends what is due now on every channel; returns how many were delivered. A failed send is
  // not an error here (it is retried); a database failure is.
  Result<int> tick();
  // The sentence for `w`.
  std::string textOf(const WorkItem& w) const;

 private:
  Result<int> tickChannel(Channel& ch, Millis now);

  db::Database& db_;
  const Clock& clock_;
  Calendar calendar_;
  std::vector<std::unique_ptr<Channel>> channels_;
  RecipientLookup recipients_;
  std::map<std::string, std::string> kinds_;
  NotifierOptions options_;
};

}  // namespace anlan::work

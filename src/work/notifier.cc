#include "work/notifier.h"

#include <algorithm>
#include <boost/json/serialize.hpp>

#include "core/crypto.h"
#include "core/log.h"
#include "work/store.h"

namespace anlan::work {

namespace bj = boost::json;

WebhookChannel::WebhookChannel(http::Target target, std::string secret, http::ClientOptions options)
    : target_(std::move(target)), secret_(std::move(secret)), options_(std::move(options)) {}

std::string WebhookChannel::body(const Notification& n) {
  bj::array recipients;
  for (const auto& r : n.recipients) {
    recipients.push_back({{"username", r.username},
                          {"name", r.name},
                          {"phone", r.phone ? bj::value(*r.phone) : bj::value(nullptr)}});
  }
  return bj::serialize(bj::object{{"delivery", n.delivery_id},
                                  {"event", "work_item.opened"},
                                  {"text", n.text},
                                  {"item", toJson(n.item, n.at)},
                                  {"recipients", std::move(recipients)},
                                  {"sent_at", n.at}});
}

Status WebhookChannel::send(const Notification& n) {
  std::string payload = body(n);
  std::string timestamp = std::to_string(n.at);
  std::string signature = "sha256=" + hmacSha256Hex(secret_, timestamp + "." + payload);
  TRY(auto answer, http::post(target_,
                              {{"Content-Type", "application/json"},
                               {"X-Anlan-Delivery", std::to_string(n.delivery_id)},
                               {"X-Anlan-Timestamp", timestamp},
                               {"X-Anlan-Signature", signature}},
                              payload, options_));
  if (answer.status < 200 || answer.status > 299) {
    return Error{Code::kUnavailable, "the webhook answered " + std::to_string(answer.status), {}};
  }
  return {};
}

Notifier::Notifier(db::Database& db, const Clock& clock, const Calendar& cal,
                   std::vector<std::unique_ptr<Channel>> channels, RecipientLookup recipients,
                   std::map<std::string, std::string> kinds, NotifierOptions options)
    : db_(db),
      clock_(clock),
      calendar_(cal),
      channels_(std::move(channels)),
      recipients_(std::move(recipients)),
      kinds_(std::move(kinds)),
      options_(options) {}

std::vector<std::string> Notifier::channels() const {
  std::vector<std::string> out;
  for (const auto& ch : channels_) out.push_back(ch->name());
  return out;
}

std::string Notifier::textOf(const WorkItem& w) const {
  auto it = kinds_.find(w.kind);
  std::string what = it == kinds_.end() ? w.kind : it->second;
  std::string text =
      std::string("【安澜】") + (w.urgent ? "紧急待办：" : "待办：") + what + "，" + w.title;
  if (w.due) text += "，期限 " + calendar_.dateTimeText(*w.due);
  return text + "。";
}

Result<int> Notifier::tick() {
  int delivered = 0;
  for (auto& ch : channels_) {
    TRY(int n, tickChannel(*ch, clock_.now()));
    delivered += n;
  }
  return delivered;
}

Result<int> Notifier::tickChannel(Channel& ch, Millis now) {
  TRY(auto due, db::write<std::vector<Delivery>>(db_, [&](db::Conn& c) {
        return store::claim(c, ch.name(), now, options_.lease_ms, options_.batch);
      }));
  int delivered = 0;
  for (const auto& d : due) {
    Notification n;
    n.delivery_id = d.id;
    n.at = now;
    TRY(auto item, db::read<std::optional<WorkItem>>(
                       db_, [&](db::Conn& c) { return store::find(c, d.item_id); }));
    if (!item) return Error::internal("delivery " + std::to_string(d.id) + " has no work item");
    n.item = std::move(*item);
    n.text = textOf(n.item);
    Status sent;
    if (n.item.closed_at) {
      // Done before it could be told: nothing waits on anyone any more.
      sent = {};
    } else {
      auto who = recipients_(n.item);
      if (!who.ok()) return std::move(who).error();
      n.recipients = std::move(who).value();
      sent = ch.send(n);
    }
    int attempts = d.attempts + 1;
    TRY_STATUS(db_.write([&](db::Conn& c) -> Status {
      if (sent.ok()) return store::markDelivered(c, d.id, attempts, now);
      Millis wait = options_.first_retry_ms;
      for (int i = 1; i < attempts && wait < options_.max_retry_ms; ++i) wait *= 2;
      wait = std::min(wait, options_.max_retry_ms);
      std::optional<Millis> next = now + wait;
      if (now - d.created_at >= options_.give_up_after_ms) {
        next.reset();
        log::error("notification given up", {{"channel", ch.name()},
                                             {"delivery", d.id},
                                             {"attempts", attempts},
                                             {"reason", sent.error().message}});
      }
      return store::markFailedAttempt(c, d.id, attempts, next, sent.error().message, now);
    }));
    if (sent.ok() && !n.item.closed_at) ++delivered;
  }
  return delivered;
}

}  // namespace anlan::work

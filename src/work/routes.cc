#include "work/routes.h"

#include "http/params.h"

namespace anlan::work {
namespace {

namespace bj = boost::json;
using http::Request;
using http::Response;

Result<Query> queryOf(const Request& req) {
  Query q;
  q.filter = http::textParam(req, "filter").value_or("");
  if (!q.filter.empty() && q.filter != "overdue" && q.filter != "due_soon" &&
      q.filter != "urgent") {
    return Error::invalid("filter", "filter must be overdue, due_soon or urgent");
  }
  q.module = http::textParam(req, "source").value_or("");
  if (q.module.size() > 40 || q.module.find_first_of("%_\\.") != std::string::npos) {
    return Error::invalid("source", "source must be a module's name (hazard, duty)");
  }
  q.cursor = http::textParam(req, "cursor").value_or("");
  TRY(q.limit, http::limitParam(req, 50, 200));
  return q;
}

}  // namespace

void addRoutes(http::Router& router, access::Authenticator& auth, Inbox& inbox,
               const Clock& clock) {
  using access::guarded;
  using access::Principal;

  router.add(
      "GET", "/api/v1/inbox",
      guarded(auth,
              [&](Request& req, const Principal& p) -> Result<Response> {
                TRY(auto q, queryOf(req));
                TRY(auto page, inbox.list(p, q));
                Millis now = clock.now();
                bj::array items;
                for (const auto& w : page.items) items.push_back(toJson(w, now));
                return http::jsonResponse(bj::object{
                    {"items", std::move(items)},
                    {"next_cursor", page.next_cursor ? bj::value(*page.next_cursor) : nullptr},
                    {"counts", toJson(page.counts)}});
              }),
      "What waits on the caller or their unit (待办), urgent and earliest due first");

  router.add("GET", "/api/v1/inbox/summary",
             guarded(auth,
                     [&](Request&, const Principal& p) -> Result<Response> {
                       TRY(auto s, inbox.summary(p));
                       return http::jsonResponse(bj::object{
                           {"counts", toJson(s.counts)},
                           {"newest_id", s.newest_id ? bj::value(*s.newest_id) : nullptr}});
                     }),
             "How many items wait on the caller, for the header badge");
}

}  // namespace anlan::work

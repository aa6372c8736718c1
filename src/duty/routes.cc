#include "duty/routes.h"

#include "access/guard.h"
#include "core/json.h"
#include "duty/codec.h"
#include "duty/rules.h"
#include "http/params.h"

namespace anlan::duty {
namespace {

namespace bj = boost::json;
using http::jsonResponse;
using http::Request;
using http::Response;

template <class T>
Response listResponse(const std::vector<T>& items) {
  bj::array out;
  for (const auto& i : items) out.push_back(toJson(i));
  return jsonResponse(bj::object{{"items", std::move(out)}});
}

Result<std::pair<Millis, Millis>> periodOf(const Request& req) {
  TRY(auto from, http::intParam(req, "from"));
  TRY(auto to, http::intParam(req, "to"));
  if (!from) return Error::invalid("from", "from is required (epoch ms)");
  if (!to) return Error::invalid("to", "to is required (epoch ms)");
  return std::pair{*from, *to};
}

std::string roomOf(const Request& req, const access::Principal& p) {
  return http::textParam(req, "room").value_or(p.user.jurisdiction);
}

// {"ice_servers":[…]} as RTCPeerConnection takes them: STUN URLs alone, TURN URLs with credentials.
bj::object rtcJson(const RtcConfig& rtc) {
  bj::array stun, turn;
  for (const auto& u : rtc.urls) (u.rfind("stun", 0) == 0 ? stun : turn).emplace_back(u);
  bj::array servers;
  if (!stun.empty()) servers.push_back(bj::object{{"urls", std::move(stun)}});
  if (!turn.empty()) {
    servers.push_back(bj::object{
        {"urls", std::move(turn)}, {"username", rtc.username}, {"credential", rtc.credential}});
  }
  return {{"ice_servers", std::move(servers)},
          {"answer_timeout_seconds", rtc.answer_timeout_seconds}};
}

}  // namespace

void addRoutes(http::Router& router, access::Authenticator& auth, DutyService& service,
               const Presence& presence, const org::Registry& registry, RtcConfig rtc) {
  using access::guarded;
  using access::Principal;

  router.add("GET", "/api/v1/duty/presence",
             guarded(auth,
                     [&](Request&, const Principal& p) -> Result<Response> {
                       std::vector<RoomPresence> rooms;
                       for (const auto& room : dutyRooms(registry)) {
                         if (mayReadRoom(p, room)) rooms.push_back(presence.room(room));
                       }
                       return listResponse(rooms);
                     }),
             "Who keeps each duty room's console open, for the rooms the caller may see");

  router.add("GET", "/api/v1/duty/rtc-config",
             guarded(auth,
                     [rtc = rtcJson(rtc)](Request&, const Principal& p) -> Result<Response> {
                       TRY_STATUS(mayCall(p));
                       return jsonResponse(rtc);
                     }),
             "ICE servers for spot-check calls (commanders and duty officers) and how long a room "
             "may ring");

  router.add("GET", "/api/v1/duty/room-stats",
             guarded(auth,
                     [&](Request& req, const Principal& p) -> Result<Response> {
                       TRY(auto period, periodOf(req));
                       TRY(auto list, service.roomStats(p, period.first, period.second));
                       return listResponse(list);
                     }),
             "Spot-check figures per room over checks started in [from, to): answer rate, connect "
             "time, assessments");

  router.add("GET", "/api/v1/duty/shifts",
             guarded(auth,
                     [&](Request& req, const Principal& p) -> Result<Response> {
                       TRY(auto period, periodOf(req));
                       TRY(auto list,
                           service.shifts(p, roomOf(req, p), period.first, period.second));
                       return listResponse(list);
                     }),
             "A duty room's rota (shifts overlapping [from, to))");

  router.add("POST", "/api/v1/duty/shifts",
             guarded(auth,
                     [&](Request& req, const Principal& p) -> Result<Response> {
                       TRY(auto body, json::parseObject(req.body));
                       Shift s;
                       TRY_STATUS(fromJson(body, s));
                       TRY(auto made, service.addShift(p, std::move(s)));
                       return jsonResponse(toJson(made), 201);
                     }),
             "Add a shift to a duty room's rota");

  router.add("GET", "/api/v1/duty/rota-problems",
             guarded(auth,
                     [&](Request& req, const Principal& p) -> Result<Response> {
                       TRY(auto period, periodOf(req));
                       TRY(auto list,
                           service.rotaProblems(p, roomOf(req, p), period.first, period.second));
                       return listResponse(list);
                     }),
             "Gaps, double bookings and understaffed shifts of a duty room's rota");

  router.add("GET", "/api/v1/duty/log",
             guarded(auth,
                     [&](Request& req, const Principal& p) -> Result<Response> {
                       TRY(auto before, http::intParam(req, "before_id"));
                       TRY(auto limit, http::limitParam(req, 50, 500));
                       TRY(auto list, service.log(p, roomOf(req, p), before, limit));
                       return listResponse(list);
                     }),
             "A duty room's log (值班日志), newest first");

  router.add("POST", "/api/v1/duty/log",
             guarded(auth,
                     [&](Request& req, const Principal& p) -> Result<Response> {
                       TRY(auto body, json::parseObject(req.body));
                       TRY_STATUS(json::onlyFields(body, {"room", "kind", "text"}));
                       LogEntry e;
                       TRY(auto room, json::optionalString(body, "room", 12));
                       e.room = room.value_or("");
                       TRY(auto kind, json::optionalString(body, "kind", 20));
                       e.kind = kind.value_or("note");
                       TRY(e.text, json::requireString(body, "text", 4000));
                       TRY(auto made, service.addLog(p, std::move(e)));
                       return jsonResponse(toJson(made), 201);
                     }),
             "Write in a duty room's log (a note or a hand-over)");

  router.add("GET", "/api/v1/intake",
             guarded(auth,
                     [&](Request& req, const Principal& p) -> Result<Response> {
                       TRY(auto before, http::intParam(req, "before_id"));
                       TRY(auto limit, http::limitParam(req, 50, 500));
                       TRY(auto list, service.intakes(p, before, limit));
                       return listResponse(list);
                     }),
             "Intake reports (接报) of the caller's room and the rooms below it, newest first");

  router.add("POST", "/api/v1/intake",
             guarded(auth,
                     [&](Request& req, const Principal& p) -> Result<Response> {
                       TRY(auto body, json::parseObject(req.body));
                       Intake i;
                       TRY_STATUS(fromJson(body, i));
                       TRY(auto made, service.record(p, std::move(i)));
                       return jsonResponse(toJson(made), 201);
                     }),
             "Record an incoming report (接报)");

  router.add("GET", "/api/v1/intake/{id}",
             guarded(auth,
                     [&](Request& req, const Principal& p) -> Result<Response> {
                       TRY(auto id, http::idParam(req));
                       TRY(auto i, service.intake(p, id));
                       return jsonResponse(toJson(i));
                     }),
             "One intake report");

  router.add("POST", "/api/v1/intake/{id}/pass-up",
             guarded(auth,
                     [&](Request& req, const Principal& p) -> Result<Response> {
                       TRY(auto id, http::idParam(req));
                       TRY(auto i, service.passUp(p, id));
                       return jsonResponse(toJson(i));
                     }),
             "Pass an intake report up to the city");

  router.add("POST", "/api/v1/intake/{id}/receive",
             guarded(auth,
                     [&](Request& req, const Principal& p) -> Result<Response> {
                       TRY(auto id, http::idParam(req));
                       std::optional<std::int64_t> version;
                       if (!req.body.empty()) {
                         TRY(auto body, json::parseObject(req.body));
                         TRY(version, json::optionalInt(body, "version"));
                       }
                       TRY(auto i, service.receive(p, id, version));
                       return jsonResponse(toJson(i));
                     }),
             "Receive (签收) an intake report passed up to the city");

  router.add("GET", "/api/v1/roll-calls",
             guarded(auth,
                     [&](Request& req, const Principal& p) -> Result<Response> {
                       TRY(auto limit, http::limitParam(req, 20, 100));
                       TRY(auto list, service.rollCalls(p, limit));
                       return listResponse(list);
                     }),
             "Spot checks, newest first (a unit sees those that included it)");

  router.add(
      "POST", "/api/v1/roll-calls",
      guarded(auth,
              [&](Request& req, const Principal& p) -> Result<Response> {
                TRY(auto body, json::parseObject(req.body));
                TRY(auto r, startFromJson(body));
                TRY(auto call, service.start(p, r));
                return jsonResponse(toJson(call), 201);
              }),
      "Start a spot check of named rooms or of N drawn at random (reproducible from the seed)");

  router.add("GET", "/api/v1/roll-calls/{id}",
             guarded(auth,
                     [&](Request& req, const Principal& p) -> Result<Response> {
                       TRY(auto id, http::idParam(req));
                       TRY(auto call, service.rollCall(p, id));
                       return jsonResponse(toJson(call));
                     }),
             "One spot check with each room's outcome");

  router.add("POST", "/api/v1/roll-calls/{id}/finish",
             guarded(auth,
                     [&](Request& req, const Principal& p) -> Result<Response> {
                       TRY(auto id, http::idParam(req));
                       TRY(auto call, service.finish(p, id));
                       return jsonResponse(toJson(call));
                     }),
             "End a spot check early: rooms still waiting are skipped; the notice is issued");

  // A room's steps in a spot check.
  const std::pair<const char*, const char*> steps[] = {
      {"ring", "Ring a room of a spot check (one at a time; the room's console rings)"},
      {"answer", "Answer the call for one's own room (its duty officer)"},
      {"no_answer", "Record that a ringing room did not answer"},
      {"assess", "Record an answered room's outcome: on post, faults, report, assessment, remarks"},
  };
  for (const auto& [action_name, summary] : steps) {
    std::string action = action_name;
    router.add("POST", "/api/v1/roll-calls/{id}/rooms/{room}/" + action,
               guarded(auth,
                       [&service, action](Request& req, const Principal& p) -> Result<Response> {
                         TRY(auto id, http::idParam(req));
                         const std::string& room = req.params["room"];
                         Assessment a;
                         if (action == "assess") {
                           TRY(auto body, json::parseObject(req.body));
                           TRY(a, assessmentFromJson(body));
                         }
                         TRY(auto call,
                             service.step(p, id, room, action, action == "assess" ? &a : nullptr));
                         return jsonResponse(toJson(call));
                       }),
               summary);
  }
}

}  // namespace anlan::duty

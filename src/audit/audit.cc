#include "audit/audit.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "access/sql.h"
#include "core/crypto.h"

namespace anlan::audit {

Actor actorOf(const access::Principal* p) {
  if (!p) return {std::nullopt, "system"};
  return {p->user.id, p->user.username};
}

namespace {

std::string hashOf(std::int64_t id, Millis at, const std::optional<std::int64_t>& actor_id,
                   const std::string& actor, const std::string& entity,
                   const std::string& entity_id, const std::string& action,
                   const std::string& jurisdiction, const std::string& before,
                   const std::string& after, const std::string& prev) {
  // Length-prefixed fields: no two different records serialise to the same text.
  std::string text;
  auto put = [&](const std::string& s) {
    text += std::to_string(s.size());
    text += ':';
    text += s;
  };
  put(std::to_string(id));
  put(std::to_string(at));
  put(actor_id ? std::to_string(*actor_id) : "-");
  put(actor);
  put(entity);
  put(entity_id);
  put(action);
  put(jurisdiction);
  put(before);
  put(after);
  put(prev);
  return sha256Hex(text);
}

db::Value optText(const std::optional<boost::json::value>& v) {
  if (!v) return nullptr;
  return boost::json::serialize(*v);
}

}  // namespace

Result<std::int64_t> append(db::Conn& c, const Clock& clock, const Actor& actor, std::string entity,
                            std::string entity_id, std::string action, std::string jurisdiction,
                            std::optional<boost::json::value> before,
                            std::optional<boost::json::value> after) {
  const char* head_sql = c.engine() == db::Engine::kPostgres
                             ? "SELECT last_id, last_hash FROM audit_head WHERE id = 1 FOR UPDATE"
                             : "SELECT last_id, last_hash FROM audit_head WHERE id = 1";
  TRY(auto head, c.query(head_sql));
  if (head.empty()) return Error::internal("audit chain head missing");
  std::int64_t id = head[0].i64(0) + 1;
  std::string prev = head[0].str(1);
  Millis at = clock.now();
  db::Value b = optText(before), a = optText(after);
  std::string btext = before ? std::get<std::string>(b) : "",
              atext = after ? std::get<std::string>(a) : "";
  std::string hash = hashOf(id, at, actor.id, actor.name, entity, entity_id, action, jurisdiction,
                            btext, atext, prev);
  db::Value actor_id = actor.id ? db::Value(*actor.id) : db::Value(nullptr);
  TRY(auto n, c.exec("INSERT INTO audit_log (id, at, actor_id, actor, entity, entity_id, action, "
                     "jurisdiction, before_json, after_json, prev_hash, hash) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     {id, at, actor_id, actor.name, entity, entity_id, action, jurisdiction, b, a,
                      prev, hash}));
  TRY(auto m, c.exec("UPDATE audit_head SET last_id = ?, last_hash = ? WHERE id = 1", {id, hash}));
  (void)n;
  (void)m;
  return id;
}

namespace {

constexpr const char* kColumns =
    "SELECT id, at, actor_id, actor, entity, entity_id, action, jurisdiction, before_json, "
    "after_json, prev_hash, hash FROM audit_log";

Record toRecord(const db::Row& r) {
  Record out;
  out.id = r.i64(0);
  out.at = r.i64(1);
  out.actor = {r.optI64(2), r.str(3)};
  out.entity = r.str(4);
  out.entity_id = r.str(5);
  out.action = r.str(6);
  out.jurisdiction = r.str(7);
  boost::system::error_code ec;
  if (!r.isNull(8)) out.before = boost::json::parse(r.str(8), ec);
  if (!r.isNull(9)) out.after = boost::json::parse(r.str(9), ec);
  out.prev_hash = r.str(10);
  out.hash = r.str(11);
  return out;
}

}  // namespace

Result<std::vector<Record>> list(db::Database& db, const Filter& f) {
  std::string sql = kColumns;
  std::vector<db::Value> params;
  std::string where;
  auto clause = [&](const std::string& text) {
    where += (where.empty() ? " WHERE " : " AND ") + text;
  };
  if (f.scope) {
    TRY(std::string visible, access::whereOf(*f.scope, {.jurisdiction = "jurisdiction"}, params));
    clause("1 = 1" + visible);
  }
  if (f.entity) clause("entity = ?"), params.emplace_back(*f.entity);
  if (f.entity_id) clause("entity_id = ?"), params.emplace_back(*f.entity_id);
  if (f.action) clause("action = ?"), params.emplace_back(*f.action);
  if (f.actor) clause("actor = ?"), params.emplace_back(*f.actor);
  if (f.from) clause("at >= ?"), params.emplace_back(*f.from);
  if (f.to) clause("at < ?"), params.emplace_back(*f.to);
  if (f.before_id) clause("id < ?"), params.emplace_back(*f.before_id);
  sql += where + " ORDER BY id DESC LIMIT ?";
  params.emplace_back(std::int64_t{f.limit});
  return db::read<std::vector<Record>>(db, [&](db::Conn& c) -> Result<std::vector<Record>> {
    TRY(auto rows, c.query(sql, params));
    std::vector<Record> out;
    out.reserve(rows.size());
    for (const auto& r : rows.rows) out.push_back(toRecord(r));
    return out;
  });
}

Result<Verification> verify(db::Database& db) {
  return db::read<Verification>(db, [](db::Conn& c) -> Result<Verification> {
    Verification v;
    std::string prev = "genesis";
    std::int64_t expect_id = 1;
    // Walk in pages to bound memory on long chains.
    for (std::int64_t after = 0;;) {
      TRY(auto rows,
          c.query(std::string(kColumns) + " WHERE id > ? ORDER BY id LIMIT 5000", {after}));
      if (rows.empty()) break;
      for (const auto& r : rows.rows) {
        std::int64_t id = r.i64(0);
        auto fail = [&](std::int64_t at_id, std::string why) {
          v.ok = false;
          v.first_broken_id = at_id;
          v.problem = std::move(why);
        };
        if (id != expect_id) {
          fail(expect_id, "record " + std::to_string(expect_id) + " is missing");
          return v;
        }
        if (r.str(10) != prev) {
          fail(id, "record " + std::to_string(id) + " does not link to the record before it");
          return v;
        }
        std::string h = hashOf(id, r.i64(1), r.optI64(2), r.str(3), r.str(4), r.str(5), r.str(6),
                               r.str(7), r.str(8), r.str(9), prev);
        if (h != r.str(11)) {
          fail(id, "record " + std::to_string(id) + " was altered");
          return v;
        }
        prev = h;
        ++expect_id;
        ++v.records;
        after = id;
      }
    }
    TRY(auto head, c.query("SELECT last_id, last_hash FROM audit_head WHERE id = 1"));
    if (head.empty() || head[0].i64(0) != v.records || head[0].str(1) != prev) {
      v.ok = false;
      v.first_broken_id = v.records + 1;
      v.problem =
          "the chain ends at record " + std::to_string(v.records) +
          " but its head says otherwise: records at the end were removed or the head was edited";
    }
    return v;
  });
}

const std::vector<Label>& entityLabels() {
  static const std::vector<Label> l = {
      {"user", "用户"},          {"session", "会话"},      {"enterprise", "企业"},
      {"hazard", "隐患"},        {"notice", "隐患通报"},   {"intake", "接报信息"},
      {"roll_call", "视频抽查"}, {"duty_shift", "值班表"}, {"duty_log", "值班日志"},
      {"duty_demo", "演示数据"},
  };
  return l;
}

const std::vector<Label>& actionLabels() {
  static const std::vector<Label> l = {
      {"create", "新建"},
      {"update", "修改"},
      {"deactivate", "停用"},
      {"reactivate", "启用"},
      {"reset_password", "重置密码"},
      {"login", "登录"},
      {"logout", "退出"},
      {"import", "导入"},
      {"seed", "生成演示数据"},
      {"attach", "上传附件"},
      {"progress", "记录整改进展"},
      {"supervise", "挂牌督办"},
      {"escalate", "督办升级"},
      {"overdue", "逾期"},
      {"issue", "印发通报"},
      {"assess", "评估认定"},
      {"fix_on_the_spot", "立查立改"},
      {"assign", "交办"},
      {"self_rectify", "自行整改"},
      {"start_rectification", "开始整改"},
      {"request_acceptance", "申请验收"},
      {"accept", "验收通过"},
      {"reject", "验收不通过"},
      {"close_off", "销号"},
      {"recheck_pass", "复查合格"},
      {"recheck_fail", "复查不合格"},
      {"pass_up", "上报"},
      {"receive", "签收"},
      {"start", "发起抽查"},
      {"ring", "呼叫"},
      {"answer", "接听"},
      {"no_answer", "未接通"},
      {"finish", "结束抽查"},
  };
  return l;
}

std::vector<Column<Record>> tableColumns(const Calendar& cal,
                                         std::function<std::string(const std::string&)> place) {
  using R = Record;
  auto json = [](const std::optional<boost::json::value>& v) {
    return v ? boost::json::serialize(*v) : std::string();
  };
  return {
      {"id", "序号", [](const R& r) { return std::to_string(r.id); }, nullptr},
      {"at", "时间", [&cal](const R& r) { return cal.dateTimeText(r.at); }, nullptr},
      {"actor", "操作人", [](const R& r) { return r.actor.name; }, nullptr},
      {"entity", "对象类型", [](const R& r) { return r.entity; },
       [](const R& r) { return nameOf(entityLabels(), r.entity); }},
      {"entity_id", "对象编号", [](const R& r) { return r.entity_id; }, nullptr},
      {"action", "操作", [](const R& r) { return r.action; },
       [](const R& r) { return nameOf(actionLabels(), r.action); }},
      {"jurisdiction", "区划", [](const R& r) { return r.jurisdiction; },
       [place](const R& r) {
         std::string n = place(r.jurisdiction);
         return n.empty() ? r.jurisdiction : n;
       }},
      {"before", "修改前", [json](const R& r) { return json(r.before); }, nullptr},
      {"after", "修改后", [json](const R& r) { return json(r.after); }, nullptr},
      {"hash", "校验哈希", [](const R& r) { return r.hash; }, nullptr},
  };
}

}  // namespace anlan::audit

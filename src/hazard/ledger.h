// The 一单四制 workbook of major hazards (重大事故隐患"一单四制"台账), laid out as the province's
// offices keep it: 一单 (the list: one row per major hazard with its confirmation, supervision,
// slip, five implementations, progress, acceptance and close-off), 台账 (every dated step of every
// hazard), 销号 (those closed off, with their acceptance and evidence) and 通报 (those overdue,
// named as the notices name them). Pure: the service gathers the records, this lays them out.
#pragma once

#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/table_export.h"
#include "core/workbook.h"
#include "hazard/model.h"
#include "org/registry.h"

namespace anlan::hazard {

// One major hazard with its timeline (oldest first; actors filled in).
struct LedgerItem {
  Hazard hazard;
  std::vector<Event> timeline;
};

struct LedgerInput {
  std::string place;      // whose list: 衡阳市, or the county-level unit's name (祁东县)
  std::string filled_by;  // 填报单位: the viewer's unit (衡阳县应急管理局)
  Millis now = 0;         // 填报日期, and days overdue
  std::vector<LedgerItem> items;
};

// The ledger's title: "<place>重大事故隐患“一单四制”台账".
std::string ledgerTitle(const std::string& place);
// The four sheets, in the order 一单, 台账, 销号, 通报.
std::vector<WorkbookSheet> ledgerSheets(const LedgerInput& in, const org::Registry& registry,
                                        const Calendar& cal);

// How people name the steps of the loop and the records of a timeline (评估认定, 交办, 整改进展…),
// and the escalation actions (建议函 … 一票否决).
const std::vector<Label>& stepLabels();
const std::vector<Label>& escalationLabels();

}  // namespace anlan::hazard

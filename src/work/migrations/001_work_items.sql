-- 待办: what waits on whom, fed by every module in the transaction that changes its record.
-- `roles` holds the acting roles as bits (work::roleBit); `sort_key` the inbox order
-- (work::sortKey). Closed items stay as the record of when work began and ended.
CREATE TABLE work_items (
  id {{id}},
  record_type TEXT NOT NULL,
  ref BIGINT NOT NULL,
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  link TEXT NOT NULL,
  jurisdiction TEXT NOT NULL,
  unit TEXT NOT NULL,
  sector TEXT,
  enterprise_id BIGINT,
  party TEXT NOT NULL,
  roles BIGINT NOT NULL,
  due_at BIGINT,
  urgent BIGINT NOT NULL,
  since BIGINT NOT NULL,
  sort_key BIGINT NOT NULL,
  closed_at BIGINT
);
CREATE INDEX work_items_record ON work_items(record_type, ref) WHERE closed_at IS NULL;
CREATE INDEX work_items_inbox ON work_items(party, unit, sort_key, id) WHERE closed_at IS NULL;
CREATE INDEX work_items_enterprise ON work_items(enterprise_id, sort_key, id)
  WHERE closed_at IS NULL AND enterprise_id IS NOT NULL;

-- The notifier's outbox: one row per opened item and channel, written in the same transaction,
-- delivered (with retries) by whichever node holds its lease.
CREATE TABLE work_deliveries (
  id {{id}},
  item_id BIGINT NOT NULL REFERENCES work_items(id),
  channel TEXT NOT NULL,
  attempts BIGINT NOT NULL DEFAULT 0,
  next_at BIGINT NOT NULL,
  lease_until BIGINT,
  delivered_at BIGINT,
  failed_at BIGINT,
  last_error TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL
);
CREATE INDEX work_deliveries_due ON work_deliveries(channel, next_at)
  WHERE delivered_at IS NULL AND failed_at IS NULL;

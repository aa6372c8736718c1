-- 签收: the city receives a report passed up to it (who and when).
ALTER TABLE intake_reports ADD COLUMN received_at BIGINT;
ALTER TABLE intake_reports ADD COLUMN received_by TEXT NOT NULL DEFAULT '';

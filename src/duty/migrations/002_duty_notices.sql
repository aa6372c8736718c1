-- 通报: a finished spot check is issued as a notice, numbered per year.
ALTER TABLE roll_calls ADD COLUMN notice_year BIGINT;
ALTER TABLE roll_calls ADD COLUMN notice_serial BIGINT;
ALTER TABLE roll_calls ADD COLUMN notice_number TEXT;
ALTER TABLE roll_calls ADD COLUMN notice_issued_at BIGINT;
CREATE UNIQUE INDEX roll_calls_notice ON roll_calls(notice_year, notice_serial);
CREATE INDEX roll_calls_started ON roll_calls(started_at);

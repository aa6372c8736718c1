-- Duty rooms (值班室): one per command center, named by its jurisdiction code.

-- 值班表: shifts with a duty leader and one or two duty officers (names as JSON text).
CREATE TABLE duty_shifts (
  id {{id}},
  room TEXT NOT NULL REFERENCES jurisdictions(code),
  starts_at BIGINT NOT NULL,
  ends_at BIGINT NOT NULL,
  leader TEXT NOT NULL,
  officers TEXT NOT NULL,
  note TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX duty_shifts_room ON duty_shifts(room, starts_at);

-- 值班日志 and 交接班 notes.
CREATE TABLE duty_log (
  id {{id}},
  room TEXT NOT NULL REFERENCES jurisdictions(code),
  at BIGINT NOT NULL,
  author TEXT NOT NULL,
  kind TEXT NOT NULL,
  text TEXT NOT NULL
);
CREATE INDEX duty_log_room ON duty_log(room, id);

-- 接报: information intake, passed up to the city.
CREATE TABLE intake_reports (
  id {{id}},
  room TEXT NOT NULL REFERENCES jurisdictions(code),
  reporter_name TEXT NOT NULL,
  reporter_unit TEXT NOT NULL,
  reporter_phone TEXT NOT NULL,
  event_type TEXT NOT NULL,
  occurred_at BIGINT NOT NULL,
  place TEXT NOT NULL,
  scope TEXT NOT NULL,
  dead BIGINT NOT NULL,
  injured BIGINT NOT NULL,
  missing BIGINT NOT NULL,
  handling TEXT NOT NULL,
  help_requested TEXT NOT NULL,
  state TEXT NOT NULL,
  passed_up_at BIGINT,
  created_by TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  version BIGINT NOT NULL
);
CREATE INDEX intake_reports_room ON intake_reports(room, id);

-- 视频点名 / 随机抽查: a spot check, its draw (with the seed) and each room's outcome.
CREATE TABLE roll_calls (
  id {{id}},
  started_at BIGINT NOT NULL,
  started_by TEXT NOT NULL,
  mode TEXT NOT NULL,
  seed TEXT NOT NULL,
  requested BIGINT NOT NULL,
  weighted INTEGER NOT NULL,
  state TEXT NOT NULL,
  finished_at BIGINT,
  version BIGINT NOT NULL
);
CREATE TABLE roll_call_rooms (
  roll_call_id BIGINT NOT NULL REFERENCES roll_calls(id),
  room TEXT NOT NULL REFERENCES jurisdictions(code),
  position BIGINT NOT NULL,
  state TEXT NOT NULL,
  rung_at BIGINT,
  answered_at BIGINT,
  answered_by TEXT,
  rostered INTEGER,
  on_post INTEGER,
  av_fault TEXT NOT NULL,
  report TEXT NOT NULL,
  assessment TEXT NOT NULL,
  remarks TEXT NOT NULL,
  PRIMARY KEY (roll_call_id, room)
);
CREATE INDEX roll_call_rooms_room ON roll_call_rooms(room, roll_call_id);

-- Hazards (隐患) and their closed loop. A hazard is never deleted: it is closed off.
CREATE TABLE hazards (
  id {{id}},
  code TEXT NOT NULL UNIQUE,
  enterprise_id BIGINT REFERENCES enterprises(id),
  enterprise_name TEXT NOT NULL,  -- as registered when the hazard was found
  site TEXT NOT NULL,
  jurisdiction TEXT NOT NULL REFERENCES jurisdictions(code),
  unit TEXT NOT NULL,
  sector TEXT NOT NULL REFERENCES sectors(code),
  lon DOUBLE PRECISION,
  lat DOUBLE PRECISION,
  description TEXT NOT NULL,
  grade TEXT NOT NULL,
  source TEXT NOT NULL,
  found_at BIGINT NOT NULL,
  found_by TEXT NOT NULL,
  risk_color TEXT NOT NULL,
  state TEXT NOT NULL,
  deadline BIGINT,
  overdue INTEGER NOT NULL,
  supervision TEXT NOT NULL,
  confirmation TEXT,
  assignment TEXT,
  plan TEXT,
  closed_off_at BIGINT,
  reporter_id BIGINT,
  search TEXT NOT NULL,
  demo INTEGER NOT NULL,
  version BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
-- Lists are newest first within the caller's units or sectors, or by deadline.
CREATE INDEX hazards_found ON hazards(found_at, id);
CREATE INDEX hazards_unit ON hazards(unit, found_at, id);
CREATE INDEX hazards_sector ON hazards(sector, found_at, id);
CREATE INDEX hazards_enterprise ON hazards(enterprise_id, found_at, id);
CREATE INDEX hazards_deadline ON hazards(deadline, id);
-- The overdue sweep reads only open hazards whose deadline may pass.
CREATE INDEX hazards_due ON hazards(deadline) WHERE overdue = 0 AND state IN ('assigned', 'rectifying');

-- The timeline: every step, ledger entry, supervision and escalation action.
CREATE TABLE hazard_events (
  id {{id}},
  hazard_id BIGINT NOT NULL REFERENCES hazards(id),
  at BIGINT NOT NULL,
  actor_id BIGINT,
  actor_name TEXT NOT NULL,
  kind TEXT NOT NULL,
  from_state TEXT,
  to_state TEXT,
  data TEXT NOT NULL
);
CREATE INDEX hazard_events_hazard ON hazard_events(hazard_id, id);

-- Photos and evidence; the bytes are files named by their SHA-256 under files_dir.
CREATE TABLE hazard_attachments (
  id {{id}},
  hazard_id BIGINT NOT NULL REFERENCES hazards(id),
  name TEXT NOT NULL,
  media_type TEXT NOT NULL,
  size BIGINT NOT NULL,
  sha256 TEXT NOT NULL,
  event_id BIGINT REFERENCES hazard_events(id),
  uploaded_by TEXT NOT NULL,
  uploaded_at BIGINT NOT NULL
);
CREATE INDEX hazard_attachments_hazard ON hazard_attachments(hazard_id, id);

-- Counts kept in the transaction of every change, so that statistics never scan the hazards.
CREATE TABLE hazard_counts (
  unit TEXT NOT NULL,
  sector TEXT NOT NULL,
  grade TEXT NOT NULL,
  state TEXT NOT NULL,
  overdue INTEGER NOT NULL,
  n BIGINT NOT NULL,
  PRIMARY KEY (unit, sector, grade, state, overdue)
);
CREATE TABLE hazard_months (
  unit TEXT NOT NULL,
  sector TEXT NOT NULL,
  grade TEXT NOT NULL,
  month TEXT NOT NULL,
  found BIGINT NOT NULL,
  closed_off BIGINT NOT NULL,
  PRIMARY KEY (unit, sector, grade, month)
);

-- Serial numbers of hazard codes and notice numbers, per scope and year.
CREATE TABLE hazard_serials (
  scope TEXT NOT NULL,
  year BIGINT NOT NULL,
  last BIGINT NOT NULL,
  PRIMARY KEY (scope, year)
);

-- 通报: issued notices, immutable; the rows are kept as issued (JSON).
CREATE TABLE hazard_notices (
  id {{id}},
  number TEXT NOT NULL UNIQUE,
  jurisdiction TEXT NOT NULL REFERENCES jurisdictions(code),
  period_from BIGINT NOT NULL,
  period_to BIGINT NOT NULL,
  issued_at BIGINT NOT NULL,
  issued_by TEXT NOT NULL,
  trigger_kind TEXT NOT NULL,
  body TEXT NOT NULL
);
CREATE INDEX hazard_notices_jurisdiction ON hazard_notices(jurisdiction, id);

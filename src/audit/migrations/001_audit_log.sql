-- Append-only, hash-chained audit trail. Ids are assigned in order under the head row's lock.
CREATE TABLE audit_log (
  id BIGINT PRIMARY KEY,
  at BIGINT NOT NULL,
  actor_id BIGINT,
  actor TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  action TEXT NOT NULL,
  jurisdiction TEXT NOT NULL,
  before_json TEXT,
  after_json TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);
CREATE INDEX audit_log_at ON audit_log(at);

CREATE TABLE audit_head (
  id INTEGER PRIMARY KEY,
  last_id BIGINT NOT NULL,
  last_hash TEXT NOT NULL
);
INSERT INTO audit_head (id, last_id, last_hash) VALUES (1, 0, 'genesis');

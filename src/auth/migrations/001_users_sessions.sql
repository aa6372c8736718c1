CREATE TABLE users (
  id {{id}},
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL,
  jurisdiction TEXT NOT NULL REFERENCES jurisdictions(code),
  department TEXT,
  enterprise_id BIGINT,
  phone TEXT,
  active INTEGER NOT NULL DEFAULT 1,
  version BIGINT NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX users_jurisdiction ON users(jurisdiction);

-- Sessions are stored by the SHA-256 of their token only.
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users(id),
  created_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  revoked_at BIGINT,
  remote_addr TEXT NOT NULL,
  user_agent TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

-- Enterprises under supervision (生产经营单位). Never deleted: deactivated (active = 0).
CREATE TABLE enterprises (
  id {{id}},
  name TEXT NOT NULL,
  credit_code TEXT NOT NULL UNIQUE,
  jurisdiction TEXT NOT NULL REFERENCES jurisdictions(code),
  address TEXT NOT NULL,
  lon DOUBLE PRECISION,
  lat DOUBLE PRECISION,
  risk_color TEXT NOT NULL,
  size TEXT NOT NULL,
  contact_name TEXT,
  contact_phone TEXT,
  major_hazard_installations INTEGER NOT NULL,
  active INTEGER NOT NULL,
  demo INTEGER NOT NULL,
  search TEXT NOT NULL,
  version BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX enterprises_jurisdiction ON enterprises(jurisdiction, id);
CREATE INDEX enterprises_risk ON enterprises(risk_color, id);
CREATE INDEX enterprises_name ON enterprises(name, id);

CREATE TABLE enterprise_sectors (
  enterprise_id BIGINT NOT NULL REFERENCES enterprises(id),
  sector TEXT NOT NULL REFERENCES sectors(code),
  PRIMARY KEY (enterprise_id, sector)
);
CREATE INDEX enterprise_sectors_sector ON enterprise_sectors(sector, enterprise_id);

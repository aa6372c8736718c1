-- Every unit has its command center (指挥中心), whose duty room the platform rings and watches.
CREATE TABLE command_centers (
  jurisdiction TEXT PRIMARY KEY REFERENCES jurisdictions(code),
  name TEXT NOT NULL,
  name_en TEXT NOT NULL,
  duty_phone TEXT
);
INSERT INTO command_centers (jurisdiction, name, name_en)
  SELECT code, name || '应急指挥中心', name_en || ' Emergency Command Center'
  FROM jurisdictions WHERE level IN ('city', 'county', 'park');

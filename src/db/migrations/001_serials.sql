-- Serial numbers per series and year (hazard codes, notice numbers…), shared by every module:
-- db::nextSerial takes the next one with an upsert, so concurrent writers never get the same.
CREATE TABLE serials (
  series TEXT NOT NULL,
  year BIGINT NOT NULL,
  last BIGINT NOT NULL,
  PRIMARY KEY (series, year)
);

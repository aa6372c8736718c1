-- Hazard codes and notice numbers move to the shared serial counter (db module, table serials).
INSERT INTO serials (series, year, last) SELECT scope, year, last FROM hazard_serials;
DROP TABLE hazard_serials;

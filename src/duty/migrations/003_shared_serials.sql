-- Spot-check notice numbers come from the shared serial counter (db module, table serials)
-- instead of MAX(notice_serial) + 1, which two finishing checks could both take.
INSERT INTO serials (series, year, last)
  SELECT 'roll_call_notice', notice_year, MAX(notice_serial) FROM roll_calls
  WHERE notice_year IS NOT NULL GROUP BY notice_year;

-- The list indexes carry the columns lists are most often filtered by (state, grade, overdue) after
-- their keyset key. A filtered page ("rectifying or assigned in my county, newest first") then
-- skips non-matching hazards within the index and reads only the rows it returns: at 10 million
-- hazards a county's newest rows are mostly just registered, and reading each skipped row cost
-- SQLite a page read (bench/hazards, docs/benchmarks.md).
DROP INDEX hazards_found;
CREATE INDEX hazards_found ON hazards(found_at, id, state, grade, overdue);
DROP INDEX hazards_unit;
CREATE INDEX hazards_unit ON hazards(unit, found_at, id, state, grade, overdue);
DROP INDEX hazards_sector;
CREATE INDEX hazards_sector ON hazards(sector, found_at, id, state, grade, overdue);

-- The statistics read the last twelve months of every unit: a range of this index, not the table.
CREATE INDEX hazard_months_month ON hazard_months(month, unit, found, closed_off);

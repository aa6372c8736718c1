-- Departments (部门) and sectors (行业领域), each sector with its lead department
-- (管行业必须管安全: whoever governs a sector answers for its safety).
CREATE TABLE departments (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  name_en TEXT NOT NULL,
  sort BIGINT NOT NULL
);
INSERT INTO departments (code, name, name_en, sort) VALUES
  ('yjgl', '应急管理局', 'Emergency Management Bureau', 1),
  ('zjj', '住房和城乡建设局', 'Housing and Urban-Rural Development Bureau', 2),
  ('jtysj', '交通运输局', 'Transport Bureau', 3),
  ('gajj', '公安局交通警察支队', 'Public Security Traffic Police', 4),
  ('xfjy', '消防救援支队', 'Fire and Rescue Detachment', 5),
  ('slj', '水利局', 'Water Resources Bureau', 6),
  ('qxj', '气象局', 'Meteorological Bureau', 7),
  ('zrzyj', '自然资源和规划局', 'Natural Resources and Planning Bureau', 8),
  ('scjgj', '市场监督管理局', 'Market Supervision Bureau', 9),
  ('gxj', '工业和信息化局', 'Industry and Information Technology Bureau', 10),
  ('jyj', '教育局', 'Education Bureau', 11),
  ('wlj', '文化旅游广电体育局', 'Culture, Tourism, Radio, TV and Sports Bureau', 12),
  ('cgj', '城市管理和综合执法局', 'Urban Management and Law Enforcement Bureau', 13);

CREATE TABLE sectors (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  name_en TEXT NOT NULL,
  lead_department TEXT NOT NULL REFERENCES departments(code),
  sort BIGINT NOT NULL
);
INSERT INTO sectors (code, name, name_en, lead_department, sort) VALUES
  ('construction', '建筑施工', 'Construction', 'zjj', 1),
  ('road_traffic', '道路交通', 'Road traffic', 'gajj', 2),
  ('road_transport', '道路运输', 'Road transport', 'jtysj', 3),
  ('hazardous_chemicals', '危险化学品', 'Hazardous chemicals', 'yjgl', 4),
  ('fire', '消防', 'Fire safety', 'xfjy', 5),
  ('flood_drought', '防汛抗旱', 'Flood and drought', 'slj', 6),
  ('mining', '矿山', 'Mining', 'yjgl', 7),
  ('industry_trade', '工贸', 'Industry and trade', 'yjgl', 8),
  ('gas', '燃气', 'Gas', 'cgj', 9),
  ('special_equipment', '特种设备', 'Special equipment', 'scjgj', 10),
  ('fireworks', '烟花爆竹', 'Fireworks', 'yjgl', 11),
  ('campus', '校园安全', 'Schools', 'jyj', 12),
  ('tourism', '文化旅游', 'Culture and tourism', 'wlj', 13);

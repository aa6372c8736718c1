CREATE TABLE jurisdictions (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  name_en TEXT NOT NULL,
  level TEXT NOT NULL,          -- province, city, county, park, township
  parent_code TEXT REFERENCES jurisdictions(code),
  official INTEGER NOT NULL     -- 1: a GB/T 2260 code; 0: a statistical code (parks)
);
CREATE INDEX jurisdictions_parent ON jurisdictions(parent_code);

INSERT INTO jurisdictions (code, name, name_en, level, parent_code, official) VALUES
  ('430000', '湖南省', 'Hunan Province', 'province', NULL, 1),
  ('430400', '衡阳市', 'Hengyang City', 'city', '430000', 1),
  ('430405', '珠晖区', 'Zhuhui District', 'county', '430400', 1),
  ('430406', '雁峰区', 'Yanfeng District', 'county', '430400', 1),
  ('430407', '石鼓区', 'Shigu District', 'county', '430400', 1),
  ('430408', '蒸湘区', 'Zhengxiang District', 'county', '430400', 1),
  ('430412', '南岳区', 'Nanyue District', 'county', '430400', 1),
  ('430421', '衡阳县', 'Hengyang County', 'county', '430400', 1),
  ('430422', '衡南县', 'Hengnan County', 'county', '430400', 1),
  ('430423', '衡山县', 'Hengshan County', 'county', '430400', 1),
  ('430424', '衡东县', 'Hengdong County', 'county', '430400', 1),
  ('430426', '祁东县', 'Qidong County', 'county', '430400', 1),
  ('430481', '耒阳市', 'Leiyang City', 'county', '430400', 1),
  ('430482', '常宁市', 'Changning City', 'county', '430400', 1),
  ('430471', '衡阳综合保税区', 'Hengyang Comprehensive Bonded Zone', 'park', '430400', 0),
  ('430472', '湖南衡阳高新技术产业园区', 'Hengyang Hi-Tech Industrial Park', 'park', '430400', 0),
  ('430473', '湖南衡阳松木经济开发区', 'Songmu Economic Development Zone', 'park', '430400', 0);

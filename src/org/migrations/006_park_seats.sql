-- Where a unit without a boundary of its own sits on the map: the three parks (开发区), which lie
-- inside urban districts and have no boundary in the division data. Approximate positions (WGS-84)
-- of each park's area inside its host district, for a map marker only; see data/README.md.
CREATE TABLE jurisdiction_seats (
  code TEXT PRIMARY KEY REFERENCES jurisdictions(code),
  lon DOUBLE PRECISION NOT NULL,
  lat DOUBLE PRECISION NOT NULL,
  host TEXT NOT NULL REFERENCES jurisdictions(code),  -- the district the park lies in
  short_name TEXT NOT NULL                            -- its name on the map
);
INSERT INTO jurisdiction_seats (code, lon, lat, host, short_name) VALUES
  ('430471', 112.600, 26.830, '430406', '综保区'),  -- 衡阳综合保税区: 白沙洲, 雁峰区
  ('430472', 112.560, 26.900, '430408', '高新区'),  -- 湖南衡阳高新技术产业园区: 蒸湘区
  ('430473', 112.600, 26.980, '430407', '松木经开区');  -- 湖南衡阳松木经济开发区: 松木, 石鼓区

-- wrk script for bench/hazards/run.sh. The bearer token comes with -H. With a file argument
-- (wrk ... URL -- FILE), requests go round-robin over the paths in FILE, one a line; without one,
-- every request is for the URL's path.
local paths = {}
local n = 0

init = function(args)
  if args[1] then
    for line in io.lines(args[1]) do
      if #line > 0 then paths[#paths + 1] = line end
    end
  end
end

request = function()
  if #paths == 0 then return wrk.format() end
  n = n % #paths + 1
  return wrk.format(nil, paths[n])
end

-- The report at the end ("WRKJSON {...}") is bench/lib/report.lua's.
local here = debug.getinfo(1, "S").source:sub(2):match("(.*/)") or "./"
dofile(here .. "../lib/report.lua")

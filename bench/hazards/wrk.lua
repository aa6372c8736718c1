-- wrk script for bench/hazards/run.sh. The bearer token comes with -H. With a file argument
-- (wrk ... URL -- FILE), requests go round-robin over the paths in FILE, one a line; without one,
-- every request is for the URL's path. At the end it prints one line "WRKJSON {...}" (latencies in
-- milliseconds; wrk measures microseconds).
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

done = function(summary, latency, requests)
  local e = summary.errors
  local secs = summary.duration / 1e6
  io.write(string.format(
    'WRKJSON {"requests":%d,"duration_s":%.3f,"bytes":%d,"rps":%.1f,' ..
    '"p50_ms":%.3f,"p75_ms":%.3f,"p90_ms":%.3f,"p99_ms":%.3f,"max_ms":%.3f,"mean_ms":%.3f,' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d}}\n',
    summary.requests, secs, summary.bytes, summary.requests / secs,
    latency:percentile(50) / 1e3, latency:percentile(75) / 1e3, latency:percentile(90) / 1e3,
    latency:percentile(99) / 1e3, latency.max / 1e3, latency.mean / 1e3,
    e.connect, e.read, e.write, e.status, e.timeout))
end

-- wrk script: every request is one respondent saving the ratings step
-- (one write transaction, acknowledged after the commit), with a token
-- drawn from tokens.txt, as the autosave script sends it.
local tokens = {}
for line in io.lines(os.getenv("TOKENS") or "tokens.txt") do
  local t = line:match("^(%S+)")
  if t then tokens[#tokens + 1] = t end
end
local counter = 0
-- THINK_MS > 0: each connection is one respondent who waits that long
-- between saves (an open, human-paced load); 0: back-to-back (saturation).
local think = tonumber(os.getenv("THINK_MS") or "0")
if think > 0 then
  delay = function() return math.random(math.floor(think / 2), math.floor(think * 3 / 2)) end
end
request = function()
  counter = counter + 1
  local token = tokens[math.random(#tokens)]
  local body = "r_coordination=" .. (counter % 6 + 1) .. "&r_meeting_places=dk"
  return wrk.format("POST", "/s/" .. token .. "/ratings", {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["X-Autosave"] = "1",
  }, body)
end
local errors = 0
response = function(status, headers, body)
  if status ~= 200 then errors = errors + 1 end
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d duration_s=%.1f rps=%.0f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx=%d socket_errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end

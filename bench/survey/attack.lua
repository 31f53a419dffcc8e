-- wrk script for the attacker of `run.sh attack`: back-to-back posts of the
-- largest survey body the server accepts (the open-questions step, seven
-- answers of 4 000 characters each, percent-encoded: ~170 kB), each with a
-- field repeated to fill the rest of the limit. The server must refuse or
-- store these without slowing honest respondents down.
local tokens = {}
for line in io.lines(os.getenv("TOKENS") or "tokens.txt") do
  local t = line:match("^(%S+)")
  if t then tokens[#tokens + 1] = t end
end
local answer = string.rep("%C3%B8", 4000) -- «ø» × 4000, the maximum length
local questions = { "strengths", "challenges", "coordination", "responsibility", "turnover", "refugees", "focus" }
local parts = {}
for _, q in ipairs(questions) do parts[#parts + 1] = "o_" .. q .. "=" .. answer end
local body = table.concat(parts, "&")
-- Pad with repeated list fields up to just under the 256 kB limit.
local pad = "&chosen=1"
while #body + #pad < 255 * 1024 do body = body .. pad end
request = function()
  local token = tokens[math.random(#tokens)]
  return wrk.format("POST", "/s/" .. token .. "/open", {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["X-Autosave"] = "1",
  }, body)
end
done = function(summary, latency, requests)
  io.write(string.format("ATTACK requests=%d rps=%.0f p50_ms=%.2f p99_ms=%.2f bytes_per_request=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, #body))
end

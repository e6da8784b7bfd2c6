-- wrk script for bench/run: POSTs one JSON body with the session cookie and
-- the CSRF header, counts responses that are not 200 or carry "errors", and
-- prints one JSON line with the latency percentiles (ms) when done.
-- Environment: BENCH_PATH, BENCH_BODY_FILE, BENCH_COOKIE.

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  errors = 0
  responses = 0
  local file = assert(io.open(os.getenv("BENCH_BODY_FILE"), "rb"))
  local body = file:read("*a")
  file:close()
  local headers = {
    ["Content-Type"] = "application/json",
    ["X-Ponte-CSRF"] = "1",
    ["Cookie"] = os.getenv("BENCH_COOKIE"),
  }
  prepared = wrk.format("POST", os.getenv("BENCH_PATH"), headers, body)
end

function request()
  return prepared
end

function response(status, headers, body)
  responses = responses + 1
  if status ~= 200 or string.find(body, '"errors"', 1, true) then
    errors = errors + 1
  end
end

function done(summary, latency, requests)
  local failed, answered = 0, 0
  for _, thread in ipairs(threads) do
    failed = failed + thread:get("errors")
    answered = answered + thread:get("responses")
  end
  local e = summary.errors
  io.write(string.format(
    '{"requests": %d, "answered": %d, "errors": %d, "socket_errors": %d, "p50_ms": %.3f, "p99_ms": %.3f, "seconds": %.3f}\n',
    summary.requests, answered, failed, e.connect + e.read + e.write + e.status + e.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.duration / 1e6))
end

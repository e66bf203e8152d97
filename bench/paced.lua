-- wrk script for bench/shadow.sh's paced runs: after each answer a connection waits PACE
-- milliseconds (the script's first argument, default 4) before it sends its next request, so the
-- offered load stays below saturation and the latency measured is the proxy's, not a queue's.
-- Prints "p99.9 <microseconds>" after wrk's report.
local pace = 4

function init(args)
  pace = tonumber(args[1]) or pace
end

function delay()
  return pace
end

function done(summary, latency, requests)
  io.write(string.format("p99.9 %d\n", latency:percentile(99.9)))
end

#!/usr/bin/env bash
# Shadow traffic cost on loopback: wrk through the edge and through nginx with mirroring off, on
# at 100% to a normal shadow upstream, and on at 100% to a shadow that answers after SLOW_MS;
# then writes the "Shadow traffic (bench/shadow.sh)" section of docs/benchmarks.md.
# Saturating wrk runs show throughput; their p99 is mostly queueing in wrk, proxy and upstreams
# on 2 shared cores. So each measured run is followed by a paced run (bench/paced.lua: each
# connection waits PACE_MS between an answer and its next request), whose latency is the
# proxy's own at a load well below saturation, the way a production edge runs.
# The edge compares both sides' whole JSON body (core {json: ""}); nginx's `mirror` discards the
# shadow's answer. The edge's edge_shadow_total{outcome} counts of each measured run are reported.
#
# A proxy's three cases run side by side (each its own process on its own port, started and
# warmed up once); each round then measures them one after the other, the order rotating from
# round to round, so that the cases compared are measured within a minute of each other on a
# machine whose speed drifts. The report gives each case's median over the rounds, and each
# shadowed case's ratio to the same round's shadowing-off case (its median too).
#
# Settings (env): CONNS=64 THREADS=2 DURATION=15s WARMUP=30s  wrk connections/threads/durations
#                 RUN_WARMUP=5s                               wrk run just before each measured run
#                 ROUNDS=5                                    rounds over all cases
#                 WRK_OPTS="--timeout 10s"                    extra wrk flags (a stalled answer
#                                                             counts in the latency, not as error)
#                 PACE_MS=4 PACED_DURATION=15s                a paced run after each measured run:
#                                                             each connection waits PACE_MS after
#                                                             an answer (bench/paced.lua); 0: none
#                 SLOW_MS=2000                                the slow shadow's delay
#                 SETTLE=3                                    seconds to let mirrors finish after a run
#                 NOISE_SAMPLE=0                              shadow.noise.sample of the shadowed edge
#                                                             cases: the outcomes line then adds the
#                                                             noise repeats and extra serving-side
#                                                             requests ÷ requests
#                 EDGE_THREADS=2 EDGE_JAVA_OPTS=...           as bench/proxy.sh
#                 UPSTREAM_THREADS=1                          primary HelloUpstream event loop threads
#                 CASES="edge-off edge-on edge-slow nginx-off nginx-on nginx-slow"
#                                                             (edge-aa: a second edge with shadowing
#                                                             off, measured against edge-off like the
#                                                             others: the spread of an A/A comparison;
#                                                             edge-base-off, edge-base-on, edge-base-slow:
#                                                             the same cases on the edge jar at BASE_JAR,
#                                                             e.g. a build of an older commit)
#                 EDGE_JAR=edge-proxy/target/edge-proxy.jar   the edge jar under test
#                 BASE_JAR=                                   the edge-base-* cases' jar
#                 QUIET_WAIT=300 MAX_OTHER_CPU=5 ATTEMPTS=2 REBUILD=1 OUT=docs/benchmarks.md
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$ROOT/bench"
cd "$ROOT"

CONNS="${CONNS:-64}"
THREADS="${THREADS:-2}"
DURATION="${DURATION:-15s}"
WARMUP="${WARMUP:-30s}"
RUN_WARMUP="${RUN_WARMUP:-5s}"
ROUNDS="${ROUNDS:-5}"
WRK_OPTS="${WRK_OPTS---timeout 10s}"
SLOW_MS="${SLOW_MS:-2000}"
PACE_MS="${PACE_MS:-4}"
PACED_DURATION="${PACED_DURATION:-15s}"
SETTLE="${SETTLE:-3}"
NOISE_SAMPLE="${NOISE_SAMPLE:-0}"
EDGE_THREADS="${EDGE_THREADS:-2}"
EDGE_JAVA_OPTS="${EDGE_JAVA_OPTS--XX:+UseParallelGC -Xms512m -Xmx512m -XX:+AlwaysPreTouch}"
UPSTREAM_THREADS="${UPSTREAM_THREADS:-1}"
QUIET_WAIT="${QUIET_WAIT:-300}"
MAX_OTHER_CPU="${MAX_OTHER_CPU:-5}"
ATTEMPTS="${ATTEMPTS:-2}"
CASES="${CASES:-edge-off edge-on edge-slow nginx-off nginx-on nginx-slow}"
OUT="${OUT:-$ROOT/docs/benchmarks.md}"
SECTION="Shadow traffic (bench/shadow.sh)"
EDGE_JAR="${EDGE_JAR:-$ROOT/edge-proxy/target/edge-proxy.jar}"
EXPECTED_BODY='{"greeting":"Hello from upstream","count":1}'
SHADOW_ON="{enabled: true, sample: 1.0, timeout: 5s}"
# Only when set, so that edge-base-* jars older than noise learning still read the config.
[[ "$NOISE_SAMPLE" == 0 ]] || SHADOW_ON="{enabled: true, sample: 1.0, timeout: 5s, noise: {sample: $NOISE_SAMPLE}}"
# shellcheck source=bench/lib.sh
source "$BENCH/lib.sh"

# ------------------------------------------------------------------------------------- targets

start_upstreams() {
  start_hello upstream --json --threads "$UPSTREAM_THREADS"
  UPSTREAM_PORT="$STARTED_PORT"
  start_hello shadow --json --threads 1
  SHADOW_PORT="$STARTED_PORT"
  start_hello slow-shadow --json --threads 1 --delay "$SLOW_MS"
  SLOW_SHADOW_PORT="$STARTED_PORT"
  await_body upstream "http://127.0.0.1:$UPSTREAM_PORT/" "$STARTED_PID"
}

shadow_port_of() {
  case "$1" in
    *-slow) echo "$SLOW_SHADOW_PORT" ;;
    *) echo "$SHADOW_PORT" ;;
  esac
}

# Starts case $1 (edge-off, nginx-slow, ...) on a free port; sets TARGET_URL and TARGET_PID.
start_target() {
  local target="$1" port shadow_port
  port="$(free_port)" shadow_port="$(shadow_port_of "$target")"
  TARGET_URL="http://127.0.0.1:$port/"
  case "$target" in
    edge-*)
      ADMIN_PORT="$(free_port)"
      local shadow="$SHADOW_ON" opts=() jar="$EDGE_JAR"
      ! shadowing_off "$target" || shadow="{enabled: false}"
      [[ "$target" != edge-base-* ]] || jar="${BASE_JAR:?the edge-base-* cases need BASE_JAR (an edge-proxy.jar)}"
      render "$BENCH/edge-shadow-routes.yaml.template" "$WORK/$target.yaml" \
        PORT="$port" ADMIN_PORT="$ADMIN_PORT" UPSTREAM_PORT="$UPSTREAM_PORT" SHADOW_PORT="$shadow_port" \
        STATE_DIR="$WORK/$target-state" SHADOW="$shadow"
      read -r -a opts <<<"$EDGE_JAVA_OPTS"
      start "$target" java "${opts[@]}" -jar "$jar" --config "$WORK/$target.yaml" --threads "$EDGE_THREADS"
      ;;
    nginx-*)
      local mirror="mirror /mirror;"
      [[ "$target" != nginx-off ]] || mirror=""
      mkdir -p "$WORK/$target"
      render "$BENCH/nginx-mirror.conf.template" "$WORK/$target/nginx.conf" \
        PORT="$port" UPSTREAM_PORT="$UPSTREAM_PORT" SHADOW_PORT="$shadow_port" WORK="$WORK/$target" MIRROR="$mirror"
      start "$target" nginx -e "$WORK/$target/nginx-error.log" -p "$WORK/$target" -c "$WORK/$target/nginx.conf"
      ;;
    *) die "unknown case '$target' (edge-off, edge-aa, edge-on, edge-slow, edge-base-*, nginx-off, nginx-on, nginx-slow)" ;;
  esac
  TARGET_PID="$STARTED_PID"
  await_body "$target" "$TARGET_URL" "$TARGET_PID"
  [[ "$target" != edge-* ]] || await_admin "$target"
}

# Waits until the edge's admin port answers /health (it starts after the data plane).
await_admin() {
  for _ in $(seq 300); do
    curl -fsS --max-time 2 "http://127.0.0.1:$ADMIN_PORT/health" >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  die "$1: the admin port did not answer /health within 60s"
}

# Prints the edge's edge_shadow_total series as "outcome count" lines, and the noise repeats sent
# to the serving side (edge_noise_repeats_total{result="sent"}) as "noise-repeats count".
shadow_counts() {
  curl -fsS --max-time 5 "http://127.0.0.1:$ADMIN_PORT/metrics" \
    | awk '/^edge_shadow_total\{/ { match($0, /outcome="[^"]*"/); o = substr($0, RSTART + 9, RLENGTH - 10); n[o] += $NF }
           /^edge_noise_repeats_total\{/ && /result="sent"/ { n["noise-repeats"] += $NF }
           END { for (o in n) printf "%s %d\n", o, n[o] }' | sort
}

# Clock ticks of CPU used so far by the target: the edge's JVM, or nginx's master and workers.
target_ticks() {
  local pids=("$TARGET_PID") pid rest=() ticks=0
  read -r -a rest <<<"$(cat /proc/"$TARGET_PID"/task/*/children 2>/dev/null || true)"
  pids+=("${rest[@]}")
  for pid in "${pids[@]}"; do
    read -r -a rest <<<"$(sed 's/^.*) //' "/proc/$pid/stat" 2>/dev/null || true)"
    ((${#rest[@]} > 13)) && ticks=$((ticks + rest[11] + rest[12]))
  done
  echo "$ticks"
}

before_run() {
  target_ticks >"$WORK/$1.$2.ticks"
  [[ "$1" == edge-* ]] || return 0
  shadow_counts >"$WORK/$1.$2.before"
}

# Stores the target's CPU ticks of the run; lets the mirrors of the run finish, then stores the
# run's outcome counts (after − before).
after_run() {
  echo $(($(target_ticks) - $(cat "$WORK/$1.$2.ticks"))) >"$WORK/$1.$2.ticks"
  [[ "$1" == edge-* ]] || return 0
  sleep "$SETTLE"
  shadow_counts >"$WORK/$1.$2.after"
  awk 'FILENAME == ARGV[1] { b[$1] = $2; next }
       { d = $2 - b[$1]; if (d > 0) { printf "%s%s %d", sep, $1, d; sep = ", " }
         if ($1 == "noise-repeats") r = d; else t += d }
       END { if (r > 0 && t > 0) printf ", extra serving-side requests ÷ requests %.4f", r / t; print "" }' \
    "$WORK/$1.$2.before" "$WORK/$1.$2.after" >"$WORK/$1.$2.outcomes"
}

# ---------------------------------------------------------------------------------------- report

# Milliseconds of a wrk duration (850.00us, 1.20ms, 2.00s, 1.05m).
to_ms() {
  awk -v d="$1" 'BEGIN { v = d + 0; u = d; sub(/^[0-9.]+/, "", u)
    f = (u == "us") ? 0.001 : (u == "ms") ? 1 : (u == "s") ? 1000 : (u == "m") ? 60000 : 0
    printf "%.3f", v * f }'
}

change() {
  awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%+.0f%%", 100 * (a - b) / b; else printf "–" }'
}

# Whether case $1 runs with shadowing off.
shadowing_off() {
  [[ "$1" == *-off || "$1" == edge-aa ]]
}

shadow_label() {
  local base=""
  [[ "$1" != edge-base-* ]] || base=", base build"
  echo "$(shadow_label_of "$1")$base"
}

shadow_label_of() {
  case "$1" in
    *-off) echo "off" ;;
    *-aa) echo "off, a second instance (A/A control)" ;;
    *-on) echo "100% → normal shadow" ;;
    *-slow) echo "100% → shadow answering after ${SLOW_MS} ms" ;;
  esac
}

versions() {
  echo "java: $(java -version 2>&1 | head -n 1)"
  echo "nginx: $(nginx -v 2>&1 | sed 's/.*nginx\///')"
  echo "wrk: $( (wrk -v 2>&1 || true) | head -n 1 | cut -d' ' -f2)"
}

# The median of the numbers given as arguments.
median() {
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) exit; print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# Stores round $2's figures of case $1: "req/s p50_ms p99_ms cpu_us_per_request other%".
keep_round() {
  local target="$1" round="$2" rps p50 p99 non2xx errors ticks seconds
  read -r rps p50 p99 non2xx errors <<<"${RESULTS[$target]}"
  BAD_NON2XX[$target]=$((${BAD_NON2XX[$target]:-0} + non2xx))
  BAD_ERRORS[$target]=$((${BAD_ERRORS[$target]:-0} + errors))
  ticks="$(cat "$WORK/$target.${BEST_ATTEMPT[$target]}.ticks")"
  seconds="$(to_ms "$DURATION")"
  ROUND[$target.$round]="$rps $(to_ms "$p50") $(to_ms "$p99") $(awk -v t="$ticks" -v r="$rps" -v s="$seconds" \
    'BEGIN { printf "%.1f", (r > 0) ? t * 10000 / (r * s / 1000) : 0 }') ${OTHER_CPU[$target]}"
  [[ "$target" != edge-* ]] || cp "$WORK/$target.${BEST_ATTEMPT[$target]}.outcomes" "$WORK/$target.round$round.outcomes"
}

# Sets RATIO (req/s ÷ off) and CHANGE (p99 vs off, %) of every case and round against the same
# proxy's off case of that round.
compare_rounds() {
  local target round rps p99 off_rps off_p99
  for ((round = 1; round <= ROUNDS; round++)); do
    for target in $CASES; do
      read -r rps _ p99 _ <<<"${ROUND[$target.$round]}"
      read -r off_rps _ off_p99 _ <<<"${ROUND[${target%%-*}-off.$round]:-}"
      RATIO[$target.$round]="$(awk -v a="$rps" -v b="${off_rps:-0}" 'BEGIN { printf "%.3f", (b > 0) ? a / b : 0 }')"
      CHANGE[$target.$round]="$(awk -v a="$p99" -v b="${off_p99:-0}" 'BEGIN { printf "%.1f", (b > 0) ? 100 * (a - b) / b : 0 }')"
    done
  done
}

# Median over the rounds of field $2 (1-based) of case $1's figures in ROUND, or in the array
# named $3 (PACED).
round_median() {
  local -n figures="${3:-ROUND}"
  local target="$1" field="$2" round values=()
  for ((round = 1; round <= ROUNDS; round++)); do
    values+=("$(cut -d' ' -f"$field" <<<"${figures[$target.$round]}")")
  done
  median "${values[@]}"
}

# Percent changes of field $2 of PACED between case $1 and its proxy's off case, one per round.
paced_changes() {
  local target="$1" field="$2" round
  for ((round = 1; round <= ROUNDS; round++)); do
    awk -v a="$(cut -d' ' -f"$field" <<<"${PACED[$target.$round]}")" \
      -v b="$(cut -d' ' -f"$field" <<<"${PACED[${target%%-*}-off.$round]:-}")" \
      'BEGIN { printf "%.1f\n", (b > 0) ? 100 * (a - b) / b : 0 }'
  done
}

# The paced runs' table: medians over the rounds, and the per-round p99 changes against off.
paced_section() {
  local target changes
  echo "### Paced load (client latency below saturation)"
  echo
  echo "After each measured run, \`wrk -t$THREADS -c$CONNS -d$PACED_DURATION --timeout 10s -s bench/paced.lua --latency URL -- $PACE_MS\`:"
  echo "each connection waits $PACE_MS ms after an answer before its next request, so the offered load is a"
  echo "fraction of what the proxy can take and the latency is the proxy's own rather than a queue's."
  echo "Medians over the rounds; \"vs off\" is each round's change against the same proxy's off case, then its median."
  echo
  echo "| target | shadow | req/s | p50 | p99 | p99.9 | p99 vs off | p99.9 vs off | p99 vs off, each round |"
  echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |"
  for target in $CASES; do
    mapfile -t changes < <(paced_changes "$target" 3)
    printf '| %s | %s | %.0f | %.2f ms | %.2f ms | %.2f ms | %+.0f%% | %+.0f%% | %s |\n' "${target%%-*}" "$(shadow_label "$target")" \
      "$(round_median "$target" 1 PACED)" "$(round_median "$target" 2 PACED)" "$(round_median "$target" 3 PACED)" \
      "$(round_median "$target" 4 PACED)" "$(median "${changes[@]}")" "$(median $(paced_changes "$target" 4))" \
      "$(printf '%+.0f%% ' "${changes[@]}" | sed 's/ $//')"
  done
  echo
}

# Median over the rounds of an array (RATIO or CHANGE) for case $2.
array_median() {
  local -n of="$1"
  local target="$2" round values=()
  for ((round = 1; round <= ROUNDS; round++)); do values+=("${of[$target.$round]}"); done
  median "${values[@]}"
}

write_section() {
  local section="$WORK/section.md" target round rps p50 p99 cpu other
  {
    echo "## $SECTION"
    echo
    echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(machine_line)."
    echo "$(versions | paste -sd ';' | sed 's/;/; /g')."
    echo "Load average (1/5/15 min) before the run: $LOAD_BEFORE; after: $(cut -d' ' -f1-3 /proc/loadavg)."
    echo
    echo '```'
    echo "CONNS=$CONNS THREADS=$THREADS DURATION=$DURATION WARMUP=$WARMUP RUN_WARMUP=$RUN_WARMUP ROUNDS=$ROUNDS WRK_OPTS=\"$WRK_OPTS\" SLOW_MS=$SLOW_MS \\"
    echo "  EDGE_THREADS=$EDGE_THREADS EDGE_JAVA_OPTS=\"$EDGE_JAVA_OPTS\" bench/shadow.sh"
    echo '```'
    echo
    echo "A proxy's cases run side by side, each its own process on its own port, started once and warmed up with"
    echo "\`wrk -t$THREADS -c$CONNS -d$WARMUP $WRK_OPTS\`. In each of $ROUNDS rounds every case is measured once, the order"
    echo "rotating from round to round: \`wrk -t$THREADS -c$CONNS -d$RUN_WARMUP\` then \`wrk -t$THREADS -c$CONNS -d$DURATION $WRK_OPTS --latency\`;"
    echo "GET / answered by \`HelloUpstream --json\`"
    echo "($(printf %s "$EXPECTED_BODY" | wc -c)-byte JSON body, $UPSTREAM_THREADS event loop thread)."
    echo "Shadow upstreams: a second \`HelloUpstream --json\` (1 thread), and a third with \`--delay $SLOW_MS\`"
    echo "(the answer is scheduled on its event loop; nothing blocks)."
    echo "Edge: \`--threads $EDGE_THREADS\`, one catch-all route, core \`{json: \"\"}\` on both sides, shadow"
    echo "\`{enabled: false}\` or \`$SHADOW_ON\` (\`max-in-flight\` default 256, \`methods\` default GET/HEAD,"
    echo "upstream \`mirror-pipelining\` default 16)."
    echo "nginx: \`worker_processes auto\`, \`mirror /mirror;\` with \`location = /mirror { internal; proxy_pass http://shadow\$request_uri; }\`,"
    echo "upstream \`keepalive 64\` for both, HTTP/1.1 to both, access log off."
    echo
    echo "Medians over the rounds. ÷off and p99 vs off compare each round with the same proxy's off case of that round;"
    echo "proxy CPU is the proxy's own processes' CPU time (user + system) per answered request."
    echo
    echo "| target | shadow | req/s | p50 | p99 | ÷off (req/s) | p99 vs off | proxy CPU per request |"
    echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |"
    for target in $CASES; do
      printf '| %s | %s | %.0f | %s ms | %s ms | %.2f× | %+.0f%% | %s µs |\n' "${target%%-*}" "$(shadow_label "$target")" \
        "$(round_median "$target" 1)" "$(round_median "$target" 2)" "$(round_median "$target" 3)" \
        "$(array_median RATIO "$target")" "$(array_median CHANGE "$target")" "$(round_median "$target" 4)"
    done
    echo
    echo "Every round:"
    echo
    echo "| round | target | shadow | req/s | p50 | p99 | ÷off | p99 vs off | proxy CPU per request | other processes' CPU |"
    echo "| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    for ((round = 1; round <= ROUNDS; round++)); do
      for target in $CASES; do
        read -r rps p50 p99 cpu other <<<"${ROUND[$target.$round]}"
        printf '| %d | %s | %s | %.0f | %s ms | %s ms | %.2f× | %+.0f%% | %s µs | %s%% |\n' "$round" "${target%%-*}" \
          "$(shadow_label "$target")" "$rps" "$p50" "$p99" "${RATIO[$target.$round]}" "${CHANGE[$target.$round]}" "$cpu" "$other"
      done
    done
    echo
    ((PACE_MS == 0)) || paced_section
    echo "Edge shadow outcomes of each measured run (\`edge_shadow_total\` from \`GET /metrics\`, after − before,"
    echo "read ${SETTLE} s after wrk stopped):"
    echo
    for target in $CASES; do
      [[ "$target" == edge-* ]] && ! shadowing_off "$target" || continue
      for ((round = 1; round <= ROUNDS; round++)); do
        echo "- round $round, $(shadow_label "$target"): $(cat "$WORK/$target.round$round.outcomes")"
      done
    done
    echo
    for target in $CASES; do RESULTS[$target]="0 0 0 ${BAD_NON2XX[$target]} ${BAD_ERRORS[$target]}"; done
    # shellcheck disable=SC2086
    report_problems "in any run" $CASES
    echo
    echo "A run during which other processes took more than $MAX_OTHER_CPU% of the machine's CPU is repeated (up to"
    echo "$ATTEMPTS runs; the least disturbed one is kept). Everything shares $(nproc) cores."
  } >"$section"
  replace_section "$SECTION" "$section"
}

# Starts and warms up the cases given as arguments; remembers each one's URL, pid and admin port.
start_cases() {
  local target
  for target in "$@"; do
    ADMIN_PORT=""
    start_and_warm "$target"
    URL_OF[$target]="$TARGET_URL" PID_OF[$target]="$TARGET_PID" ADMIN_OF[$target]="$ADMIN_PORT"
  done
}

# A paced run of case $1 in round $2 (see the header); stores "req/s p50_ms p99_ms p99.9_ms".
paced_run() {
  local target="$1" round="$2" out="$WORK/$1.paced$2.txt" rps p50 p99
  log "$target: paced run $PACED_DURATION, $PACE_MS ms between an answer and the next request"
  wrk -t"$THREADS" -c"$CONNS" -d"$PACED_DURATION" --timeout 10s -s "$BENCH/paced.lua" --latency "$TARGET_URL" \
    -- "$PACE_MS" >"$out"
  read -r rps p50 p99 _ <<<"$(parse_wrk "$out")"
  PACED[$target.$round]="$rps $(to_ms "$p50") $(to_ms "$p99") $(awk '$1 == "p99.9" { printf "%.3f", $2 / 1000 }' "$out")"
}

# Measures case $1 of round $2: waits for a quiet machine, a short wrk run, then measure_runs
# and the paced run.
measure_case() {
  local target="$1" round="$2"
  TARGET_URL="${URL_OF[$target]}" TARGET_PID="${PID_OF[$target]}" ADMIN_PORT="${ADMIN_OF[$target]}"
  log "round $round of $ROUNDS: $target"
  await_quiet "$target"
  wrk -t"$THREADS" -c"$CONNS" -d"$RUN_WARMUP" "$TARGET_URL" >/dev/null
  measure_runs "$target"
  keep_round "$target" "$round"
  ((PACE_MS == 0)) || paced_run "$target" "$round"
  [[ "$target" != edge-* ]] || log "$target: shadow outcomes $(cat "$WORK/$target.round$round.outcomes" 2>/dev/null)"
}

main() {
  install_tools wrk nginx curl
  build edge-proxy "$EDGE_JAR"
  declare -gA RESULTS=() LOG_NOTES=() BUSY_BEFORE=() OTHER_CPU=() BEST_ATTEMPT=() ROUND=() RATIO=() CHANGE=() PACED=() BAD_NON2XX=() BAD_ERRORS=()
  declare -gA URL_OF=() PID_OF=() ADMIN_OF=()
  note_load
  start_upstreams
  local proxy round target cases i
  for proxy in edge nginx; do
    cases=()
    for target in $CASES; do [[ "$target" != "$proxy"-* ]] || cases+=("$target"); done
    ((${#cases[@]})) || continue
    start_cases "${cases[@]}"
    for ((round = 1; round <= ROUNDS; round++)); do
      for ((i = 0; i < ${#cases[@]}; i++)); do
        measure_case "${cases[(i + round - 1) % ${#cases[@]}]}" "$round"
      done
    done
    for target in "${cases[@]}"; do
      note_log_problems "$target"
      [[ "$target" != nginx-* ]] || note_log_problems "$target" "$target/nginx"
      stop "${PID_OF[$target]}"
    done
  done
  compare_rounds
  write_section
}

main "$@"

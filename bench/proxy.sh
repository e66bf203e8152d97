#!/usr/bin/env bash
# Proxy throughput on loopback: wrk against a tiny Netty upstream directly, through the edge,
# through nginx and through Caddy (each a plain reverse proxy to the same upstream), then writes
# the "Proxy throughput (bench/proxy.sh)" section of docs/benchmarks.md.
#
# Settings (env): CONNS=64 THREADS=2 DURATION=15s WARMUP=10s  wrk connections/threads/durations
#                 EDGE_THREADS=2                              edge event loop threads
#                 EDGE_JAVA_OPTS="-XX:+UseParallelGC ..."      edge JVM flags (default below)
#                 UPSTREAM_THREADS=1                          HelloUpstream event loop threads
#                 TARGETS="direct edge nginx caddy"           what to measure
#                 QUIET_WAIT=300                              max seconds to wait for an idle machine
#                 MAX_OTHER_CPU=5 ATTEMPTS=3                  repeat runs disturbed by other processes
#                 REBUILD=1                                   rebuild the jars even if present
#                 OUT=docs/benchmarks.md                      where the section goes
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$ROOT/bench"
cd "$ROOT"

CONNS="${CONNS:-64}"
THREADS="${THREADS:-2}"
DURATION="${DURATION:-15s}"
WARMUP="${WARMUP:-10s}"
EDGE_THREADS="${EDGE_THREADS:-2}"
EDGE_JAVA_OPTS="${EDGE_JAVA_OPTS--XX:+UseParallelGC -Xms512m -Xmx512m -XX:+AlwaysPreTouch}"
UPSTREAM_THREADS="${UPSTREAM_THREADS:-1}"
QUIET_WAIT="${QUIET_WAIT:-300}"
MAX_OTHER_CPU="${MAX_OTHER_CPU:-5}"
ATTEMPTS="${ATTEMPTS:-3}"
TARGETS="${TARGETS:-direct edge nginx caddy}"
OUT="${OUT:-$ROOT/docs/benchmarks.md}"
SECTION="Proxy throughput (bench/proxy.sh)"
EDGE_JAR="$ROOT/edge-proxy/target/edge-proxy.jar"
BENCH_CLASSPATH="$BENCH/target/classpath.txt"
EXPECTED_BODY="Hello from upstream"

log() { echo "bench: $*" >&2; }
die() { log "$*"; exit 1; }

# ------------------------------------------------------------------------------------- set-up

install_tools() {
  local missing=()
  command -v wrk >/dev/null || missing+=(wrk)
  command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || missing+=(nginx-light)
  command -v caddy >/dev/null || missing+=(caddy)
  command -v curl >/dev/null || missing+=(curl)
  ((${#missing[@]})) || return 0
  log "installing ${missing[*]} with apt-get"
  # Keep Debian's maintainer scripts from starting nginx/caddy services on port 80.
  local policy=/usr/sbin/policy-rc.d created_policy=0
  if [[ ! -e "$policy" ]]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && created_policy=1
  fi
  export DEBIAN_FRONTEND=noninteractive
  local rc=0
  { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; } || rc=$?
  ((created_policy == 0)) || rm -f "$policy"
  ((rc == 0)) || die "apt-get install ${missing[*]} failed"
}

build() {
  if [[ "${REBUILD:-}" == 1 || ! -f "$EDGE_JAR" || ! -f "$BENCH_CLASSPATH" \
        || ! -f "$BENCH/target/classes/dev/strangler/bench/HelloUpstream.class" ]]; then
    log "building edge-proxy and bench"
    ./mvnw -B -q -pl edge-proxy,bench -am -DskipTests package \
      org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
      -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
  fi
}

# ----------------------------------------------------------------------------------- processes

PIDS=()
WORK="$(mktemp -d "${TMPDIR:-/tmp}/proxy-bench.XXXXXX")"

cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  PIDS=()
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_port() {
  local port
  for _ in $(seq 100); do
    port=$((20000 + RANDOM % 20000))
    port_in_use "$port" || { echo "$port"; return; }
  done
  die "found no free loopback port"
}

# Fills @NAME@ placeholders of a template from the remaining NAME=VALUE arguments.
render() {
  local template="$1" out="$2" pair script=()
  shift 2
  for pair in "$@"; do script+=(-e "s#@${pair%%=*}@#${pair#*=}#g"); done
  sed "${script[@]}" "$template" >"$out"
}

# Starts "$@" in the background with its output in $WORK/$name.log; sets STARTED_PID.
start() {
  local name="$1"
  shift
  "$@" >"$WORK/$name.log" 2>&1 &
  STARTED_PID=$!
  PIDS+=("$STARTED_PID")
}

stop() {
  local pid="$1" rest=() p
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  for p in "${PIDS[@]}"; do [[ "$p" == "$pid" ]] || rest+=("$p"); done
  PIDS=("${rest[@]}")
}

# Waits until URL answers with the upstream's body.
await_body() {
  local name="$1" url="$2" pid="$3" body
  for _ in $(seq 300); do
    body="$(curl -fsS --max-time 2 "$url" 2>/dev/null || true)"
    [[ "$body" == "$EXPECTED_BODY" ]] && return 0
    kill -0 "$pid" 2>/dev/null || { tail -n 30 "$WORK/$name.log" >&2; die "$name exited before answering"; }
    sleep 0.2
  done
  tail -n 30 "$WORK/$name.log" >&2
  die "$name did not answer $url with the upstream's body within 60s"
}

start_upstream() {
  UPSTREAM_PORT="$(free_port)"
  start upstream java -XX:+UseParallelGC -Xms256m -Xmx256m \
    -cp "$BENCH/target/classes:$(cat "$BENCH_CLASSPATH")" dev.strangler.bench.HelloUpstream \
    --port "$UPSTREAM_PORT" --threads "$UPSTREAM_THREADS"
  UPSTREAM_PID="$STARTED_PID"
  await_body upstream "http://127.0.0.1:$UPSTREAM_PORT/" "$UPSTREAM_PID"
  BODY_BYTES="$(curl -fsS "http://127.0.0.1:$UPSTREAM_PORT/" | wc -c)"
}

# Starts target $1 on a free port; sets TARGET_URL and TARGET_PID (empty for direct).
start_target() {
  local port
  port="$(free_port)"
  TARGET_URL="http://127.0.0.1:$port/"
  case "$1" in
    direct)
      TARGET_URL="http://127.0.0.1:$UPSTREAM_PORT/"
      TARGET_PID=""
      return
      ;;
    edge)
      render "$BENCH/edge-routes.yaml.template" "$WORK/routes.yaml" \
        PORT="$port" ADMIN_PORT="$(free_port)" UPSTREAM_PORT="$UPSTREAM_PORT" WORK="$WORK"
      local opts=()
      read -r -a opts <<<"$EDGE_JAVA_OPTS"
      start edge java "${opts[@]}" -jar "$EDGE_JAR" --config "$WORK/routes.yaml" --threads "$EDGE_THREADS"
      ;;
    nginx)
      render "$BENCH/nginx.conf.template" "$WORK/nginx.conf" \
        PORT="$port" UPSTREAM_PORT="$UPSTREAM_PORT" WORK="$WORK"
      start nginx nginx -e "$WORK/nginx-error.log" -p "$WORK" -c "$WORK/nginx.conf"
      ;;
    caddy)
      render "$BENCH/Caddyfile.template" "$WORK/Caddyfile" PORT="$port" UPSTREAM_PORT="$UPSTREAM_PORT"
      start caddy env HOME="$WORK" XDG_DATA_HOME="$WORK/caddy-data" XDG_CONFIG_HOME="$WORK/caddy-config" \
        caddy run --config "$WORK/Caddyfile" --adapter caddyfile
      ;;
    *) die "unknown target '$1' (direct, edge, nginx, caddy)" ;;
  esac
  TARGET_PID="$STARTED_PID"
  await_body "$1" "$TARGET_URL" "$TARGET_PID"
}

# ------------------------------------------------------------------------------------- measure

# Prints "req/s p50 p99 non2xx errors" from a wrk --latency output file.
parse_wrk() {
  awk '
    /^Requests\/sec:/ { rps = $2 }
    $1 == "50%" { p50 = $2 }
    $1 == "99%" { p99 = $2 }
    /Non-2xx or 3xx responses:/ { non2xx = $NF }
    /Socket errors:/ { gsub(",", ""); errors = $4 + $6 + $8 + $10 }
    END { printf "%s %s %s %d %d\n", rps, p50, p99, non2xx, errors }
  ' "$1"
}

# Percent of all CPU time that was busy over two seconds.
cpu_busy() {
  local cpu user nice system idle iowait irq softirq steal t1 i1 t2 i2
  read -r cpu user nice system idle iowait irq softirq steal _ </proc/stat
  t1=$((user + nice + system + idle + iowait + irq + softirq + steal)) i1=$((idle + iowait))
  sleep 2
  read -r cpu user nice system idle iowait irq softirq steal _ </proc/stat
  t2=$((user + nice + system + idle + iowait + irq + softirq + steal)) i2=$((idle + iowait))
  echo $((100 * ((t2 - t1) - (i2 - i1)) / (t2 - t1 > 0 ? t2 - t1 : 1)))
}

# Waits up to QUIET_WAIT seconds for other processes to leave the CPUs (under 15% busy);
# records what it saw for the report.
await_quiet() {
  local target="$1" busy deadline=$((SECONDS + QUIET_WAIT))
  busy="$(cpu_busy)"
  while ((busy >= 15 && SECONDS < deadline)); do
    log "$target: the CPUs are ${busy}% busy with other work; waiting (QUIET_WAIT=${QUIET_WAIT}s)"
    sleep 5
    busy="$(cpu_busy)"
  done
  BUSY_BEFORE[$target]="$busy"
}

# Prints "busy total" clock ticks of the whole machine so far (/proc/stat, all CPUs).
machine_ticks() {
  local cpu user nice system idle iowait irq softirq steal
  read -r cpu user nice system idle iowait irq softirq steal _ </proc/stat
  echo "$((user + nice + system + irq + softirq + steal)) $((user + nice + system + idle + iowait + irq + softirq + steal))"
}

# Sets OWN_TICKS to the clock ticks of CPU used so far by the benchmark's own processes: the
# upstream, the target and its children (nginx workers), and the wrk runs that have finished
# (bash's `times`, which is why this runs in the main shell, not in a command substitution).
own_ticks() {
  local ticks=0 pid rest=() child_times
  local pids=("$UPSTREAM_PID")
  if [[ -n "$TARGET_PID" ]]; then
    pids+=("$TARGET_PID")
    read -r -a rest <<<"$(cat /proc/"$TARGET_PID"/task/*/children 2>/dev/null || true)"
    pids+=("${rest[@]}")
  fi
  for pid in "${pids[@]}"; do
    read -r -a rest <<<"$(sed 's/^.*) //' "/proc/$pid/stat" 2>/dev/null || true)"
    ((${#rest[@]} > 13)) && ticks=$((ticks + rest[11] + rest[12]))
  done
  times >"$WORK/times"
  child_times="$(tail -n 1 "$WORK/times")"
  OWN_TICKS=$((ticks + $(awk '{ for (i = 1; i <= 2; i++) { split($i, t, /[ms]/); s += t[1] * 60 + t[2] } } END { printf "%d", s * 100 }' <<<"$child_times")))
}

# Measures a target; a run during which other processes took more than MAX_OTHER_CPU% of the
# machine is repeated (up to ATTEMPTS runs), and the least disturbed run is kept.
measure() {
  local target="$1" attempt machine_before own_before machine_after own_after other best=""
  await_quiet "$target"
  start_target "$target"
  log "$target: warm-up $WARMUP on $TARGET_URL"
  wrk -t"$THREADS" -c"$CONNS" -d"$WARMUP" "$TARGET_URL" >"$WORK/$target.warmup.txt"
  for ((attempt = 1; attempt <= ATTEMPTS; attempt++)); do
    ((attempt == 1)) || await_quiet "$target"
    log "$target: measuring $DURATION (run $attempt)"
    own_ticks
    machine_before="$(machine_ticks)" own_before="$OWN_TICKS"
    wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --latency "$TARGET_URL" >"$WORK/$target.run.txt"
    machine_after="$(machine_ticks)"
    own_ticks
    own_after="$OWN_TICKS"
    other="$(awk -v b="$machine_before" -v a="$machine_after" -v ob="$own_before" -v oa="$own_after" '
      BEGIN { split(b, B, " "); split(a, A, " "); other = (A[1] - B[1]) - (oa - ob); total = A[2] - B[2]
              printf "%d", (other > 0 && total > 0) ? 100 * other / total : 0 }')"
    if [[ -z "$best" ]] || ((other < best)); then
      best="$other"
      mv "$WORK/$target.run.txt" "$WORK/$target.wrk.txt"
    fi
    ((other > MAX_OTHER_CPU)) || break
    log "$target: other processes took ${other}% of the CPUs during the run"
  done
  sed 's/^/    /' "$WORK/$target.wrk.txt" >&2
  RESULTS[$target]="$(parse_wrk "$WORK/$target.wrk.txt")"
  OTHER_CPU[$target]="$best"
  note_log_problems "$target"
  [[ -z "$TARGET_PID" ]] || stop "$TARGET_PID"
}

# Records warning/error lines that the target logged (the edge, nginx's error log, Caddy).
note_log_problems() {
  local target="$1" pattern='( WARN | ERROR |Exception|\[(error|crit|alert|emerg)\]|"level":"error")'
  local logs=() log count first
  for log in "$WORK/$target.log" "$WORK/$target-error.log"; do [[ -f "$log" ]] && logs+=("$log"); done
  ((${#logs[@]})) || return 0
  count="$(cat "${logs[@]}" | grep -Ec "$pattern" || true)"
  ((count > 0)) || return 0
  first="$(cat "${logs[@]}" | grep -Em1 "$pattern" | cut -c1-200)"
  LOG_NOTES[$target]="$count warning/error lines in its log, the first: \`$first\`"
}

ratio() {
  awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0 && a != "") printf "%.2f×", a / b; else printf "–" }'
}

# ---------------------------------------------------------------------------------------- report

versions() {
  echo "java: $(java -version 2>&1 | head -n 1)"
  echo "nginx: $(nginx -v 2>&1 | sed 's/.*nginx\///')"
  echo "caddy: $(caddy version 2>/dev/null | cut -d' ' -f1)"
  echo "wrk: $( (wrk -v 2>&1 || true) | head -n 1 | cut -d' ' -f2)"
}

write_section() {
  local section="$WORK/section.md" target rps p50 p99 non2xx errors
  local nginx_rps direct_rps
  read -r nginx_rps _ <<<"${RESULTS[nginx]:-}"
  read -r direct_rps _ <<<"${RESULTS[direct]:-}"
  {
    echo "## $SECTION"
    echo
    echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)), Linux $(uname -r)."
    echo "$(versions | paste -sd ';' | sed 's/;/; /g')."
    echo "Load average (1/5/15 min) before the run: $LOAD_BEFORE; after: $(cut -d' ' -f1-3 /proc/loadavg)."
    echo
    echo '```'
    echo "CONNS=$CONNS THREADS=$THREADS DURATION=$DURATION WARMUP=$WARMUP EDGE_THREADS=$EDGE_THREADS \\"
    echo "  EDGE_JAVA_OPTS=\"$EDGE_JAVA_OPTS\" bench/proxy.sh"
    echo '```'
    echo
    echo "Each target: \`wrk -t$THREADS -c$CONNS -d$WARMUP\` warm-up, then \`wrk -t$THREADS -c$CONNS -d$DURATION --latency\`,"
    echo "GET / of a $BODY_BYTES-byte keep-alive answer from \`HelloUpstream\` (raw Netty, $UPSTREAM_THREADS event loop thread)."
    echo "Edge: \`--threads $EDGE_THREADS\`, JVM flags \`$EDGE_JAVA_OPTS\`, one catch-all route, mirroring off."
    echo "nginx: \`worker_processes auto\`, upstream \`keepalive 64\`, HTTP/1.1 to the upstream, access log off."
    echo "Caddy: a bare \`reverse_proxy\`. ÷nginx and ÷direct are req/s ratios."
    echo
    echo "| target | req/s | p50 | p99 | ÷nginx | ÷direct |"
    echo "| --- | ---: | ---: | ---: | ---: | ---: |"
    for target in $TARGETS; do
      read -r rps p50 p99 non2xx errors <<<"${RESULTS[$target]}"
      printf '| %s | %.0f | %s | %s | %s | %s |\n' "$target" "$rps" "$p50" "$p99" \
        "$(ratio "$rps" "$nginx_rps")" "$(ratio "$rps" "$direct_rps")"
    done
    echo
    local clean=1
    for target in $TARGETS; do
      read -r rps p50 p99 non2xx errors <<<"${RESULTS[$target]}"
      if ((non2xx + errors > 0)) || [[ -n "${LOG_NOTES[$target]:-}" ]]; then
        clean=0
        echo "- $target: $non2xx non-2xx responses, $errors socket errors${LOG_NOTES[$target]:+; ${LOG_NOTES[$target]}}."
      fi
    done
    ((clean == 0)) || echo "wrk saw no non-2xx responses and no socket errors on any target; no proxy logged a warning."
    echo
    local busy=() other=()
    for target in $TARGETS; do
      busy+=("$target ${BUSY_BEFORE[$target]}%")
      other+=("$target ${OTHER_CPU[$target]}%")
    done
    echo "Machine CPU used by processes other than wrk, the upstream and the target: just before each"
    echo "target (2 s) $(IFS=,; echo "${busy[*]}" | sed 's/,/, /g'); during its measured run"
    echo "$(IFS=,; echo "${other[*]}" | sed 's/,/, /g') (a run above $MAX_OTHER_CPU% is repeated, up to $ATTEMPTS runs; the least"
    echo "disturbed one is shown)."
    echo
    echo "All of it shares $(nproc) cores: wrk ($THREADS threads), the proxy under test and the upstream"
    echo "compete for the same CPUs, so the figures compare the proxies with each other on this"
    echo "machine; they are not the capacity of any of them on dedicated hardware."
  } >"$section"

  mkdir -p "$(dirname "$OUT")"
  [[ -f "$OUT" ]] || printf '# Benchmarks\n\n' >"$OUT"
  # Replace the section (its heading up to the next "## " heading) or append it.
  awk -v heading="## $SECTION" -v file="$section" '
    function emit() { while ((getline line < file) > 0) print line; close(file); print ""; done = 1 }
    $0 == heading { emit(); skipping = 1; next }
    skipping && /^## / { skipping = 0 }
    !skipping { print }
    END { if (!done) { print ""; emit() } }
  ' "$OUT" | cat -s >"$WORK/out.md"
  sed -e :a -e '/^\n*$/{$d;N;ba' -e '}' "$WORK/out.md" >"$OUT"
  log "wrote the section '$SECTION' of ${OUT#"$ROOT"/}"
  cat "$section"
}

main() {
  install_tools
  build
  declare -gA RESULTS=() LOG_NOTES=() BUSY_BEFORE=() OTHER_CPU=()
  LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
  if awk -v l="${LOAD_BEFORE%% *}" 'BEGIN { exit !(l > 0.5) }'; then
    log "warning: the machine is busy (load $LOAD_BEFORE); the figures will be noisy"
  fi
  start_upstream
  local target
  for target in $TARGETS; do measure "$target"; done
  write_section
}

main "$@"

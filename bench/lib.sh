#!/usr/bin/env bash
# Shared functions of the bench/*.sh load scripts; source it after setting ROOT and BENCH.
# Expects: EXPECTED_BODY (what await_body waits for), QUIET_WAIT, MAX_OTHER_CPU, ATTEMPTS, THREADS,
# CONNS, WARMUP, DURATION, and a start_target function (sets TARGET_URL and TARGET_PID) for measure.

log() { echo "bench: $*" >&2; }
die() { log "$*"; exit 1; }

# ------------------------------------------------------------------------------------- set-up

# Installs the named tools that are missing (wrk, nginx, caddy, curl, hyperfine) with apt-get.
install_tools() {
  local missing=() tool
  for tool in "$@"; do
    case "$tool" in
      nginx) command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || missing+=(nginx-light) ;;
      *) command -v "$tool" >/dev/null || missing+=("$tool") ;;
    esac
  done
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

BENCH_CLASSPATH="$BENCH/target/classpath.txt"

# Builds the modules $1 (comma-separated, plus bench) unless REBUILD is unset and the files
# $2... exist; writes bench's runtime classpath to $BENCH_CLASSPATH.
build() {
  local modules="$1" file need=0
  shift
  for file in "$@" "$BENCH_CLASSPATH" "$BENCH/target/classes/dev/strangler/bench/HelloUpstream.class"; do
    [[ -f "$file" ]] || need=1
  done
  if [[ "${REBUILD:-}" == 1 || $need == 1 ]]; then
    log "building $modules,bench"
    ./mvnw -B -q -pl "$modules,bench" -am -DskipTests package \
      org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
      -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
  fi
}

# The runtime classpath of the bench module's classes.
bench_cp() {
  echo "$BENCH/target/classes:$(cat "$BENCH_CLASSPATH")"
}

# ----------------------------------------------------------------------------------- processes

PIDS=()
WORK="$(mktemp -d "${TMPDIR:-/tmp}/bench.XXXXXX")"

cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  PIDS=()
  [[ -n "${KEEP_WORK:-}" ]] || rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# A free loopback port below the kernel's ephemeral range (outgoing connections take those, and
# one could hold a port between the check and the bind).
free_port() {
  local port low
  read -r low _ </proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || low=32768
  ((low > 11000)) || low=32768
  for _ in $(seq 100); do
    port=$((10000 + RANDOM % (low - 10000)))
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
  local pid="$1"
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  forget "$pid"
}

# Takes process $1 off the list the clean-up stops (it has exited).
forget() {
  local rest=() p
  for p in "${PIDS[@]}"; do [[ "$p" == "$1" ]] || rest+=("$p"); done
  PIDS=("${rest[@]}")
}

# Waits until URL answers with EXPECTED_BODY.
await_body() {
  local name="$1" url="$2" pid="$3" body
  for _ in $(seq 300); do
    body="$(curl -fsS --max-time 2 "$url" 2>/dev/null || true)"
    [[ "$body" == "$EXPECTED_BODY" ]] && return 0
    kill -0 "$pid" 2>/dev/null || { tail -n 30 "$WORK/$name.log" >&2; die "$name exited before answering"; }
    sleep 0.2
  done
  tail -n 30 "$WORK/$name.log" >&2
  die "$name did not answer $url with the expected body within 60s"
}

# Puts the route 'all' of the bench edge whose admin API is on port $1 at weight $2 (% of users on
# new, by the session cookie), once that API answers.
set_weight() {
  local _
  for _ in $(seq 300); do
    ! curl -fs "http://127.0.0.1:$1/health/ready" >/dev/null || break
    sleep 0.2
  done
  curl -fsS -X POST "http://127.0.0.1:$1/admin/routes/all/weight" -H 'Authorization: Bearer bench-only-token' \
    -H 'Content-Type: application/json' -d "{\"new\": $2, \"reason\": \"bench: weighted routing\"}" \
    >"$WORK/weight-$1.json" || die "could not set the weight: $(cat "$WORK/weight-$1.json" 2>/dev/null)"
  log "edge on admin port $1: route 'all' at weight $2 (sticky cookie 'session')"
}

# Starts a HelloUpstream named $1 with the remaining HelloUpstream options on a free port and
# waits until it listens; sets STARTED_PORT and STARTED_PID.
start_hello() {
  local name="$1" port
  shift
  port="$(free_port)"
  start "$name" java -XX:+UseParallelGC -Xms256m -Xmx256m -cp "$(bench_cp)" dev.strangler.bench.HelloUpstream \
    --port "$port" "$@"
  for _ in $(seq 300); do
    grep -q 'hello-upstream listening' "$WORK/$name.log" 2>/dev/null && { STARTED_PORT="$port"; return 0; }
    kill -0 "$STARTED_PID" 2>/dev/null || { tail -n 30 "$WORK/$name.log" >&2; die "$name exited"; }
    sleep 0.2
  done
  die "$name did not start within 60s"
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

# Waits up to QUIET_WAIT seconds for other processes to leave the CPUs (under 15% busy) and for
# no JMH, surefire or wrk run of someone else; records what it saw in BUSY_BEFORE[$1].
await_quiet() {
  local target="$1" busy deadline=$((SECONDS + QUIET_WAIT))
  busy="$(cpu_busy)"
  while ((SECONDS < deadline)) && { ((busy >= 15)) || others_heavy; }; do
    log "$target: the CPUs are ${busy}% busy with other work$(others_heavy && echo ' (JMH/surefire/wrk running)'); waiting (QUIET_WAIT=${QUIET_WAIT}s)"
    sleep 5
    busy="$(cpu_busy)"
  done
  BUSY_BEFORE[$target]="$busy"
}

# True when a JMH, surefire or wrk process that this script did not start is running (JMH's
# runner class, not a classpath that merely holds jmh-core, like HelloUpstream's).
others_heavy() {
  local pid own=" $$ $PPID ${PIDS[*]} "
  for pid in $(pgrep -f 'org\.openjdk\.jmh\.|surefire|wrk ' || true); do
    [[ "$own" == *" $pid "* ]] || return 0
  done
  return 1
}

# Prints "busy total" clock ticks of the whole machine so far (/proc/stat, all CPUs).
machine_ticks() {
  local cpu user nice system idle iowait irq softirq steal
  read -r cpu user nice system idle iowait irq softirq steal _ </proc/stat
  echo "$((user + nice + system + irq + softirq + steal)) $((user + nice + system + idle + iowait + irq + softirq + steal))"
}

# Sets OWN_TICKS to the clock ticks of CPU used so far by the benchmark's own processes: every
# process it started and their children (nginx workers), and the wrk runs that have finished
# (bash's `times`, which is why this runs in the main shell, not in a command substitution).
own_ticks() {
  local ticks=0 pid rest=() child_times pids=()
  for pid in "${PIDS[@]}"; do
    pids+=("$pid")
    read -r -a rest <<<"$(cat /proc/"$pid"/task/*/children 2>/dev/null || true)"
    pids+=("${rest[@]}")
  done
  for pid in "${pids[@]}"; do
    read -r -a rest <<<"$(sed 's/^.*) //' "/proc/$pid/stat" 2>/dev/null || true)"
    ((${#rest[@]} > 13)) && ticks=$((ticks + rest[11] + rest[12]))
  done
  times >"$WORK/times"
  child_times="$(tail -n 1 "$WORK/times")"
  OWN_TICKS=$((ticks + $(awk '{ for (i = 1; i <= 2; i++) { split($i, t, /[ms]/); s += t[1] * 60 + t[2] } } END { printf "%d", s * 100 }' <<<"$child_times")))
}

# Measures target $1 (started by the script's start_target): a warm-up, then measured runs (see
# measure_runs). Leaves the target running.
measure() {
  start_and_warm "$1"
  measure_runs "$1"
}

# Waits for a quiet machine, starts target $1 with the script's start_target and warms it up
# with wrk for WARMUP. Every wrk run takes WRK_OPTS (split on spaces) and, when set, the one
# header WRK_HEADER (kept whole: wrk needs "Name: value" with its space).
start_and_warm() {
  local target="$1" wrk_opts=()
  read -r -a wrk_opts <<<"${WRK_OPTS:-}"
  await_quiet "$target"
  start_target "$target"
  log "$target: warm-up $WARMUP on $TARGET_URL"
  wrk -t"$THREADS" -c"$CONNS" -d"$WARMUP" "${wrk_opts[@]}" ${WRK_HEADER:+-H "$WRK_HEADER"} "$TARGET_URL" \
    >"$WORK/$target.warmup.txt"
}

# Measured runs of target $1 on TARGET_URL: a run during which other processes took more than
# MAX_OTHER_CPU% of the machine is repeated (up to ATTEMPTS runs) and the least disturbed run is
# kept. Calls the script's before_run/after_run "$target" "$attempt" around each run when
# defined; sets RESULTS, OTHER_CPU and BEST_ATTEMPT of the target.
measure_runs() {
  local target="$1" attempt machine_before own_before machine_after own_after other best=""
  local wrk_opts=()
  read -r -a wrk_opts <<<"${WRK_OPTS:-}"
  for ((attempt = 1; attempt <= ATTEMPTS; attempt++)); do
    ((attempt == 1)) || await_quiet "$target"
    ! declare -F before_run >/dev/null || before_run "$target" "$attempt"
    log "$target: measuring $DURATION (run $attempt)"
    own_ticks
    machine_before="$(machine_ticks)" own_before="$OWN_TICKS"
    wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" "${wrk_opts[@]}" ${WRK_HEADER:+-H "$WRK_HEADER"} --latency "$TARGET_URL" \
      >"$WORK/$target.run.txt"
    machine_after="$(machine_ticks)"
    own_ticks
    own_after="$OWN_TICKS"
    ! declare -F after_run >/dev/null || after_run "$target" "$attempt"
    other="$(awk -v b="$machine_before" -v a="$machine_after" -v ob="$own_before" -v oa="$own_after" '
      BEGIN { split(b, B, " "); split(a, A, " "); other = (A[1] - B[1]) - (oa - ob); total = A[2] - B[2]
              printf "%d", (other > 0 && total > 0) ? 100 * other / total : 0 }')"
    if [[ -z "$best" ]] || ((other < best)); then
      best="$other"
      BEST_ATTEMPT[$target]="$attempt"
      mv "$WORK/$target.run.txt" "$WORK/$target.wrk.txt"
    fi
    ((other > MAX_OTHER_CPU)) || break
    log "$target: other processes took ${other}% of the CPUs during the run"
  done
  sed 's/^/    /' "$WORK/$target.wrk.txt" >&2
  RESULTS[$target]="$(parse_wrk "$WORK/$target.wrk.txt")"
  OTHER_CPU[$target]="$best"
}

# Records in LOG_NOTES[$1] the warning/error lines logged by $WORK/$2.log and $WORK/$2-error.log
# ($2 defaults to $1: the edge, nginx's error log, Caddy).
note_log_problems() {
  local target="$1" name="${2:-$1}" pattern='( WARN | ERROR |Exception|\[(error|crit|alert|emerg)\]|"level":"error")'
  local logs=() log count first
  for log in "$WORK/$name.log" "$WORK/$name-error.log"; do [[ -f "$log" ]] && logs+=("$log"); done
  ((${#logs[@]})) || return 0
  count="$(cat "${logs[@]}" | grep -Ec "$pattern" || true)"
  ((count > 0)) || return 0
  first="$(cat "${logs[@]}" | grep -Em1 "$pattern" | cut -c1-200)"
  LOG_NOTES[$target]="$count warning/error lines in its log, the first: \`$first\`"
}

# Markdown lines naming the targets ($2...) whose run saw non-2xx answers, socket errors or proxy
# warnings; or one line saying none did, ending with $1 ("on any target", "in any case").
report_problems() {
  local where="$1" clean=1 target rps p50 p99 non2xx errors
  shift
  for target in "$@"; do
    read -r rps p50 p99 non2xx errors <<<"${RESULTS[$target]}"
    if ((non2xx + errors > 0)) || [[ -n "${LOG_NOTES[$target]:-}" ]]; then
      clean=0
      echo "- $target: $non2xx non-2xx responses, $errors socket errors${LOG_NOTES[$target]:+; ${LOG_NOTES[$target]}}."
    fi
  done
  ((clean == 0)) || echo "wrk saw no non-2xx responses and no socket errors $where; no proxy logged a warning."
}

ratio() {
  awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0 && a != "") printf "%.2f×", a / b; else printf "–" }'
}

# ---------------------------------------------------------------------------------------- report

machine_line() {
  echo "$(nproc) cores ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)), Linux $(uname -r)"
}

# Warns when the machine is busy; sets LOAD_BEFORE.
note_load() {
  LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
  if awk -v l="${LOAD_BEFORE%% *}" 'BEGIN { exit !(l > 0.5) }'; then
    log "warning: the machine is busy (load $LOAD_BEFORE); the figures will be noisy"
  fi
}

# Replaces the section "## $1" of $OUT (its heading up to the next "## " heading) with the file
# $2, or appends it.
replace_section() {
  local heading="## $1" section="$2"
  mkdir -p "$(dirname "$OUT")"
  [[ -f "$OUT" ]] || printf '# Benchmarks\n\n' >"$OUT"
  awk -v heading="$heading" -v file="$section" '
    function emit() { while ((getline line < file) > 0) print line; close(file); print ""; done = 1 }
    $0 == heading { emit(); skipping = 1; next }
    skipping && /^## / { skipping = 0 }
    !skipping { print }
    END { if (!done) { print ""; emit() } }
  ' "$OUT" | cat -s >"$WORK/out.md"
  sed -e :a -e '/^\n*$/{$d;N;ba' -e '}' "$WORK/out.md" >"$OUT"
  log "wrote the section '$1' of ${OUT#"$ROOT"/}"
  cat "$section"
}

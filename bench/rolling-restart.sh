#!/usr/bin/env bash
# Rolling restart under load: HAProxy in front of two edges sharing one SQLite store, wrk through
# HAProxy while each edge in turn gets SIGTERM, drains, exits, starts again and turns ready.
# Prints the figures; exits 0 only when wrk saw no non-2xx answer and no socket error and both
# edges exited 0 after their drain.
#
# Settings (env): CONNS=32 THREADS=2 DURATION=40s              wrk through HAProxy
#                 DRAIN_DELAY=2s DRAIN_TIMEOUT=30s               the edges' lifecycle section
#                 FIRST_RESTART=3 PAUSE=1                        seconds of load before the first
#                                                                restart, and after an edge is back
#                 EDGE_THREADS=1                                 edge event loop threads
#                 EDGE_JAVA_OPTS="-XX:+UseParallelGC -Xms256m -Xmx256m"   edge JVM flags
#                 EDGE_JAR=edge-proxy/target/edge-proxy.jar      the edge jar under test
#                 REBUILD=1                                      rebuild the jars even if present
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$ROOT/bench"
cd "$ROOT"

CONNS="${CONNS:-32}"
THREADS="${THREADS:-2}"
DURATION="${DURATION:-40s}"
DRAIN_DELAY="${DRAIN_DELAY:-2s}"
DRAIN_TIMEOUT="${DRAIN_TIMEOUT:-30s}"
FIRST_RESTART="${FIRST_RESTART:-3}"
PAUSE="${PAUSE:-1}"
EDGE_THREADS="${EDGE_THREADS:-1}"
EDGE_JAVA_OPTS="${EDGE_JAVA_OPTS--XX:+UseParallelGC -Xms256m -Xmx256m}"
EDGE_JAR="${EDGE_JAR:-$ROOT/edge-proxy/target/edge-proxy.jar}"
EXPECTED_BODY="Hello from upstream"
# shellcheck source=bench/lib.sh
source "$BENCH/lib.sh"

now_ms() { echo $(($(date +%s%N) / 1000000)); }

# Polls "$@" every 100 ms until it succeeds; dies naming $1 after $2 seconds.
await_true() {
  local what="$1" seconds="$2" deadline
  shift 2
  deadline=$(($(now_ms) + seconds * 1000))
  until "$@" >/dev/null 2>&1; do
    (($(now_ms) < deadline)) || die "$what: not within ${seconds}s"
    sleep 0.1
  done
}

ready() { curl -fsS --max-time 1 "http://127.0.0.1:${ADMIN_PORT[$1]}/health/ready"; }

# HAProxy's status of server edge-$1 (UP, DOWN, ...), from its stats CSV.
haproxy_status() {
  curl -fsS --max-time 1 "http://127.0.0.1:$STATS_PORT/stats;csv" | awk -F, -v s="edge-$1" '
    NR == 1 { for (i = 1; i <= NF; i++) if ($i == "status") col = i; next }
    $1 == "edges" && $2 == s { print $col }'
}

in_rotation() { [[ "$(haproxy_status "$1")" == UP ]]; }
out_of_rotation() { [[ "$(haproxy_status "$1")" == DOWN* ]]; }

# A backend counter of HAProxy ($1: a column of the stats CSV, e.g. wretr, wredis).
haproxy_counter() {
  curl -fsS --max-time 1 "http://127.0.0.1:$STATS_PORT/stats;csv" | awk -F, -v c="$1" '
    NR == 1 { for (i = 1; i <= NF; i++) if ($i == c) col = i; next }
    $1 == "edges" && $2 == "BACKEND" { print $col + 0 }'
}

# Writes edge $1's routes.yaml (ports, the shared store, the lifecycle) and starts it.
start_edge() {
  local i="$1" opts=()
  read -r -a opts <<<"$EDGE_JAVA_OPTS"
  RUNS[$i]=$((${RUNS[$i]:-0} + 1))
  start "edge-$i.${RUNS[$i]}" java "${opts[@]}" -jar "$EDGE_JAR" --config "$WORK/edge-$i.yaml" \
    --threads "$EDGE_THREADS"
  EDGE_PID[$i]="$STARTED_PID"
}

configure_edge() {
  local i="$1"
  PROXY_PORT[$i]="$(free_port)"
  ADMIN_PORT[$i]="$(free_port)"
  render "$BENCH/edge-rolling.yaml.template" "$WORK/edge-$i.yaml" PORT="${PROXY_PORT[$i]}" \
    ADMIN_PORT="${ADMIN_PORT[$i]}" STATE_DIR="$WORK/edge-$i-state" STORE="$WORK/fleet.db" NAME="edge-$i" \
    DRAIN_DELAY="$DRAIN_DELAY" DRAIN_TIMEOUT="$DRAIN_TIMEOUT" UPSTREAM_PORT="$UPSTREAM_PORT"
}

# SIGTERM to edge $1, then wait for its exit, start it again and wait until HAProxy sends to it.
restart_edge() {
  local i="$1" pid="${EDGE_PID[$1]}" t0 out exited back status=0
  t0="$(now_ms)"
  log "edge-$i: SIGTERM"
  kill -TERM "$pid"
  await_true "HAProxy taking edge-$i out of rotation" 10 out_of_rotation "$i"
  out=$(($(now_ms) - t0))
  wait "$pid" || status=$?
  exited=$(($(now_ms) - t0))
  forget "$pid"
  EXIT_STATUS[$i]="$status"
  start_edge "$i"
  await_true "edge-$i ready again" 90 ready "$i"
  await_true "HAProxy sending to edge-$i again" 30 in_rotation "$i"
  back=$(($(now_ms) - t0))
  RESTART_LINE[$i]="edge-$i: SIGTERM at $(((t0 - LOAD_START) / 1000)) s into the load; out of HAProxy's rotation after ${out} ms; exited with status $status after ${exited} ms ($(grep -o 'drained in [0-9]* ms; cutting [0-9]* connection(s)' "$WORK/edge-$i.$((RUNS[$i] - 1)).log" || echo 'no drain line')); back in rotation after ${back} ms"
  log "${RESTART_LINE[$i]}"
}

main() {
  install_tools wrk haproxy curl
  build edge-proxy "$EDGE_JAR"
  declare -gA PROXY_PORT=() ADMIN_PORT=() EDGE_PID=() RUNS=() EXIT_STATUS=() RESTART_LINE=()
  note_load

  start_hello upstream --threads 1
  UPSTREAM_PORT="$STARTED_PORT"
  await_body upstream "http://127.0.0.1:$UPSTREAM_PORT/" "$STARTED_PID"
  for i in 1 2; do
    configure_edge "$i"
    start_edge "$i"
  done
  for i in 1 2; do await_true "edge-$i ready" 90 ready "$i"; done

  FRONT_PORT="$(free_port)" STATS_PORT="$(free_port)"
  render "$BENCH/haproxy-rolling.cfg.template" "$WORK/haproxy.cfg" FRONT_PORT="$FRONT_PORT" STATS_PORT="$STATS_PORT" \
    EDGE1_PORT="${PROXY_PORT[1]}" EDGE1_ADMIN="${ADMIN_PORT[1]}" EDGE2_PORT="${PROXY_PORT[2]}" EDGE2_ADMIN="${ADMIN_PORT[2]}"
  start haproxy haproxy -db -f "$WORK/haproxy.cfg"
  await_body haproxy "http://127.0.0.1:$FRONT_PORT/" "$STARTED_PID"
  for i in 1 2; do await_true "HAProxy sending to edge-$i" 30 in_rotation "$i"; done

  log "wrk -t$THREADS -c$CONNS -d$DURATION through HAProxy; restarting edge-1, then edge-2"
  LOAD_START="$(now_ms)"
  wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --latency "http://127.0.0.1:$FRONT_PORT/" >"$WORK/wrk.txt" 2>&1 &
  local wrk_pid=$!
  PIDS+=("$wrk_pid")
  sleep "$FIRST_RESTART"
  restart_edge 1
  sleep "$PAUSE"
  restart_edge 2
  local covered="both restarts, each until the edge was back in rotation, ran under the load"
  kill -0 "$wrk_pid" 2>/dev/null ||
    covered="the load ended before edge-2 was back in rotation (its drain and exit ran under it); raise DURATION"
  wait "$wrk_pid" || die "wrk failed: $(cat "$WORK/wrk.txt")"
  forget "$wrk_pid"

  local rps p50 p99 non2xx errors requests retries redispatches verdict=PASS
  read -r rps p50 p99 non2xx errors <<<"$(parse_wrk "$WORK/wrk.txt")"
  requests="$(awk '/requests in/ { print $1 }' "$WORK/wrk.txt")"
  retries="$(haproxy_counter wretr)" redispatches="$(haproxy_counter wredis)"
  sed 's/^/    /' "$WORK/wrk.txt" >&2
  ((non2xx == 0 && errors == 0 && ${EXIT_STATUS[1]} == 0 && ${EXIT_STATUS[2]} == 0)) || verdict=FAIL
  cat <<EOF
== rolling restart ($(date -u '+%Y-%m-%d %H:%M UTC'), $(machine_line); load before: $LOAD_BEFORE)
   CONNS=$CONNS THREADS=$THREADS DURATION=$DURATION DRAIN_DELAY=$DRAIN_DELAY EDGE_THREADS=$EDGE_THREADS bench/rolling-restart.sh
   wrk -t$THREADS -c$CONNS -d$DURATION through HAProxy $(haproxy -v | head -n 1 | awk '{ print $3 }') (inter 500ms fall 1 rise 2,
   retries 3, redispatch) to two edges on one SQLite store (drain-delay $DRAIN_DELAY), GET / of HelloUpstream
requests:           $requests ($rps req/s; p50 $p50, p99 $p99)
non-2xx responses:  $non2xx
socket errors:      $errors
${RESTART_LINE[1]}
${RESTART_LINE[2]}
($covered)
HAProxy retries:    $retries (redispatches $redispatches)
$verdict
EOF
  [[ "$verdict" == PASS ]]
}

main "$@"

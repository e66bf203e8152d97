#!/usr/bin/env bash
# Weighted routing's cost, A/B alternated: two edges from one jar run side by side on the same
# routes.yaml (bench/edge-routes.yaml.template, sticky session cookie), "weighted" with the route
# at weight 50, "plain" at 0; wrk runs alternate between them for ROUNDS rounds (the order flips
# every round), every request carrying the same Cookie header. Prints each run and the medians.
#
# Settings (env): CONNS=64 THREADS=2 DURATION=10s WARMUP=10s ROUNDS=6 EDGE_THREADS=2
#                 EDGE_JAVA_OPTS="-XX:+UseParallelGC ..." EDGE_JAR=edge-proxy/target/edge-proxy.jar
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$ROOT/bench"
cd "$ROOT"

CONNS="${CONNS:-64}"
THREADS="${THREADS:-2}"
DURATION="${DURATION:-10s}"
WARMUP="${WARMUP:-10s}"
ROUNDS="${ROUNDS:-6}"
EDGE_THREADS="${EDGE_THREADS:-2}"
EDGE_JAVA_OPTS="${EDGE_JAVA_OPTS--XX:+UseParallelGC -Xms512m -Xmx512m -XX:+AlwaysPreTouch}"
EDGE_JAR="${EDGE_JAR:-$ROOT/edge-proxy/target/edge-proxy.jar}"
EXPECTED_BODY="Hello from upstream"
COOKIE="Cookie: theme=dark; session=5f0c3e2a9b7d4e81a6c2f0b9d8e7a615; lang=en"
# shellcheck source=bench/lib.sh
source "$BENCH/lib.sh"

declare -A URL=() RPS=()

# Starts edge $1 on free ports and sets URL[$1]; the weighted one gets weight 50.
start_edge() {
  local name="$1" port admin opts=()
  port="$(free_port)" admin="$(free_port)"
  render "$BENCH/edge-routes.yaml.template" "$WORK/$name.yaml" \
    PORT="$port" ADMIN_PORT="$admin" UPSTREAM_PORT="$UPSTREAM_PORT" WORK="$WORK/$name"
  read -r -a opts <<<"$EDGE_JAVA_OPTS"
  start "$name" java "${opts[@]}" -jar "$EDGE_JAR" --config "$WORK/$name.yaml" --threads "$EDGE_THREADS"
  URL[$name]="http://127.0.0.1:$port/"
  await_body "$name" "${URL[$name]}" "$STARTED_PID"
  [[ "$name" != weighted ]] || set_weight "$admin" 50
}

run() {
  local name="$1" round="$2" rps
  wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" -H "$COOKIE" --latency "${URL[$name]}" >"$WORK/$name.$round.txt"
  read -r rps _ <<<"$(parse_wrk "$WORK/$name.$round.txt")"
  RPS[$name]+="$rps "
  printf 'round %d %-8s %8.0f req/s\n' "$round" "$name" "$rps"
}

median() {
  tr ' ' '\n' <<<"$1" | sed '/^$/d' | sort -n | awk '{ v[NR] = $1 } END { printf "%.0f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

main() {
  install_tools wrk curl
  build edge-proxy "$EDGE_JAR"
  note_load
  start_hello upstream --threads 1
  UPSTREAM_PORT="$STARTED_PORT"
  await_body upstream "http://127.0.0.1:$UPSTREAM_PORT/" "$STARTED_PID"
  start_edge plain
  start_edge weighted
  for name in plain weighted; do
    wrk -t"$THREADS" -c"$CONNS" -d"$WARMUP" -H "$COOKIE" "${URL[$name]}" >/dev/null
  done
  for ((round = 1; round <= ROUNDS; round++)); do
    if ((round % 2)); then run plain "$round"; run weighted "$round"; else run weighted "$round"; run plain "$round"; fi
  done
  local plain weighted
  plain="$(median "${RPS[plain]}")" weighted="$(median "${RPS[weighted]}")"
  echo "plain:    ${RPS[plain]}→ median $plain req/s"
  echo "weighted: ${RPS[weighted]}→ median $weighted req/s"
  echo "weighted ÷ plain (medians): $(ratio "$weighted" "$plain"); load before: $LOAD_BEFORE, after: $(cut -d' ' -f1-3 /proc/loadavg)"
}

main "$@"

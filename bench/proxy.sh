#!/usr/bin/env bash
# Proxy throughput on loopback: wrk against a tiny Netty upstream directly, through the edge,
# through nginx and through Caddy (each a plain reverse proxy to the same upstream), then writes
# the "Proxy throughput (bench/proxy.sh)" section of docs/benchmarks.md.
#
# Settings (env): CONNS=64 THREADS=2 DURATION=15s WARMUP=10s  wrk connections/threads/durations
#                 EDGE_THREADS=2                              edge event loop threads
#                 EDGE_JAVA_OPTS="-XX:+UseParallelGC ..."      edge JVM flags (default below)
#                 UPSTREAM_THREADS=1                          HelloUpstream event loop threads
#                 TARGETS="direct edge nginx caddy"           what to measure (also edge-aa: a second
#                                                             run of the same edge jar, the A/A
#                                                             control; edge-base: the edge jar at
#                                                             BASE_JAR, e.g. a build of an older commit;
#                                                             edge-weighted: the same edge with the
#                                                             route at weight 50, users told apart
#                                                             by the session cookie)
#                 WRK_HEADER="Cookie: ..."                    a header on every wrk request, every
#                                                             target (default: a session cookie when
#                                                             TARGETS has edge-weighted, else none)
#                 EDGE_JAR=edge-proxy/target/edge-proxy.jar   the edge jar under test
#                 BASE_JAR=                                   the edge-base target's jar
#                 QUIET_WAIT=300                              max seconds to wait for an idle machine
#                 MAX_OTHER_CPU=5 ATTEMPTS=3                  repeat runs disturbed by other processes
#                 REBUILD=1                                   rebuild the jars even if present
#                 OUT=docs/benchmarks.md                      where the section goes
#                 SECTION="${SECTION:-Proxy throughput (bench/proxy.sh)}"  its heading
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
SECTION="${SECTION:-Proxy throughput (bench/proxy.sh)}"
EDGE_JAR="${EDGE_JAR:-$ROOT/edge-proxy/target/edge-proxy.jar}"
EXPECTED_BODY="Hello from upstream"
WEIGHT=50
if [[ " $TARGETS " == *" edge-weighted "* ]]; then
  WRK_HEADER="${WRK_HEADER-Cookie: theme=dark; session=5f0c3e2a9b7d4e81a6c2f0b9d8e7a615; lang=en}"
fi
WRK_HEADER="${WRK_HEADER-}"
# shellcheck source=bench/lib.sh
source "$BENCH/lib.sh"

# ------------------------------------------------------------------------------------- targets

start_upstream() {
  start_hello upstream --threads "$UPSTREAM_THREADS"
  UPSTREAM_PORT="$STARTED_PORT" UPSTREAM_PID="$STARTED_PID"
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
    edge | edge-aa | edge-base | edge-weighted)
      local jar="$EDGE_JAR" admin_port
      admin_port="$(free_port)"
      [[ "$1" != edge-base ]] || jar="${BASE_JAR:?the edge-base target needs BASE_JAR (an edge-proxy.jar)}"
      render "$BENCH/edge-routes.yaml.template" "$WORK/routes.yaml" \
        PORT="$port" ADMIN_PORT="$admin_port" UPSTREAM_PORT="$UPSTREAM_PORT" WORK="$WORK/$1"
      local opts=()
      read -r -a opts <<<"$EDGE_JAVA_OPTS"
      start "$1" java "${opts[@]}" -jar "$jar" --config "$WORK/routes.yaml" --threads "$EDGE_THREADS"
      TARGET_PID="$STARTED_PID"
      await_body "$1" "$TARGET_URL" "$TARGET_PID"
      [[ "$1" != edge-weighted ]] || set_weight "$admin_port" "$WEIGHT"
      return
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
    *) die "unknown target '$1' (direct, edge, edge-aa, edge-base, nginx, caddy)" ;;
  esac
  TARGET_PID="$STARTED_PID"
  await_body "$1" "$TARGET_URL" "$TARGET_PID"
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
    echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(machine_line)."
    echo "$(versions | paste -sd ';' | sed 's/;/; /g')."
    echo "Load average (1/5/15 min) before the run: $LOAD_BEFORE; after: $(cut -d' ' -f1-3 /proc/loadavg)."
    echo
    echo '```'
    echo "CONNS=$CONNS THREADS=$THREADS DURATION=$DURATION WARMUP=$WARMUP EDGE_THREADS=$EDGE_THREADS \\"
    echo "  MAX_OTHER_CPU=$MAX_OTHER_CPU ATTEMPTS=$ATTEMPTS TARGETS=\"$TARGETS\" \\"
    [[ -z "$WRK_HEADER" ]] || echo "  WRK_HEADER=\"$WRK_HEADER\" SECTION=\"$SECTION\" \\"
    echo "  EDGE_JAVA_OPTS=\"$EDGE_JAVA_OPTS\" bench/proxy.sh"
    echo '```'
    echo
    echo "Each target: \`wrk -t$THREADS -c$CONNS -d$WARMUP\` warm-up, then \`wrk -t$THREADS -c$CONNS -d$DURATION --latency\`,"
    echo "GET / of a $BODY_BYTES-byte keep-alive answer from \`HelloUpstream\` (raw Netty, $UPSTREAM_THREADS event loop thread)."
    echo "Edge: \`--threads $EDGE_THREADS\`, JVM flags \`$EDGE_JAVA_OPTS\`, one catch-all route, mirroring off."
    [[ " $TARGETS " != *" edge-weighted "* ]] || echo "edge-weighted: the same edge and routes.yaml (\`sticky: {cookie: session}\`) with the route at weight $WEIGHT (\`POST /admin/routes/all/weight\`): every request's side is picked by the hash of its session cookie."
    [[ -z "$WRK_HEADER" ]] || echo "Every wrk request of every target carries \`$WRK_HEADER\`."
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
    if [[ -n "${RESULTS[edge-weighted]:-}" && -n "${RESULTS[edge]:-}" ]]; then
      local plain_rps weighted_rps
      read -r plain_rps _ <<<"${RESULTS[edge]}"
      read -r weighted_rps _ <<<"${RESULTS[edge-weighted]}"
      echo "edge-weighted ÷ edge (req/s): $(ratio "$weighted_rps" "$plain_rps")."
      echo
    fi
    # shellcheck disable=SC2086
    report_problems "on any target" $TARGETS
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

  replace_section "$SECTION" "$section"
}

main() {
  local tools=(wrk curl)
  [[ " $TARGETS " != *" nginx "* ]] || tools+=(nginx)
  [[ " $TARGETS " != *" caddy "* ]] || tools+=(caddy)
  install_tools "${tools[@]}"
  build edge-proxy "$EDGE_JAR"
  declare -gA RESULTS=() LOG_NOTES=() BUSY_BEFORE=() OTHER_CPU=() BEST_ATTEMPT=()
  note_load
  start_upstream
  local target
  for target in $TARGETS; do
    measure "$target"
    note_log_problems "$target"
    [[ -z "$TARGET_PID" ]] || stop "$TARGET_PID"
  done
  write_section
}

main "$@"

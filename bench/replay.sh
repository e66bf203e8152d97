#!/usr/bin/env bash
# Replay throughput: `replay rediff` of LINES generated capture lines on one core (taskset -c 0),
# and `replay run --against-recorded` of RUN_LINES of them against a local HelloUpstream at
# concurrency CONCURRENCY; then writes the "Replay (bench/replay.sh)" section of
# docs/benchmarks.md. The corpus (dev.strangler.bench.CaptureCorpus): GET /items/{n} served by
# legacy with a ~1 KB JSON body, mirrored to new, DIFF_PERCENT% of the shadow answers differ.
#
# Settings (env): LINES=100000 RUN_LINES=20000 DIFF_PERCENT=3 CONCURRENCY=16
#                 RUNS=2                 timed runs of each command (hyperfine if installed, else
#                                        /usr/bin/time, one run)
#                 REPLAY_JAVA_OPTS=""    JVM flags for replay.jar
#                 QUIET_WAIT=300 REBUILD=1 OUT=docs/benchmarks.md
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$ROOT/bench"
cd "$ROOT"

LINES="${LINES:-100000}"
RUN_LINES="${RUN_LINES:-20000}"
DIFF_PERCENT="${DIFF_PERCENT:-3}"
CONCURRENCY="${CONCURRENCY:-16}"
RUNS="${RUNS:-2}"
REPLAY_JAVA_OPTS="${REPLAY_JAVA_OPTS:-}"
QUIET_WAIT="${QUIET_WAIT:-300}"
OUT="${OUT:-$ROOT/docs/benchmarks.md}"
SECTION="Replay (bench/replay.sh)"
REPLAY_JAR="$ROOT/replay/target/replay.jar"
# shellcheck source=bench/lib.sh
source "$BENCH/lib.sh"

# Runs the command "$@" RUNS times (hyperfine) or once (/usr/bin/time) after waiting for a quiet
# machine; sets SECONDS_TAKEN (mean wall time) and TIMING (how it was measured).
timed() {
  local name="$1"
  shift
  await_quiet "$name"
  log "$name: $*"
  if command -v hyperfine >/dev/null; then
    hyperfine --runs "$RUNS" --export-csv "$WORK/$name.csv" --show-output "$(printf '%q ' "$@")" \
      >"$WORK/$name.log" 2>&1 || { tail -n 30 "$WORK/$name.log" >&2; die "$name failed"; }
    SECONDS_TAKEN="$(awk -F, 'NR == 2 { print $2 }' "$WORK/$name.csv")"
    TIMING="hyperfine, mean of $RUNS runs: $(awk -F, 'NR == 2 { printf "%.2f s ± %.2f s (min %.2f, max %.2f)", $2, $3, $7, $8 }' "$WORK/$name.csv")"
  else
    /usr/bin/time -f '%e %U %S %M' -o "$WORK/$name.time" "$@" >"$WORK/$name.log" 2>&1 \
      || { tail -n 30 "$WORK/$name.log" >&2; die "$name failed"; }
    SECONDS_TAKEN="$(cut -d' ' -f1 "$WORK/$name.time")"
    TIMING="/usr/bin/time, one run: $(awk '{ printf "%.2f s wall, %.2f s user, %.2f s sys, %d MiB max RSS", $1, $2, $3, $4 / 1024 }' "$WORK/$name.time")"
  fi
}

rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", n / s }'; }

# The per-route table of a replay report.md (its lines starting with "|").
report_table() {
  awk '/^\| route \|/ { on = 1 } on && !/^\|/ { exit } on' "$1/report.md"
}

versions() {
  echo "java: $(java -version 2>&1 | head -n 1)"
  command -v hyperfine >/dev/null && echo "hyperfine: $(hyperfine --version | cut -d' ' -f2)"
  true
}

main() {
  install_tools curl
  (install_tools hyperfine) || log "no hyperfine; timing with /usr/bin/time"
  build replay "$REPLAY_JAR"
  declare -gA BUSY_BEFORE=()
  note_load
  local corpus="$WORK/capture-bench.jsonl.gz" opts=() port
  read -r -a opts <<<"$REPLAY_JAVA_OPTS"

  log "generating $LINES capture lines"
  java -cp "$(bench_cp)" dev.strangler.bench.CaptureCorpus --out "$corpus" --lines "$LINES" \
    --diff-percent "$DIFF_PERCENT" --body-out "$WORK/body.json" | tee "$WORK/corpus.txt" >&2
  EXPECTED_BODY="$(cat "$WORK/body.json")"
  start_hello upstream --body-file "$WORK/body.json" --threads 1
  port="$STARTED_PORT"
  await_body upstream "http://127.0.0.1:$port/items/0" "$STARTED_PID"
  render "$BENCH/replay-routes.yaml.template" "$WORK/routes.yaml" \
    PORT="$(free_port)" ADMIN_PORT="$(free_port)" UPSTREAM_PORT="$port" WORK="$WORK"

  local rediff=(taskset -c 0 java "${opts[@]}" -jar "$REPLAY_JAR" rediff --config "$WORK/routes.yaml"
    --input "$corpus" --report "$WORK/rediff-report")
  timed rediff "${rediff[@]}"
  local rediff_s="$SECONDS_TAKEN" rediff_timing="$TIMING"

  local run=(java "${opts[@]}" -jar "$REPLAY_JAR" run --config "$WORK/routes.yaml" --input "$corpus"
    --limit "$RUN_LINES" --against-recorded --concurrency "$CONCURRENCY" --new "http://127.0.0.1:$port"
    --report "$WORK/run-report")
  timed run "${run[@]}"
  local run_s="$SECONDS_TAKEN" run_timing="$TIMING"

  local section="$WORK/section.md"
  {
    echo "## $SECTION"
    echo
    echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(machine_line)."
    echo "$(versions | paste -sd ';' | sed 's/;/; /g')."
    echo "Load average (1/5/15 min) before the run: $LOAD_BEFORE; after: $(cut -d' ' -f1-3 /proc/loadavg)."
    echo
    echo '```'
    echo "LINES=$LINES RUN_LINES=$RUN_LINES DIFF_PERCENT=$DIFF_PERCENT CONCURRENCY=$CONCURRENCY RUNS=$RUNS bench/replay.sh"
    echo '```'
    echo
    echo "Corpus (\`CaptureCorpus\`): $(cat "$WORK/corpus.txt" | sed "s#$WORK/##")."
    echo "Each line: \`GET /items/{n}\` served by legacy with a ~$(wc -c <"$WORK/body.json")-byte JSON body,"
    echo "mirrored to new; the differing lines have one changed field. Route core \`{json: \"\"}\` on both sides,"
    echo "\`compare: {ignore: [\"\$.id\"]}\`. JVM defaults$([[ -n "$REPLAY_JAVA_OPTS" ]] && echo ", flags \`$REPLAY_JAVA_OPTS\`")."
    echo
    echo "| command | records | time | records/s |"
    echo "| --- | ---: | ---: | ---: |"
    printf '| `rediff`, one core (`taskset -c 0`) | %d | %.2f s | %s |\n' "$LINES" "$rediff_s" "$(rate "$LINES" "$rediff_s")"
    printf '| `run --against-recorded --concurrency %d` | %d | %.2f s | %s |\n' "$CONCURRENCY" "$RUN_LINES" "$run_s" "$(rate "$RUN_LINES" "$run_s")"
    echo
    echo "Times are the whole process (JVM start, reading the gzip, judging, writing the report)."
    echo "rediff: $rediff_timing. run: $run_timing."
    echo
    echo '```'
    echo "${rediff[*]}" | sed "s#$WORK/##g; s#$ROOT/##g"
    echo "${run[*]}" | sed "s#$WORK/##g; s#$ROOT/##g; s#127.0.0.1:$port#127.0.0.1:PORT#"
    echo '```'
    echo
    echo "\`run\` sends to \`HelloUpstream --body-file\` (raw Netty, 1 event loop thread, the legacy body with"
    echo "id 0), which shares the $(nproc) cores with replay; it is not pinned."
    echo
    echo "rediff report:"
    echo
    report_table "$WORK/rediff-report"
    echo
    echo "run report:"
    echo
    report_table "$WORK/run-report"
    echo
    echo "Machine CPU busy with other work just before each command (2 s): rediff ${BUSY_BEFORE[rediff]}%, run ${BUSY_BEFORE[run]}%."
  } >"$section"
  replace_section "$SECTION" "$section"
}

main "$@"

#!/usr/bin/env bash
# Runs the diff engine vs JSONAssert JMH benchmark (dev.strangler.bench.CompareBenchmark), or another
# benchmark of bench/ selected by a first argument naming its class (a JMH pattern containing
# "Benchmark", e.g. ParseBenchmark or 'ParseFloorBenchmark.validateOneThenCompare$').
# Defaults (in the classes): 1 fork, 3 x 2 s warm-up, 5 x 2 s measurement, throughput in ops/s.
# Arguments go to JMH and override them, e.g.: bench/compare.sh -p kilobytes=100 -i 5 -rf json
# MVN_FLAGS (default -o, offline) is passed to the Maven build.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q ${MVN_FLAGS--o} -pl bench -am package dependency:build-classpath \
  -DskipTests -Dmdep.outputFile=target/classpath.txt
jar=$(ls bench/target/bench-*.jar | grep -v -e sources -e original | head -n 1)
benchmark=CompareBenchmark
if [[ "${1:-}" == *Benchmark* ]]; then
  benchmark=$1
  shift
fi
exec java -cp "$jar:$(cat bench/target/classpath.txt)" org.openjdk.jmh.Main "$benchmark" "$@"

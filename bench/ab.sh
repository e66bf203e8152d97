#!/usr/bin/env bash
# In-process A/B of the diff engine: the working tree against a base commit, one benchmark cell.
# Both builds of the bench module load in one JVM (two class loaders) and run in alternating 300 ms
# slices (bench/AlternatingSlices.java), so drift of this shared VM hits both alike.
# Usage: bench/ab.sh BASE METHOD ARRAYS KILOBYTES PAIR [SLICES]
#   e.g. bench/ab.sh HEAD~3 oursPreParsed KEYED 1 differing
#        bench/ab.sh HEAD~3 tape - 10 -
# MVN_FLAGS (default -o, offline) is passed to both Maven builds.
set -euo pipefail
cd "$(dirname "$0")/.."
base=$1
shift
work=$(mktemp -d)
trap 'git worktree remove --force "$work/base" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git worktree add -q --detach "$work/base" "$base"
build() {
  (cd "$1" && ./mvnw -B -q ${MVN_FLAGS--o} -pl bench -am package dependency:build-classpath \
    -DskipTests -Dmdep.outputFile=target/classpath.txt)
}
build "$work/base"
build .
java bench/AlternatingSlices.java "$work/base" . "$@"

#!/usr/bin/env bash
# Site generation at scale: BENCHMARKS benchmarks x RUNS runs, full generation, then --incremental
# after a new run of one suite (50 benchmarks) and after a new run of every benchmark, with a 1.5 GB heap.
# Usage: bench/site-scale.sh [WORKDIR] [BENCHMARKS] [RUNS] [SAMPLES]
# The archive is prepared once in WORKDIR/archive-pristine and copied for each measurement. Two
# passes: the generator alone (SiteScaleBench: measured means, no engines), then the 'site' command
# itself (comparison engine, change points, recommendations), timed with /usr/bin/time.
set -euo pipefail
cd "$(dirname "$0")/.."
work="${1:-target/site-scale}"; benchmarks="${2:-2000}"; runs="${3:-1000}"; samples="${4:-5}"
mkdir -p "$work"
work="$(cd "$work" && pwd)"
cp_file="$work/classpath.txt"
# compiling in the same invocation lets Maven resolve the sibling modules to their target/classes
./mvnw -q -o -pl site-generator -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test >&2
# run from a copy of the compiled classes, so a rebuild meanwhile does not disturb the measurement
rm -rf "$work/classes" && mkdir -p "$work/classes"
cp -r site-generator/target/test-classes "$work/classes/site-test"
cp -r site-generator/target/classes "$work/classes/site"
cp -r archive/target/classes "$work/classes/archive"
cp="$work/classes/site-test:$work/classes/site:$work/classes/archive:$(cat "$cp_file")"
java_run() { java -Xmx1500m -cp "$cp" io.benchledger.site.bench.SiteScaleBench "$@"; }

if [ ! -f "$work/archive-pristine/archive.json" ]; then
  java_run prepare "$work/archive-pristine" "$benchmarks" "$runs" "$samples"
fi
rm -rf "$work/archive" "$work/site"
cp -r "$work/archive-pristine" "$work/archive"
java_run full "$work/archive" "$work/site"
# a new run of one suite (50 benchmarks), then a new run of everything
java_run append "$work/archive" "$benchmarks" "$((runs - 1))" "$samples" 50
java_run incremental "$work/archive" "$work/site"
java_run append "$work/archive" "$benchmarks" "$runs" "$samples" "$benchmarks"
java_run incremental "$work/archive" "$work/site"

# the 'site' command with its engines, on a fresh copy; the appended runs are nightly runs of the
# next version (run RUNS-1 of the prepared numbering would be a release run)
./mvnw -q -o -pl cli -am package -DskipTests >&2
rm -rf "$work/archive" "$work/site"
cp -r "$work/archive-pristine" "$work/archive"
site_cmd() { /usr/bin/time -f "  %e s wall, %U+%S s CPU, max RSS %M KB" java -Xmx1500m -jar cli/target/benchledger.jar \
  site --archive "$work/archive" --out "$work/site" "$@" >/dev/null; }
echo "site command, full:"; site_cmd
java_run append "$work/archive" "$benchmarks" "$runs" "$samples" 50 2>/dev/null
echo "site command, --incremental after a run of 50 benchmarks:"; site_cmd --incremental
java_run append "$work/archive" "$benchmarks" "$((runs + 1))" "$samples" 50 2>/dev/null
echo "site command, --incremental after another run of 50 benchmarks:"; site_cmd --incremental
echo "site command, --incremental with nothing new:"; site_cmd --incremental
java_run append "$work/archive" "$benchmarks" "$((runs + 2))" "$samples" "$benchmarks" 2>/dev/null
echo "site command, --incremental after a run of every benchmark:"; site_cmd --incremental

#!/usr/bin/env bash
# Site generation at scale: BENCHMARKS benchmarks x RUNS runs, full generation then one more run
# and --incremental, with a 1.5 GB heap. Usage: bench/site-scale.sh [WORKDIR] [BENCHMARKS] [RUNS] [SAMPLES]
# The archive is prepared once in WORKDIR/archive-pristine and copied for each measurement.
set -euo pipefail
cd "$(dirname "$0")/.."
work="${1:-target/site-scale}"; benchmarks="${2:-2000}"; runs="${3:-1000}"; samples="${4:-5}"
mkdir -p "$work"
cp_file="$work/classpath.txt"
# compiling in the same invocation lets Maven resolve the sibling modules to their target/classes
./mvnw -q -o -pl site-generator -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$PWD/$cp_file" -Dmdep.includeScope=test >&2
cp="site-generator/target/test-classes:site-generator/target/classes:archive/target/classes:$(cat "$cp_file")"
java_run() { java -Xmx1500m -cp "$cp" io.benchledger.site.bench.SiteScaleBench "$@"; }

if [ ! -f "$work/archive-pristine/archive.json" ]; then
  java_run prepare "$work/archive-pristine" "$benchmarks" "$runs" "$samples"
fi
rm -rf "$work/archive" "$work/site"
cp -r "$work/archive-pristine" "$work/archive"
java_run full "$work/archive" "$work/site"
java_run append "$work/archive" "$benchmarks" "$runs" "$samples"
java_run incremental "$work/archive" "$work/site"

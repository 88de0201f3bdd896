#!/usr/bin/env bash
# The whole 'benchledger report --type release' on a synthetic archive: generate CASES cases over RUNS
# runs (two versions), then time the report with --verbose (time of each step on stderr).
# Usage: bench/report-end-to-end.sh [CASES] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
read -r -a MVN <<< "${MVN:-./mvnw}"
cases=${1:-2000}
runs=${2:-30}
"${MVN[@]}" -q -pl cli -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >&2
cp="cli/target/classes:$(cat cli/target/bench-classpath.txt)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
java -cp "$cp" io.benchledger.cli.BenchledgerCommand generate --benchmarks "$cases" --runs "$runs" \
  --runs-per-version $(( runs / 2 )) --archive "$work/archive" --project scale >&2
start=$(date +%s.%N)
java -Djava.awt.headless=true -cp "$cp" io.benchledger.cli.BenchledgerCommand report --verbose --type release \
  --archive "$work/archive" --project scale --out "$work/release.pdf"
end=$(date +%s.%N)
echo "report command: $(echo "$end - $start" | bc) s wall"

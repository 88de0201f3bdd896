#!/usr/bin/env bash
# Renders a release report of many cases (default 2000) several times and prints the time of each
# repetition, the page count and the file size. Usage: bench/report-scale.sh [CASES] [REPETITIONS]
set -euo pipefail
cd "$(dirname "$0")/.."
read -r -a MVN <<< "${MVN:-./mvnw}"
"${MVN[@]}" -q -pl site-generator -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt >&2
mkdir -p target
java -Djava.awt.headless=true \
  -cp "site-generator/target/classes:site-generator/target/test-classes:$(cat site-generator/target/bench-classpath.txt)" \
  io.benchledger.report.bench.ReportScaleBenchmark "${1:-2000}" "${2:-5}" target/report-scale.pdf

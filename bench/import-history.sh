#!/usr/bin/env bash
# Times importing a github-action-benchmark history into a fresh archive (medians of several rounds).
# Usage: bench/import-history.sh [data.js] [rounds]   (default: the 1,384-run OpenTelemetry history)
set -euo pipefail
cd "$(dirname "$0")/.."
file="${1:-collector/src/test/resources/external/gh-action-benchmark/open-telemetry__opentelemetry-java/2023-09_to_2026-01/data.js}"
rounds="${2:-5}"
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
./mvnw -q -o -pl collector -am test-compile dependency:build-classpath -Dmdep.outputFile="$cp_file" >&2
java -cp "collector/target/test-classes:collector/target/classes:$(cat "$cp_file")" \
  io.benchledger.collector.importer.bench.HistoryImportBench "$file" "$rounds"

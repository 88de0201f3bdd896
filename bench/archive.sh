#!/usr/bin/env bash
# Runs the archive's JMH benchmarks (write throughput, typical queries) and prints JMH's table.
# Extra arguments go to JMH, e.g.  bench/archive.sh -i 3 historyOfOneCase
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -pl archive -am test-compile -DskipTests
./mvnw -q -B -pl archive dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
cp="archive/target/test-classes:archive/target/classes:$(cat archive/target/bench.classpath)"
exec java -cp "$cp" org.openjdk.jmh.Main 'io.benchledger.archive.bench.ArchiveBenchmarks' "$@"

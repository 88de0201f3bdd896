#!/usr/bin/env bash
# Runs the archive's JMH benchmarks (write throughput, typical queries) and prints JMH's table.
# Extra arguments go to JMH; BENCH=method picks one benchmark, e.g.
#   BENCH=commitOneMillionSamples bench/archive.sh -wi 1 -i 5
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -pl archive -am test-compile -DskipTests
./mvnw -q -B -pl archive dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
cp="archive/target/test-classes:archive/target/classes:$(cat archive/target/bench.classpath)"
exec java -cp "$cp" org.openjdk.jmh.Main "io\.benchledger\.archive\.bench\.ArchiveBenchmarks\.${BENCH:-.*}" "$@"

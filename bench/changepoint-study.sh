#!/usr/bin/env bash
# The step-and-drift study of docs/change-points.md: the default detector on generated families
# (steps, drifts, both, noise changes and outliers, weekly cycles and pauses, flat) and on trends of
# 0.05-1 noise sd per run over 50-500 runs with and without a step inside, scored against the
# generator's ground truth. Usage: bench/changepoint-study.sh [SCALE] [SEED]   (1 and 20000 = the docs'
# tables; another SEED draws other histories of the same families)
# With "steps" as the first argument it prints the older per-noise-level step study instead; with
# "seeds [COUNT] [FIRST] [LENGTHS] [step]" the false steps of the step-free trend families (with "step":
# of the trend families with a step inside, and the steps found) over many seeds
# (20 seeds from 60000, trends of 50 and 150 runs by default; "step" comes last, after as many of
# the others as given: "seeds step", "seeds 4 step", "seeds 20 60000 50,150,500 step").
set -euo pipefail
cd "$(dirname "$0")/.."
read -r -a MVN <<< "${MVN:-./mvnw}"
"${MVN[@]}" -q -pl archive -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt >&2
cp="archive/target/classes:archive/target/test-classes:$(cat archive/target/bench-classpath.txt)"
if [ "${1:-}" = "seeds" ]; then
  java -cp "$cp" io.benchledger.archive.bench.FindingStudy "$@"
elif [ "${1:-}" = "steps" ]; then
  java -cp "$cp" io.benchledger.archive.bench.ChangePointStudy "${2:-400}" "${3:-300}"
else
  java -cp "$cp" io.benchledger.archive.bench.FindingStudy "${1:-1}" "${2:-20000}"
fi

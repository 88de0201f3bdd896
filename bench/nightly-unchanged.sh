#!/usr/bin/env bash
# Runs the README's main job, `benchledger nightly --quick`, RUNS times in a row on unchanged code into
# a fresh archive and tallies what the gate said: exit codes, and per run the cases compared with the
# recent history and how many were called changed (regressed or improved), from each summary.json.
#   RUNS=10 bench/nightly-unchanged.sh            (about 3 to 5 minutes a run on 2 cores)
# BL=path/to/command runs another build (default: ./benchledger); OUT=dir keeps the archive and sites;
# ARGS="--include HashBenchmark|SignatureBenchmark" adds options to nightly (e.g. a subset of the suite, to build a history sooner).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-10}
bl=${BL:-./benchledger}
out=${OUT:-target/nightly-unchanged}
rm -rf "$out" && mkdir -p "$out"
echo "run,exit,seconds,load1,recent_runs,compared,changed,changed_gated,inconclusive,gate" > "$out/runs.csv"
for i in $(seq 1 "$runs"); do
  start=$(date +%s)
  set +e
  # shellcheck disable=SC2086
  $bl nightly --quick --ignore-jmh-lock --archive "$out/archive" --site "$out/site-$i" --no-publish ${ARGS:-} \
      > "$out/nightly-$i.txt" 2> "$out/nightly-$i.err"
  code=$?
  set -e
  secs=$(( $(date +%s) - start ))
  load=$(cut -d' ' -f1 /proc/loadavg)
  python3 - "$out/site-$i/summary.json" "$i" "$code" "$secs" "$load" >> "$out/runs.csv" <<'PY'
import json, sys
path, i, code, secs, load = sys.argv[1:]
doc = json.load(open(path))
recent = [c for c in doc["comparisons"] if c["name"] == "recent"]
cases = recent[0]["cases"] if recent else []
changed = [c for c in cases if c["verdict"] in ("regressed", "improved")]
gated = [c for c in changed if c["gated"]]
inc = [c for c in cases if c["verdict"] == "inconclusive"]
runs = len(doc["runs"].get("recent_baseline", []))
print(f'{i},{code},{secs},{load},{runs},{len(cases)},{len(changed)},{len(gated)},{len(inc)},{doc["gate"]["result"]}')
PY
  tail -1 "$out/runs.csv"
done
column -s, -t "$out/runs.csv"

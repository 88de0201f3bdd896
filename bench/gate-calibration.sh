#!/usr/bin/env bash
# Calibrates the nightly gate on real JVM noise on this machine: the bundled calibration benchmark
# (io.benchledger.suites.calibration.CalibrationBenchmark: Blackhole.consumeCPU scaled by
# -Dbenchledger.calibration.work) builds a history of HISTORY runs, then each repetition runs the
# candidate once per work level (unchanged, +3 %, +5 %, +10 %, +25 %, in shuffled order) into a copy
# of that history and asks the gate's question: `compare recent:HISTORY run:<candidate>`.
# Prints, per profile and level, the cases called regressed / improved / unchanged / inconclusive.
#   PROFILE=nightly REPEATS=3 bench/gate-calibration.sh
#   PROFILE=quick   REPEATS=6 bench/gate-calibration.sh
# PROFILE nightly is the nightly profile's shape (3 forks x 5 iterations after 5 warm-up iterations)
# with 200 ms iterations instead of 1 s (JMH options TIMES, default "-w 200ms -r 200ms"), so that a
# history fits in minutes; quick is the quick profile as shipped (TIMES is not applied).
# ROLLING=1 lets each repetition's unchanged candidate join the history, so that every candidate is
# judged against the newest HISTORY unchanged runs, as a nightly is judged against the nights before
# it (a history built in a few minutes misses how the machine drifts over the next hour).
# BL=command runs another build (default ./benchledger); OUT=dir keeps everything.
set -euo pipefail
cd "$(dirname "$0")/.."
profile=${PROFILE:-nightly}
history=${HISTORY:-10}
repeats=${REPEATS:-3}
levels=${LEVELS:-"1.00 1.03 1.05 1.10 1.25"}
bl=${BL:-./benchledger}
out=${OUT:-target/gate-calibration/$profile}
times=${TIMES:-"-w 200ms -r 200ms"}
[ "$profile" = quick ] && times=""
rm -rf "$out" && mkdir -p "$out"

collect() { # archive, work
  # shellcheck disable=SC2086
  $bl collect --archive "$1" --suite calibration --profile "$profile" --ignore-jmh-lock --trigger nightly \
      -- $times -jvmArgsAppend "-Dbenchledger.calibration.work=$2" > "$1.collect.txt" 2> "$1.collect.err"
  grep -o '01[0-9A-HJKMNP-TV-Z]\{24\}' "$1.collect.txt" | head -1
}

echo "history: $history runs of profile $profile (load before: $(cut -d' ' -f1-3 /proc/loadavg))" >&2
for i in $(seq 1 "$history"); do
  collect "$out/history" 1.00 > /dev/null
  echo "  history run $i done (load $(cut -d' ' -f1 /proc/loadavg))" >&2
done

echo "profile,repeat,level,case,verdict,change,ci_low,ci_high,q,threshold,threshold_source,baseline_runs,run_to_run,load1" > "$out/verdicts.csv"
for r in $(seq 1 "$repeats"); do
  for level in $(printf '%s\n' $levels | shuf); do
    cand="$out/cand-$r-$level"
    cp -r "$out/history" "$cand"
    run=$(collect "$cand" "$level")
    load=$(cut -d' ' -f1 /proc/loadavg)
    $bl compare "recent:$history" "run:$run" --archive "$cand" --suite calibration --metric primary --format json \
        > "$cand.json"
    python3 - "$cand.json" "$profile" "$r" "$level" "$load" >> "$out/verdicts.csv" <<'PY'
import json, sys
path, profile, r, level, load = sys.argv[1:]
for c in json.load(open(path))["cases"]:
    f = lambda k: "" if c.get(k) is None else (f'{c[k]:.4f}' if isinstance(c[k], float) else str(c[k]))
    print(",".join([profile, r, level, c["benchmark"].rsplit(".", 1)[-1], c["verdict"], f("change"), f("ci_low"),
                    f("ci_high"), f("q_value"), f("threshold"), c["threshold_source"], f("baseline_runs"),
                    f("run_to_run"), load]))
PY
    echo "  repeat $r, work x$level done (load $load)" >&2
    if [ "${ROLLING:-0}" = 1 ] && [ "$level" = 1.00 ]; then
      rm -rf "$out/history" && mv "$cand" "$out/history"
    fi
    rm -rf "$cand"
  done
done

python3 - "$out/verdicts.csv" <<'PY'
import csv, sys
from collections import defaultdict
rows = list(csv.DictReader(open(sys.argv[1])))
by = defaultdict(lambda: defaultdict(int))
for x in rows:
    by[(x["profile"], x["level"])][x["verdict"]] += 1
print("| profile | work | cases | regressed | improved | unchanged | inconclusive |")
print("|---|---|---|---|---|---|---|")
for (p, l), v in sorted(by.items()):
    n = sum(v.values())
    print(f'| {p} | x{l} | {n} | {v["regressed"]} | {v["improved"]} | {v["unchanged"]} | {v["inconclusive"]} |')
PY

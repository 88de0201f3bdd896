#!/usr/bin/env bash
# Publishing at scale: the `site` command over the archive of
#   generate --benchmarks BENCHMARKS --runs RUNS --forks 1 --iterations 5
# with a 1 GB heap (-Xmx1g). Prints what the aims are about: full generation (wall, CPU, resident
# memory), the site's size, --incremental with nothing new, after a run of 50 benchmarks and after a
# run of every benchmark (each from a copy of the full site and of the change-point cache the full
# generation left in the archive, as a nightly finds them), whether the incremental site equals a
# full generation (from an archive without that cache) byte for byte, and how long the biggest
# benchmark page takes in headless Chromium until its charts are drawn. Times are medians of REPEAT runs, each in a fresh JVM
# started as the launchers start `site` (C1 only, from the class-data archive of a first run).
# Usage: bench/site-scale.sh [WORKDIR] [BENCHMARKS] [RUNS] [REPEAT]
# The archive is generated once into WORKDIR/archive-pristine and copied for each measurement.
set -euo pipefail
# (no `head` after a pipe: under pipefail, a writer cut off by head exits 141 and stops the script)
cd "$(dirname "$0")/.."
work="${1:-target/site-scale}"; benchmarks="${2:-2000}"; runs="${3:-1000}"; repeat="${4:-3}"
mkdir -p "$work"
work="$(cd "$work" && pwd)"
cp_file="$work/classpath.txt"
# the program, and the test classes of the helpers (appending a run, timing a page in Chromium);
# compiling in the same invocation lets Maven resolve the sibling modules to their target/classes
./mvnw -q -B -ntp -DskipTests package >&2
./mvnw -q -B -ntp -pl site-generator -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test >&2
# run from copies, so a rebuild meanwhile does not disturb the measurement
cp cli/target/benchledger.jar "$work/benchledger.jar"
rm -rf "$work/classes" && mkdir -p "$work/classes"
cp -r site-generator/target/test-classes "$work/classes/site-test"
cp -r site-generator/target/classes "$work/classes/site"
cp -r archive/target/classes "$work/classes/archive"
cp="$work/classes/site-test:$work/classes/site:$work/classes/archive:$(cat "$cp_file")"
helper() { java -Xmx1g -cp "$cp" "$@"; }

if [ ! -f "$work/archive-pristine/archive.json" ]; then
  java -jar "$work/benchledger.jar" generate --benchmarks "$benchmarks" --runs "$runs" --forks 1 --iterations 5 \
    --out "$work/archive-pristine" --truth "$work/ground-truth.json" >&2
fi
# the archive after one more run measuring 50 benchmarks, and after one more measuring every benchmark
for n in 50 0; do
  if [ ! -f "$work/archive-next-$n/archive.json" ]; then
    rm -rf "$work/archive-next-$n.tmp" && cp -r "$work/archive-pristine" "$work/archive-next-$n.tmp"
    helper io.benchledger.site.bench.SiteScaleBench next "$work/archive-next-$n.tmp" "$benchmarks" "$runs" "$n" >&2
    mv "$work/archive-next-$n.tmp" "$work/archive-next-$n"
  fi
done

load() { cut -d' ' -f1-3 /proc/loadavg; }
# the JIT setting the launchers give `site` (C1 only; SITE_JIT= measures with C2 as well)
SITE_JIT="${SITE_JIT--XX:TieredStopAtLevel=1}"
# the launchers' class-data archive of `site` (written by the first `site` run, mapped by the next
# ones); SITE_CDS=off measures without it
cds=""
# site ARCHIVE OUT [options]: one `site` command, timed; appends "wall cpu rss_kb" to $work/times
site() {
  local archive="$1" out="$2"; shift 2
  /usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" java -Xmx1g $SITE_JIT $cds -jar "$work/benchledger.jar" site \
    --archive "$archive" --out "$out" "$@" >/dev/null 2>>"$work/site.log"
  awk '{ printf "%s %.2f %d\n", $1, $2 + $3, $4 }' "$work/time.txt" >> "$work/times"
}
# report LABEL AIM: the median wall and CPU time and the largest resident memory of $work/times
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
report() {
  printf "%-46s %6.1f s wall, %5.1f s CPU, max RSS %4d MB (aim %s; walls: %s)\n" "$1" \
    "$(cut -d' ' -f1 "$work/times" | median)" "$(cut -d' ' -f2 "$work/times" | median)" \
    "$(( $(cut -d' ' -f3 "$work/times" | sort -n | tail -1) / 1024 ))" "$2" "$(cut -d' ' -f1 "$work/times" | paste -sd' ')"
  rm -f "$work/times"
}
fresh_archive() { rm -rf "$work/archive" && cp -r "$1" "$work/archive"; }

: > "$work/site.log"; rm -f "$work/times"
echo "archive: generate --benchmarks $benchmarks --runs $runs --forks 1 --iterations 5 ($(du -sm "$work/archive-pristine" | cut -f1) MB); $(nproc) processor(s); heap -Xmx1g ${SITE_JIT:-(C1 and C2)}; class-data archive ${SITE_CDS:-on}; median of $repeat"
echo "load average before: $(load)"

if [ "${SITE_CDS:-on}" != off ]; then
  # as the launchers' first `site` run: a full generation that writes the archive when it exits
  rm -f "$work/site.jsa"
  fresh_archive "$work/archive-pristine"; rm -rf "$work/site"
  cds="-XX:ArchiveClassesAtExit=$work/site.jsa -Xlog:cds=off -Xlog:cds+dynamic=off"
  site "$work/archive" "$work/site"
  report "first run: full generation writing the class-data archive" "-"
  cds="-XX:SharedArchiveFile=$work/site.jsa -Xlog:cds=off -Xlog:cds+dynamic=off"
fi
for i in $(seq "$repeat"); do
  fresh_archive "$work/archive-pristine"; rm -rf "$work/site"
  site "$work/archive" "$work/site"
done
report "full generation" "<= 15 s"
bytes=$(du -sb "$work/site" | cut -f1)
printf "site size: %.1f MB in %d files (%d MB on disk in 4 KiB blocks; aim <= 150 MB)\n" \
  "$(echo "$bytes / 1000000" | bc -l)" "$(find "$work/site" -type f | wc -l)" "$(du -sm "$work/site" | cut -f1)"
for d in "$work"/site/*/; do
  printf "  %-12s %6.1f MB\n" "$(basename "$d")/" "$(echo "$(du -sb "$d" | cut -f1) / 1000000" | bc -l)"
done | sort -k2 -rn | sed -n 1,6p
rm -rf "$work/site-full" && cp -r "$work/site" "$work/site-full"
# the change-point cache that generation left in the archive (analysis/): a nightly's next site
# starts from it, so the incremental runs below do too
rm -rf "$work/analysis-full" && cp -r "$work/archive/analysis" "$work/analysis-full"

for i in $(seq "$repeat"); do
  site "$work/archive" "$work/site" --incremental
done
report "--incremental, nothing new" "-"
for n in 50 0; do
  for i in $(seq "$repeat"); do
    fresh_archive "$work/archive-next-$n"; rm -rf "$work/site" && cp -r "$work/site-full" "$work/site"
    cp -r "$work/analysis-full" "$work/archive/analysis"
    site "$work/archive" "$work/site" --incremental
  done
  if [ "$n" = 50 ]; then report "--incremental after a run of 50 benchmarks" "<= 3 s"
  else report "--incremental after a run of every benchmark" "<= 5 s"; fi
done
# the last incremental site against a full generation of the same archive, without any cache
rm -rf "$work/site-check" "$work/archive-check" && cp -r "$work/archive-next-0" "$work/archive-check"
site "$work/archive-check" "$work/site-check"; rm -f "$work/times"
if diff -r -q "$work/site" "$work/site-check" >/dev/null; then
  echo "incremental site = full generation of the same archive: byte-identical"
else
  echo "incremental site differs from a full generation:"; diff -r -q "$work/site" "$work/site-check" | sed -n 1,5p
fi

# the benchmark page with the most chart data
biggest=$(cd "$work/site" && for p in b/*.html; do
  n=$(basename "$p" .html); echo "$(stat -c %s "charts/$n.js") $p"; done | sort -rn | sed -n 1p)
echo "biggest benchmark page: ${biggest#* } ($(( ${biggest%% *} / 1000 )) KB of chart data, $(( $(stat -c %s "$work/site/${biggest#* }") / 1000 )) KB of HTML); aim < 1000 ms:"
helper io.benchledger.site.bench.PageRenderBench "$work/site" "${biggest#* }" 5 "$work/screenshots"
echo "load average after: $(load)"

package io.benchledger.site.bench;

import io.benchledger.archive.generate.GeneratorSettings;
import io.benchledger.archive.generate.HistoryGenerator;
import io.benchledger.archive.model.Mode;
import io.benchledger.archive.model.Result;
import io.benchledger.archive.model.Run;
import io.benchledger.archive.model.RunRecord;
import io.benchledger.archive.model.Sample;
import io.benchledger.archive.query.ArchiveDatabase;
import io.benchledger.archive.store.Archive;
import io.benchledger.archive.store.RunIds;
import io.benchledger.site.SiteGenerator;
import io.benchledger.site.SiteOptions;
import io.benchledger.site.model.SiteComparison;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Measures site generation at scale: {@code BENCHMARKS} benchmarks × {@code RUNS} runs (one case
 * each, {@code SAMPLES} samples per result), full generation, then one more run and
 * {@code --incremental}. Run by {@code bench/site-scale.sh}, which also sets the heap limit.
 *
 * <pre>
 *   SiteScaleBench prepare ARCHIVE BENCHMARKS RUNS SAMPLES   writes runs 0 .. RUNS-2
 *   SiteScaleBench full ARCHIVE OUT                           one full generation, timed
 *   SiteScaleBench append ARCHIVE BENCHMARKS INDEX SAMPLES MEASURED
 *                                                             commits run INDEX measuring the first MEASURED benchmarks
 *   SiteScaleBench incremental ARCHIVE OUT                    incremental generation, timed
 *   SiteScaleBench next ARCHIVE BENCHMARKS RUN MEASURED       commits run RUN of the archive that
 *                                                             {@code generate --benchmarks BENCHMARKS --forks 1
 *                                                             --iterations 5} wrote, measuring the cases of its first
 *                                                             MEASURED benchmarks (all when MEASURED is 0)
 * </pre>
 */
public final class SiteScaleBench {
    private static final Instant START = Instant.parse("2023-01-01T01:00:00Z");

    private SiteScaleBench() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "prepare" -> prepare(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[4]), 0,
                    Integer.parseInt(args[3]) - 1, Integer.parseInt(args[2]));
            case "append" -> prepare(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[4]),
                    Integer.parseInt(args[3]), Integer.parseInt(args[3]) + 1, Integer.parseInt(args[5]));
            case "full" -> generate(Path.of(args[1]), Path.of(args[2]), false);
            case "incremental" -> generate(Path.of(args[1]), Path.of(args[2]), true);
            case "next" -> next(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                    Integer.parseInt(args[4]));
            default -> throw new IllegalArgumentException("prepare|append|full|incremental");
        }
    }

    static void prepare(Path dir, int benchmarks, int samples, int from, int to, int measured) throws Exception {
        Archive a = Archive.open(dir);
        long t0 = System.nanoTime();
        for (int i = from; i < to; i++) {
            a.commit(run(i, benchmarks, samples, measured));
            if (i % 100 == 99) {
                System.err.printf("prepared %d runs in %.0f s%n", i + 1, (System.nanoTime() - t0) / 1e9);
            }
        }
    }

    /** Run i: every benchmark measured; every tenth benchmark steps down 15 % at run 600; JVM changes at run 500. */
    static RunRecord run(int i, int benchmarks, int samples, int measured) {
        Instant t = START.plus(Duration.ofHours(24L * i));
        String id = RunIds.derived(t, "site-scale", Integer.toString(i));
        Run run = Run.builder(id, t).finishedAt(t.plusSeconds(1800 + i % 60)).project("default")
                .version("1." + (i / 100) + ".0").suite("scale").trigger(i % 100 == 99 ? "release" : "nightly")
                .commit(String.format("%040x", (long) i * 2654435761L)).host("ci").os("Linux").arch("amd64")
                .cpuModel("cpu").cpuCount(8).jvmVendor("Temurin").jvmVersion(i < 500 ? "17.0.9" : "21.0.2")
                .harness("jmh").harnessVersion("1.37").build();
        SplittableRandom rnd = new SplittableRandom(i);
        List<Result> results = new ArrayList<>(benchmarks);
        List<Sample> sampleRows = new ArrayList<>(benchmarks * samples);
        for (int b = 0; b < Math.min(benchmarks, measured); b++) {
            double base = 1000.0 + b;
            double level = b % 10 == 0 && i >= 600 ? base * 0.85 : base;
            double score = level * (1 + 0.01 * rnd.nextGaussian());
            Result r = new Result(id, null, "org.scale.Suite" + (b / 50) + ".bench" + b, new TreeMap<>(Map.of("size", "1024")),
                    Mode.THROUGHPUT, Result.PRIMARY, "ops/s", true, 1, 1, 1, "1 s", samples, "1 s", score,
                    score * 0.01, score * 0.99, score * 1.01, samples, Optional.empty(), "");
            results.add(r);
            for (int k = 0; k < samples; k++) {
                sampleRows.add(new Sample(id, r.caseKey(), Result.PRIMARY, 0, k, score * (1 + 0.01 * rnd.nextGaussian()), 1));
            }
        }
        return new RunRecord(run, results, sampleRows);
    }

    /**
     * One more nightly run of a generated archive, as {@code generate} would have written it with one
     * run more (same case keys), limited to the cases of the first {@code measured} benchmarks.
     */
    static void next(Path dir, int benchmarks, int run, int measured) throws Exception {
        HistoryGenerator g = new HistoryGenerator(GeneratorSettings.of(benchmarks, run + 1, 1,
                Math.max(1, benchmarks / 10)).withSamples(1, 5));
        RunRecord all = g.run(run);
        java.util.Set<String> names = new java.util.TreeSet<>();
        all.results().forEach(r -> names.add(r.benchmark()));
        java.util.Set<String> chosen = names.stream().limit(measured <= 0 ? names.size() : measured)
                .collect(java.util.stream.Collectors.toSet());
        List<Result> results = all.results().stream().filter(r -> chosen.contains(r.benchmark())).toList();
        java.util.Set<String> keys = results.stream().map(Result::caseKey).collect(java.util.stream.Collectors.toSet());
        List<Sample> samples = all.samples().stream().filter(x -> keys.contains(x.caseKey())).toList();
        Archive.openExisting(dir).commit(new RunRecord(all.run(), results, samples));
        System.err.printf("committed run %d: %d benchmarks, %d cases%n", run, chosen.size(), results.size());
    }

    static void generate(Path archiveDir, Path out, boolean incremental) throws Exception {
        Archive a = Archive.openExisting(archiveDir);
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        SiteGenerator.Outcome o;
        try (ArchiveDatabase db = ArchiveDatabase.open(a)) {
            // the generator alone: no engine, so every comparison page is rendered without cases
            o = SiteGenerator.generate(db, (d, project, baseline, candidate) -> new SiteComparison(List.of()),
                    new SiteOptions(out, Optional.empty(), "default", "",
                    "https://example.github.io/perf/", List.of(), incremental, ""));
        }
        double s = (System.nanoTime() - t0) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        Runtime rt = Runtime.getRuntime();
        // on a shared machine the wall time depends on the load; the process CPU time less so
        System.out.printf("%s: %.1f s wall, %.1f s CPU (all threads), load average %.1f, %s, max heap %d MB, used at end %d MB%n",
                incremental ? "incremental" : "full", s, cpu, os.getSystemLoadAverage(), o, rt.maxMemory() >> 20,
                (rt.totalMemory() - rt.freeMemory()) >> 20);
        if (!Files.exists(out.resolve("index.html"))) {
            throw new IllegalStateException("no site written");
        }
    }
}

package io.benchledger.archive.bench;

import io.benchledger.archive.analysis.changepoint.ChangePointAnalysis;
import io.benchledger.archive.analysis.changepoint.DetectorSettings;
import io.benchledger.archive.generate.GeneratorSettings;
import io.benchledger.archive.generate.HistoryGenerator;
import io.benchledger.archive.store.Archive;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Speed of the change-point analysis over a generated archive: generation, a full analysis of every
 * case (no cache), then one more run and the incremental analysis. Run with
 * {@code java -cp <test classpath> io.benchledger.archive.bench.ChangePointSpeed [benchmarks] [runs] [repeats] [dir]}
 * (defaults 2000 × 1000, 5 repeats, a temporary folder). When {@code dir/archive} already holds runs
 * (from an earlier invocation), generation is skipped and the next run is generated on top. Prints
 * wall-clock time and the process's CPU time (all threads, DuckDB's included) of each analysis, and
 * the medians: on a shared machine the CPU time is the steadier figure.
 */
public final class ChangePointSpeed {
    private ChangePointSpeed() {
    }

    public static void main(String[] args) throws Exception {
        int benchmarks = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Path dir = args.length > 3 ? Path.of(args[3]) : Files.createTempDirectory("benchledger-speed");
        DetectorSettings settings = DetectorSettings.DEFAULTS;
        // one run more than written at first: that run is the "new nightly run"
        Path archiveDir = dir.resolve("archive");
        long t0 = System.nanoTime();
        Archive archive = Archive.open(archiveDir);
        int existing = archive.snapshot().committedRuns().size();
        if (existing > 0) {
            runs = existing;
            System.out.printf(Locale.ROOT, "reusing %s with %d runs%n", archiveDir, existing);
        }
        HistoryGenerator gen = new HistoryGenerator(GeneratorSettings.of(benchmarks, runs + 1, 42, benchmarks / 10));
        List<io.benchledger.archive.model.RunRecord> batch = new ArrayList<>();
        for (int r = existing; r < runs; r++) {
            batch.add(gen.run(r));
            if (batch.size() == gen.settings().runsPerVersion() || r == runs - 1) {
                archive.commit(batch);
                batch.clear();
            }
        }
        System.out.printf(Locale.ROOT, "generate %d × %d: %.1f s%n", benchmarks, runs, (System.nanoTime() - t0) / 1e9);
        double[] full = new double[repeats];
        double[] fullCpu = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long t = System.nanoTime();
            long c = cpu();
            var out = ChangePointAnalysis.run(archive, "default", settings, false);
            full[i] = (System.nanoTime() - t) / 1e9;
            fullCpu[i] = (cpu() - c) / 1e9;
            System.out.printf(Locale.ROOT, "full analysis %d: %.2f s wall, %.2f s CPU (%d series, %d change points, %d windows)%n",
                    i + 1, full[i], fullCpu[i], out.history().series().size(), out.changePoints().size(),
                    out.windowsExamined());
        }
        ChangePointAnalysis.run(archive, "default", settings, true); // leaves the cache for n runs
        Path cache = archiveDir.resolve("analysis").resolve("changepoints-default.bin");
        byte[] cacheBefore = Files.readAllBytes(cache);
        archive.commit(gen.run(runs));
        double[] incremental = new double[repeats];
        double[] incrementalCpu = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            Files.write(cache, cacheBefore); // every repeat starts from the cache of the n-run archive
            long t = System.nanoTime();
            long c = cpu();
            var out = ChangePointAnalysis.run(archive, "default", settings, true);
            incremental[i] = (System.nanoTime() - t) / 1e9;
            incrementalCpu[i] = (cpu() - c) / 1e9;
            System.out.printf(Locale.ROOT, "incremental analysis after one run %d: %.2f s wall, %.2f s CPU (%d of %d series "
                    + "from cache, %d windows)%n", i + 1, incremental[i], incrementalCpu[i], out.incrementalSeries(),
                    out.history().series().size(), out.windowsExamined());
        }
        System.out.printf(Locale.ROOT, "median full: %.2f s wall, %.2f s CPU; median incremental: %.2f s wall, %.2f s CPU%n",
                median(full), median(fullCpu), median(incremental), median(incrementalCpu));
        System.out.printf(Locale.ROOT, "load average at the end: %.1f on %d processors%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
    }

    /** CPU time of the whole process (every thread, native ones included), in nanoseconds. */
    static long cpu() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    static double median(double[] v) {
        double[] c = v.clone();
        java.util.Arrays.sort(c);
        return c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
    }
}

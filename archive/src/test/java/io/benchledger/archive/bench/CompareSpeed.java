package io.benchledger.archive.bench;

import io.benchledger.archive.analysis.compare.Comparison;
import io.benchledger.archive.analysis.compare.ComparisonOptions;
import io.benchledger.archive.analysis.compare.ComparisonReport;
import io.benchledger.archive.analysis.compare.Side;
import io.benchledger.archive.model.Mode;
import io.benchledger.archive.model.Result;
import io.benchledger.archive.model.Run;
import io.benchledger.archive.model.RunRecord;
import io.benchledger.archive.model.Sample;
import io.benchledger.archive.query.ArchiveDatabase;
import io.benchledger.archive.store.Archive;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;

/**
 * How long a whole comparison takes over a real archive: two runs of 2,000 cases, 15 samples per
 * case and side (3 forks × 5 iterations), written with Archive.commit; then, several times,
 * open DuckDB over the archive and run {@link Comparison#run} (resolve the sides, load the samples,
 * compare, correct, decide). Prints each repetition and the median.
 *
 * <pre>
 * mvn -o -q -pl archive -am test-compile
 * java -cp archive/target/classes:archive/target/test-classes:$(cat cp.txt) \
 *     io.benchledger.archive.bench.CompareSpeed [cases] [repetitions]
 * </pre>
 * (cp.txt from {@code mvn -pl archive dependency:build-classpath -Dmdep.outputFile=cp.txt}).
 */
public final class CompareSpeed {
    private CompareSpeed() {
    }

    public static void main(String[] args) throws Exception {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        Path dir = Files.createTempDirectory("compare-speed");
        Archive archive = Archive.open(dir.resolve("archive"));
        Random rnd = new Random(1);
        long t0 = System.nanoTime();
        archive.commit(run("01J2000000000000000000B000", "1.0.0", 0, cases, rnd, 1.00));
        archive.commit(run("01J2000000000000000000C000", "1.1.0", 1, cases, rnd, 1.01));
        System.out.printf("wrote 2 runs × %d cases × 15 samples in %.2f s%n", cases, (System.nanoTime() - t0) / 1e9);
        ComparisonOptions o = ComparisonOptions.defaults("speed");
        double[] seconds = new double[reps];
        double[] cpu = new double[reps];
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        for (int r = 0; r < reps; r++) {
            long c0 = os.getProcessCpuTime();
            long s = System.nanoTime();
            ComparisonReport report;
            try (ArchiveDatabase db = ArchiveDatabase.open(archive)) {
                report = Comparison.run(db, Side.parse("1.0.0"), Side.parse("1.1.0"), o);
            }
            seconds[r] = (System.nanoTime() - s) / 1e9;
            cpu[r] = (os.getProcessCpuTime() - c0) / 1e9;
            System.out.printf("repetition %d: %.3f s wall, %.3f s CPU (%d cases compared, %d regressed, %d improved)%n", r + 1, seconds[r],
                    cpu[r], report.cases().size(), report.summary().count(io.benchledger.archive.analysis.compare.Verdict.REGRESSED),
                    report.summary().count(io.benchledger.archive.analysis.compare.Verdict.IMPROVED));
        }
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        double[] cpuSorted = cpu.clone();
        Arrays.sort(cpuSorted);
        // on a machine shared with other work the wall time depends on the others; the CPU time
        // (all threads of this process: DuckDB's and the engine's) does much less
        System.out.printf("median CPU %.3f s (wall on an idle machine is about CPU ÷ cores used in parallel)%n",
                cpuSorted[reps / 2]);
        System.out.printf("median %.3f s, best %.3f s over %d repetitions (first includes JIT warm-up); %d processors%n",
                sorted[reps / 2], sorted[0], reps, Runtime.getRuntime().availableProcessors());
    }

    static RunRecord run(String id, String version, int day, int cases, Random rnd, double factor) {
        Instant t = Instant.parse("2026-03-01T00:00:00Z").plusSeconds(86400L * day);
        Run run = Run.builder(id, t).project("speed").version(version).trigger(Run.TRIGGER_NIGHTLY).build();
        List<Result> results = new ArrayList<>(cases);
        List<Sample> samples = new ArrayList<>(cases * 15);
        for (int c = 0; c < cases; c++) {
            Result r = new Result(id, null, "org.speed.Bench.case" + c, new TreeMap<>(Map.of("size", Integer.toString(c % 7))),
                    Mode.AVERAGE_TIME, Result.PRIMARY, "ns/op", false, 1, 3, 1, "1 s", 5, "1 s", 100, 1, 99, 101, 15,
                    Optional.empty(), "");
            results.add(r);
            double centre = 100 * (1 + c % 50) * (c % 10 == 0 ? factor * 1.05 : factor);
            for (int f = 0; f < 3; f++) {
                double fork = centre * (1 + 0.01 * rnd.nextGaussian());
                for (int i = 0; i < 5; i++) {
                    samples.add(new Sample(id, r.caseKey(), Result.PRIMARY, f, i, fork * (1 + 0.02 * rnd.nextGaussian()), 1));
                }
            }
        }
        return new RunRecord(run, results, samples);
    }
}

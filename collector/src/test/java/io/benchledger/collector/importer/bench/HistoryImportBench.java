package io.benchledger.collector.importer.bench;

import io.benchledger.archive.model.RunRecord;
import io.benchledger.archive.store.Archive;
import io.benchledger.collector.importer.ImportContext;
import io.benchledger.collector.importer.SourceHash;
import io.benchledger.collector.importer.ghaction.GithubActionBenchmarkImporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Times importing a github-action-benchmark history (the 1,384-run OpenTelemetry file in the test
 * resources by default) into a fresh archive: parsing, committing, and both together, as medians
 * of several rounds after one warm-up round, as wall time and as the importing thread's CPU time
 * (on a shared, loaded machine the CPU time is the steadier figure). Run with the module's test class path:
 * {@code java -cp … io.benchledger.collector.importer.bench.HistoryImportBench [data.js] [rounds]}.
 */
public final class HistoryImportBench {
    private HistoryImportBench() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0]
                : "collector/src/test/resources/external/gh-action-benchmark/open-telemetry__opentelemetry-java/2023-09_to_2026-01/data.js");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        GithubActionBenchmarkImporter importer = new GithubActionBenchmarkImporter();
        double[] parse = new double[rounds];
        double[] commit = new double[rounds];
        double[] total = new double[rounds];
        double[] cpu = new double[rounds];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        int runs = 0;
        long results = 0;
        for (int round = -1; round < rounds; round++) {
            Path dir = Files.createTempDirectory("bl-import-bench");
            try {
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                byte[] bytes = Files.readAllBytes(file);
                ImportContext ctx = new ImportContext("", "", "", Optional.empty(), SourceHash.of(bytes), "bench");
                List<RunRecord> records = importer.read(file.toString(), bytes, ctx);
                long t1 = System.nanoTime();
                Archive archive = Archive.open(dir.resolve("archive"));
                int added = archive.commit(records).added().size();
                long t2 = System.nanoTime();
                long c2 = threads.getCurrentThreadCpuTime();
                runs = added;
                results = records.stream().mapToLong(r -> r.results().size()).sum();
                if (round >= 0) {
                    parse[round] = (t1 - t0) / 1e9;
                    commit[round] = (t2 - t1) / 1e9;
                    total[round] = (t2 - t0) / 1e9;
                    cpu[round] = (c2 - c0) / 1e9;
                }
            } finally {
                try (Stream<Path> s = Files.walk(dir)) {
                    s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
        System.out.printf("%s: %d runs, %d results%n", file.getFileName(), runs, results);
        System.out.printf("read+parse median %.2f s, commit median %.2f s, total median %.2f s (min %.2f, max %.2f) over %d rounds%n",
                median(parse), median(commit), median(total), Arrays.stream(total).min().orElse(0),
                Arrays.stream(total).max().orElse(0), rounds);
        System.out.printf("CPU time of the importing thread: median %.2f s (the machine's load stretches wall time, not this)%n",
                median(cpu));
        System.out.printf("cores: %d, load average: %.2f%n", Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}

package io.benchledger.report.bench;

import io.benchledger.archive.model.Run;
import io.benchledger.archive.analysis.changepoint.ChangePoint;
import io.benchledger.archive.analysis.compare.Band;
import io.benchledger.archive.analysis.compare.CaseComparison;
import io.benchledger.archive.analysis.compare.Severity;
import io.benchledger.archive.analysis.compare.Verdict;
import io.benchledger.report.model.BudgetResult;
import io.benchledger.report.model.CaseHistory;
import io.benchledger.report.model.HistoryPoint;
import io.benchledger.report.model.Recommendation;
import io.benchledger.report.model.ReportModel;
import io.benchledger.report.model.ReportType;
import io.benchledger.report.model.RunEnvironment;
import io.benchledger.report.model.TitlePage;
import io.benchledger.report.model.CaseTrend;
import io.benchledger.report.pdf.PdfReportRenderer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * How long a report of many cases takes to render, and how many pages it has. Run by
 * {@code bench/report-scale.sh}: {@code ReportScaleBenchmark CASES REPETITIONS OUT.pdf}. The first
 * repetition is what one {@code benchledger report} command pays (a cold JVM: class loading, font
 * parsing, JIT); the median of the others is the steady cost.
 */
public final class ReportScaleBenchmark {
    private ReportScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path out = Path.of(args.length > 2 ? args[2] : "target/report-scale.pdf");
        ReportModel model = model(cases, 42);
        PdfReportRenderer renderer = new PdfReportRenderer();
        double[] seconds = new double[reps];
        double[] cpu = new double[reps];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int pages = 0;
        for (int i = 0; i < reps; i++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            pages = renderer.render(model, out);
            seconds[i] = (System.nanoTime() - t0) / 1e9;
            // CPU time of the rendering thread: on a shared, loaded machine it says more than the wall clock
            cpu[i] = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
            System.out.printf(Locale.ROOT, "repetition %d: %.2f s wall, %.2f s CPU%n", i + 1, seconds[i], cpu[i]);
        }
        System.out.printf(Locale.ROOT, "cases %d, pages %d, size %d KiB, first (cold JVM) %.2f s wall / %.2f s CPU,"
                        + " median of the rest %.2f s wall / %.2f s CPU%n", cases, pages, Files.size(out) / 1024,
                seconds[0], cpu[0], medianOfRest(seconds), medianOfRest(cpu));
    }

    private static double medianOfRest(double[] values) {
        double[] rest = Arrays.copyOfRange(values, Math.min(1, values.length - 1), values.length);
        Arrays.sort(rest);
        return rest[rest.length / 2];
    }

    /**
     * A release comparison of {@code n} cases with parameterised names up to about 150 characters,
     * verdicts in realistic proportions, 40 change points, 6 history charts of 120 runs, budgets,
     * trends and recommendations. Seeded: the same arguments give the same model.
     */
    public static ReportModel model(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        String[] classes = {"crypto.symmetric.AuthenticatedEncryptionBenchmark", "crypto.hash.MessageDigestBenchmark",
                "concurrency.ConcurrentMapContentionBenchmark", "allocation.ObjectAllocationRateBenchmark",
                "data.JsonSerialisationRoundTripBenchmark"};
        String[] methods = {"encryptAndAuthenticate", "decryptAndVerify", "hashLargeMessage", "putIfAbsentUnderLoad",
                "allocateSmallObjects", "serialiseNestedDocument"};
        List<CaseComparison> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String bench = "org.example.service." + classes[i % classes.length] + "." + methods[(i / 5) % methods.length]
                    + "Case" + i;
            SortedMap<String, String> params = new TreeMap<>(Map.of("payloadSize", Integer.toString(64 << (i % 15)),
                    "algorithm", "AES/GCM/NoPadding", "provider", "SunJCE", "threads", Integer.toString(1 << (i % 6))));
            double u = rnd.nextDouble();
            Verdict v = u < 0.70 ? Verdict.UNCHANGED : u < 0.82 ? Verdict.INCONCLUSIVE : u < 0.92 ? Verdict.IMPROVED
                    : Verdict.REGRESSED;
            boolean higher = i % 2 == 0;
            double magnitude = switch (v) {
                case UNCHANGED -> rnd.nextDouble(-0.02, 0.02);
                case INCONCLUSIVE -> rnd.nextDouble(-0.08, 0.08);
                default -> rnd.nextDouble(0.05, 0.6);
            };
            // improvement: throughput up or latency down; regression the other way
            double change = switch (v) {
                case IMPROVED -> higher ? magnitude : -magnitude / (1 + magnitude);
                case REGRESSED -> higher ? -magnitude / (1 + magnitude) : magnitude;
                default -> magnitude;
            };
            double half = v == Verdict.INCONCLUSIVE ? 0.12 : 0.015 + Math.abs(change) * 0.1;
            double bad = higher ? -change : change;
            Severity sev = v != Verdict.REGRESSED ? Severity.NONE
                    : bad > 0.5 ? Severity.CRITICAL : bad > 0.25 ? Severity.MAJOR : bad > 0.10 ? Severity.MINOR
                    : Severity.NONE;
            double base = Math.exp(rnd.nextDouble(0, 14));
            double q = v == Verdict.UNCHANGED || v == Verdict.INCONCLUSIVE ? rnd.nextDouble(0.05, 1) : rnd.nextDouble(0, 0.01);
            double a = Math.abs(change);
            Band band = a <= 0.05 ? Band.ACCEPTABLE : a <= 0.15 ? Band.WARNING : a <= 0.30 ? Band.CRITICAL : Band.OUTSIDE;
            rows.add(new CaseComparison(bench + params, bench, params, "primary", higher ? "ops/s" : "ns/op", higher,
                    base, base * (1 + change), base, base * (1 + change), change, change - half, change + half, q / 3,
                    q / 3, q, 0.5, v, sev, 50, 50, v == Verdict.INCONCLUSIVE ? 120 : 0, higher ? "thrpt" : "avgt",
                    q / 3, CaseComparison.TEST_WELCH, CaseComparison.UNIT_FORKS, 5, 5, 0.02, band, ""));
        }
        Instant date = Instant.parse("2026-06-01T02:00:00Z");
        List<ChangePoint> points = new ArrayList<>();
        List<CaseHistory> histories = new ArrayList<>();
        for (int k = 0; k < 40; k++) {
            CaseComparison c = rows.get((k * 47) % n);
            int index = 60 + k;
            double before = c.baselineMean();
            double after = before * (1 + (k % 2 == 0 ? 0.15 : -0.12));
            ChangePoint cp = new ChangePoint(c.caseKey(), c.benchmark(), c.metric(), "run" + index, "1.5.0", "c" + index,
                    date.minusSeconds(86400L * (120 - index)), index, before, after, (after - before) / before, 0.001,
                    (after > before) == c.higherIsBetter() ? ChangePoint.IMPROVEMENT : ChangePoint.REGRESSION);
            points.add(cp);
            if (k < 6) {
                List<HistoryPoint> series = new ArrayList<>();
                for (int r = 0; r < 120; r++) {
                    double level = r < index ? before : after;
                    double value = level * (1 + rnd.nextDouble(-0.02, 0.02));
                    series.add(new HistoryPoint(r, "run" + r, r < 60 ? "1.4.0" : "1.5.0",
                            date.minusSeconds(86400L * (120 - r)), value, value * 0.99, value * 1.01));
                }
                histories.add(new CaseHistory(c.caseKey(), c.benchmark(), c.metric(), c.unit(), series, List.of(cp)));
            }
        }
        List<BudgetResult> budgets = new ArrayList<>();
        for (int b = 0; b < 60; b++) {
            CaseComparison c = rows.get((b * 31) % n);
            double limit = c.baselineMean() * 1.2;
            budgets.add(new BudgetResult(c.caseKey(), c.benchmark(), c.higherIsBetter() ? "min throughput" : "max p99",
                    limit, c.candidateMean(), c.unit(), c.higherIsBetter() ? c.candidateMean() >= limit / 1.44
                    : c.candidateMean() <= limit));
        }
        List<CaseTrend> trends = new ArrayList<>();
        List<Recommendation> recs = new ArrayList<>();
        for (int t = 0; t < 10; t++) {
            CaseComparison c = rows.get((t * 113) % n);
            trends.add(new CaseTrend(c.caseKey(), c.benchmark(), "primary", 120, 0.001 * (t - 5), 0.4, 0.01, "flat"));
            recs.add(new Recommendation("unstable case", c.benchmark(), "Run more forks: the spread between forks"
                    + " hides changes smaller than the noise threshold.", "fork coefficient of variation 9.5 %"));
        }
        TitlePage title = new TitlePage("scale-test", ReportType.RELEASE, "1.4.0", "1.5.0", date,
                "bench-host · 2 CPUs · 24 GiB memory · Linux amd64 · OpenJDK 17", "bench");
        RunEnvironment env = new RunEnvironment(RunEnvironment.CANDIDATE, Run.builder("01SCALE", date).version("1.5.0")
                .suite("all").environment("ci").trigger("release").commit("abc").branch("main").host("bench-host")
                .os("Linux").arch("amd64").cpuCount(2).memoryBytes(24L << 30).jvmVendor("OpenJDK").jvmVersion("17")
                .harness("jmh").harnessVersion("1.37").build());
        return ReportModel.of(title, rows, budgets, points, histories, trends, recs, List.of(env), List.of());
    }
}

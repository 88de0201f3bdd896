package io.benchledger.report.pdf;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Report models with hand-chosen numbers, so tests know what the PDF must say. */
final class ReportFixtures {
    static final Instant DATE = Instant.parse("2026-05-06T07:08:09Z");

    private ReportFixtures() {
    }

    /**
     * A comparison row; {@code change} is given, as the engine would compute it:
     * (candidate − baseline) ÷ baseline.
     */
    static CaseComparison row(String benchmark, Map<String, String> params, String unit, boolean higherIsBetter,
                              double baseline, double candidate, double ciLow, double ciHigh, double q,
                              Verdict verdict, Severity severity) {
        double change = (candidate - baseline) / baseline;
        return comparison(benchmark + new TreeMap<>(params), benchmark, new TreeMap<>(params), unit, higherIsBetter,
                baseline, candidate, change, ciLow, ciHigh, q, verdict, severity, 0);
    }

    /** A comparison row as the engine makes one (5 forks a side, Welch's t on fork means). */
    static CaseComparison comparison(String caseKey, String benchmark, SortedMap<String, String> params, String unit,
                                     boolean higherIsBetter, double baseline, double candidate, double change,
                                     double ciLow, double ciHigh, double q, Verdict verdict, Severity severity,
                                     long samplesNeeded) {
        double a = Math.abs(change);
        Band band = a <= 0.05 ? Band.ACCEPTABLE : a <= 0.15 ? Band.WARNING : a <= 0.30 ? Band.CRITICAL : Band.OUTSIDE;
        return new CaseComparison(caseKey, benchmark, params, "primary", unit, higherIsBetter, baseline, candidate,
                baseline, candidate, change, ciLow, ciHigh, q / 2, q / 2, q, 0.8, verdict, severity, 50, 50,
                samplesNeeded, higherIsBetter ? "thrpt" : "avgt", q / 2, CaseComparison.TEST_WELCH,
                CaseComparison.UNIT_FORKS, 5, 5, 0.02, band, "");
    }

    static TitlePage title() {
        return new TitlePage("crypto-service", ReportType.RELEASE, "1.4.0", "1.5.0", DATE,
                "bench-host · Intel Xeon, 2 CPUs · 24 GiB memory · Linux amd64 · Eclipse Adoptium 17.0.12",
                "0.1.0-test");
    }

    static RunEnvironment environment(String runId, String role, String version, Instant started) {
        return new RunEnvironment(role, Run.builder(runId, started).version(version).suite("crypto").environment("ci")
                .trigger("release").commit("abc123").branch("main").host("bench-host").os("Linux").arch("amd64")
                .cpuModel("Intel Xeon").cpuCount(2).memoryBytes(24L << 30).jvmVendor("Eclipse Adoptium")
                .jvmVersion("17.0.12").jvmArgs("-Xmx2g -XX:+UseG1GC").harness("jmh").harnessVersion("1.37").build());
    }

    /** The small release comparison the text tests check, numbers worked out by hand in comments. */
    static ReportModel small() {
        List<CaseComparison> rows = List.of(
                // 100.0 → 112.3 ns/op: (112.3 − 100) ÷ 100 = +12.3 %, latency up: a regression
                row("org.example.crypto.AesGcm.encrypt", Map.of("size", "1024"), "ns/op", false, 100.0, 112.3,
                        0.101, 0.146, 0.002, Verdict.REGRESSED, Severity.MINOR),
                // 2000 → 1400 ops/s: −30.0 %, throughput down: a regression
                row("org.example.crypto.Sha256.hash", Map.of("size", "64"), "ops/s", true, 2000, 1400,
                        -0.34, -0.26, 0.0004, Verdict.REGRESSED, Severity.MAJOR),
                // 50 → 40 us/op: −20.0 %, latency down: an improvement
                row("org.example.crypto.Rsa.sign", Map.of("bits", "2048"), "us/op", false, 50, 40,
                        -0.23, -0.17, 0.001, Verdict.IMPROVED, Severity.NONE),
                // 10.0 → 10.05: +0.5 %, within noise
                row("org.example.crypto.Random.nextBytes", Map.of(), "ops/ms", true, 10.0, 10.05,
                        -0.01, 0.02, 0.61, Verdict.UNCHANGED, Severity.NONE),
                row("bench.Ünïcode.çafé", Map.of("α", "β", "язык", "русский"), "µs/op", false, 8.0, 8.4,
                        -0.1, 0.2, 0.4, Verdict.INCONCLUSIVE, Severity.NONE),
                row("bench.Kanji名前", Map.of(), "ns/op", false, 3.0, 3.0, -0.01, 0.01, 0.9,
                        Verdict.UNCHANGED, Severity.NONE));
        List<BudgetResult> budgets = List.of(
                new BudgetResult("k1", "org.example.crypto.AesGcm.encrypt", "max p99", 150, 171.5, "ns/op", false),
                new BudgetResult("k2", "org.example.crypto.Sha256.hash", "min throughput", 1000, 1400, "ops/s", true));
        Instant t0 = Instant.parse("2026-04-01T00:00:00Z");
        List<HistoryPoint> points = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            double v = i < 12 ? 100 + (i % 3) : 112 + (i % 3);
            points.add(new HistoryPoint(i, "run" + i, i < 12 ? "1.4.0" : "1.5.0", t0.plusSeconds(86400L * i), v,
                    v - 1.5, v + 1.5));
        }
        ChangePoint cp = new ChangePoint("org.example.crypto.AesGcm.encrypt{size=1024}",
                "org.example.crypto.AesGcm.encrypt", "primary", "run12", "1.5.0", "def456",
                t0.plusSeconds(86400L * 12), 12, 101.0, 113.0, 0.1188, 0.001, ChangePoint.REGRESSION);
        CaseHistory history = new CaseHistory(cp.caseKey(), cp.benchmark(), "primary", "ns/op", points, List.of(cp));
        List<CaseTrend> trends = List.of(new CaseTrend(cp.caseKey(), cp.benchmark(), "primary", 20, 0.0061, 0.72, 0.0001,
                "degrading"));
        List<Recommendation> recs = List.of(new Recommendation("unstable case", "org.example.crypto.Random.nextBytes",
                "Run more forks: the spread between forks is larger than the change the gate must detect.",
                "fork means 9.1, 10.9, 10.2 ops/ms (coefficient of variation 8.9 %)"));
        List<RunEnvironment> envs = List.of(
                environment("01BASELINE0000000000000000", RunEnvironment.BASELINE, "1.4.0", DATE.minusSeconds(86400)),
                environment("01CANDIDATE000000000000000", RunEnvironment.CANDIDATE, "1.5.0", DATE));
        return ReportModel.of(title(), rows, budgets, List.of(cp), List.of(history), trends, recs, envs,
                List.of("Recommendations here are examples written for this test."));
    }

    /** {@code n} cases with long parameterised names (about 150 characters), verdicts in turn. */
    static ReportModel large(int n) {
        List<CaseComparison> rows = new ArrayList<>(n);
        Verdict[] verdicts = Verdict.values();
        for (int i = 0; i < n; i++) {
            Map<String, String> params = new TreeMap<>(Map.of(
                    "payloadSize", Integer.toString(64 << (i % 15)),
                    "algorithm", "AES/GCM/NoPadding",
                    "provider", "SunJCE-" + (i % 7),
                    "threads", Integer.toString(1 << (i % 6))));
            String bench = String.format("org.example.service.crypto.symmetric.AuthenticatedEncryptionBenchmark"
                    + ".encryptAndAuthenticate%04d", i);
            Verdict v = verdicts[i % verdicts.length];
            double change = switch (v) {
                case REGRESSED -> 0.05 + (i % 40) / 100.0;
                case IMPROVED -> -0.05 - (i % 30) / 100.0;
                default -> (i % 5 - 2) / 1000.0;
            };
            double base = 1000 + i;
            Severity sev = v == Verdict.REGRESSED ? (change > 0.25 ? Severity.MAJOR : change > 0.10 ? Severity.MINOR
                    : Severity.NONE) : Severity.NONE;
            rows.add(row(bench, params, "ns/op", false, base, base * (1 + change), change - 0.02, change + 0.02,
                    0.01, v, sev));
        }
        return ReportModel.of(title(), rows, List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(environment("01CANDIDATE000000000000000", RunEnvironment.CANDIDATE, "1.5.0", DATE)), List.of());
    }
}

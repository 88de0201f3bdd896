package io.benchledger.site;

import io.benchledger.archive.analysis.budget.Budget;
import io.benchledger.archive.analysis.changepoint.ChangePoint;
import io.benchledger.archive.analysis.compare.CaseComparison;
import io.benchledger.archive.analysis.compare.Severity;
import io.benchledger.archive.analysis.compare.Verdict;
import io.benchledger.archive.model.CaseKey;
import io.benchledger.archive.model.Mode;
import io.benchledger.archive.model.Percentiles;
import io.benchledger.archive.model.Result;
import io.benchledger.archive.model.Run;
import io.benchledger.archive.model.RunRecord;
import io.benchledger.archive.model.Sample;
import io.benchledger.archive.query.ArchiveDatabase;
import io.benchledger.archive.store.Archive;
import io.benchledger.archive.store.RunIds;
import io.benchledger.site.model.RunSelection;
import io.benchledger.site.model.SiteAnalyses;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * A small archive whose numbers are known by construction, with the awkward parts a site must
 * survive: a hostile benchmark name and commit message, an environment change, a release
 * history, an A/B experiment.
 *
 * <ul>
 *   <li>40 nightly runs, one a day from 2026-01-01 02:00 UTC; versions 1.0.0 (runs 0–14, run 14 a
 *       release), 1.1.0 (15–29, run 29 a release), 1.2.0-SNAPSHOT (30–39).</li>
 *   <li>{@code org.example.Crypto.encrypt[size=1024]} scores 1000 ops/s up to run 29 and 800 from run
 *       30: a 20 % regression. {@code [size=64]} scores 5000 throughout.</li>
 *   <li>Every run's samples are 2 forks × 3 iterations of score + (fork − 0.5)·2 + (iteration − 1):
 *       their mean is the score exactly.</li>
 *   <li>{@code org.example.Latency.get} (sample mode, us/op): buckets 10, 20, 30 with counts 5, 3, 2
 *       (mean 17, median 15, p99 30).</li>
 *   <li>The JVM changes from 17.0.9 to 21.0.2 at run 20.</li>
 *   <li>A benchmark named {@code <img src=x onerror=alert(1)>}; run 39's commit message is
 *       {@code </script><script>alert(2)</script>}.</li>
 *   <li>Six A/B runs (experiment "gc: G1 vs ZGC", variants A and B, interleaved) after run 39: size=64
 *       scores 5000 in A and 5500 in B.</li>
 * </ul>
 */
public final class SiteFixture {
    public static final String HOSTILE_NAME = "<img src=x onerror=alert(1)>";
    public static final String HOSTILE_PARAM = "\"><svg onload=alert(3)>";
    public static final String HOSTILE_MESSAGE = "</script><script>alert(2)</script>";
    public static final String CRYPTO = "org.example.Crypto.encrypt";
    public static final String LATENCY = "org.example.Latency.get";
    public static final Instant START = Instant.parse("2026-01-01T02:00:00Z");
    public static final int NIGHTLY = 40;

    private SiteFixture() {
    }

    public static String runId(int i) {
        return RunIds.derived(START.plus(Duration.ofDays(i)), "site-fixture", Integer.toString(i));
    }

    public static Archive create(Path dir) throws Exception {
        Archive a = Archive.open(dir);
        List<RunRecord> records = new ArrayList<>();
        for (int i = 0; i < NIGHTLY; i++) {
            records.add(nightly(i));
        }
        for (int k = 0; k < 6; k++) {
            records.add(abRun(k));
        }
        // one commit per run, as collectors do (and each file named after its run)
        for (RunRecord r : records) {
            a.commit(r);
        }
        return a;
    }

    /** One more nightly run (index {@code NIGHTLY}), for incremental generation: only Crypto is measured. */
    public static RunRecord extraRun() {
        return nightly(NIGHTLY, true);
    }

    static String version(int i) {
        return i < 15 ? "1.0.0" : i < 30 ? "1.1.0" : "1.2.0-SNAPSHOT";
    }

    static RunRecord nightly(int i) {
        return nightly(i, false);
    }

    /** One more run (index {@code NIGHTLY}, Crypto only), the release run of a version of its own. */
    public static RunRecord releaseRunOf(String version) {
        return nightly(NIGHTLY, true, version, Run.TRIGGER_RELEASE);
    }

    static RunRecord nightly(int i, boolean cryptoOnly) {
        return nightly(i, cryptoOnly, version(i), i == 14 || i == 29 ? Run.TRIGGER_RELEASE : Run.TRIGGER_NIGHTLY);
    }

    private static RunRecord nightly(int i, boolean cryptoOnly, String version, String trigger) {
        Instant t = START.plus(Duration.ofDays(i));
        String id = runId(i);
        Run.Builder b = Run.builder(id, t).finishedAt(t.plusSeconds(600 + i)).project("default").version(version)
                .suite("crypto").environment("ci").trigger(trigger)
                .commit(String.format("c0ffee%02d%s", i, "a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6")).branch("main")
                .host("ci-runner-1").os("Linux").arch("amd64").cpuModel("Example CPU @ 3.0GHz").cpuCount(8)
                .memoryBytes(32L << 30).jvmVendor("Eclipse Adoptium").jvmVersion(i < 20 ? "17.0.9" : "21.0.2")
                .jvmArgs("-Xmx2g").harness("jmh").harnessVersion("1.37");
        if (i == NIGHTLY - 1) {
            b.label("message", HOSTILE_MESSAGE);
        }
        Run run = b.build();
        List<Result> results = new ArrayList<>();
        List<Sample> samples = new ArrayList<>();
        throughput(id, CRYPTO, Map.of("size", "1024"), i < 30 ? 1000.0 : 800.0, results, samples);
        throughput(id, CRYPTO, Map.of("size", "64"), 5000.0, results, samples);
        if (!cryptoOnly) {
            throughput(id, HOSTILE_NAME, Map.of("p", HOSTILE_PARAM), 42.0, results, samples);
            latency(id, results, samples);
        }
        return new RunRecord(run, results, samples);
    }

    static RunRecord abRun(int k) {
        Instant t = START.plus(Duration.ofDays(NIGHTLY)).plus(Duration.ofHours(k + 1));
        String id = RunIds.derived(t, "site-fixture-ab", Integer.toString(k));
        String variant = k % 2 == 0 ? "A" : "B";
        Run run = Run.builder(id, t).finishedAt(t.plusSeconds(300)).project("default").version("1.2.0-SNAPSHOT")
                .suite("crypto").environment("ci").trigger(Run.TRIGGER_AB).variant(variant)
                .commit("c0ffee39a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6").host("ci-runner-1").os("Linux").arch("amd64")
                .cpuModel("Example CPU @ 3.0GHz").cpuCount(8).jvmVendor("Eclipse Adoptium").jvmVersion("21.0.2")
                .jvmArgs(variant.equals("A") ? "-XX:+UseG1GC" : "-XX:+UseZGC").harness("jmh").harnessVersion("1.37")
                .label("experiment", "gc: G1 vs ZGC").build();
        List<Result> results = new ArrayList<>();
        List<Sample> samples = new ArrayList<>();
        throughput(id, CRYPTO, Map.of("size", "64"), variant.equals("A") ? 5000.0 : 5500.0, results, samples);
        return new RunRecord(run, results, samples);
    }

    private static void throughput(String runId, String bench, Map<String, String> params, double score,
                                   List<Result> results, List<Sample> samples) {
        Result r = new Result(runId, null, bench, new TreeMap<>(params), Mode.THROUGHPUT, Result.PRIMARY, "ops/s", true,
                1, 2, 1, "1 s", 3, "1 s", score, 2.5, score - 2.5, score + 2.5, 6, Optional.empty(), "");
        results.add(r);
        for (int f = 0; f < 2; f++) {
            for (int it = 0; it < 3; it++) {
                samples.add(new Sample(runId, r.caseKey(), Result.PRIMARY, f, it, score + (f - 0.5) * 2 + (it - 1), 1));
            }
        }
    }

    private static void latency(String runId, List<Result> results, List<Sample> samples) {
        Result r = new Result(runId, null, LATENCY, new TreeMap<>(), Mode.SAMPLE_TIME, Result.PRIMARY, "us/op", false,
                1, 1, 1, "1 s", 1, "1 s", 17.0, 1.0, 16.0, 18.0, 10,
                Optional.of(new Percentiles(10, 10, 30, 30, 30, 30, 30)), "");
        results.add(r);
        samples.add(new Sample(runId, r.caseKey(), Result.PRIMARY, 0, 0, 10, 5));
        samples.add(new Sample(runId, r.caseKey(), Result.PRIMARY, 0, 0, 20, 3));
        samples.add(new Sample(runId, r.caseKey(), Result.PRIMARY, 0, 0, 30, 2));
    }

    public static String cryptoKey(String size) {
        return CaseKey.of(CRYPTO, Map.of("size", size), Mode.THROUGHPUT, 1);
    }

    /**
     * Two selections compared by the comparison engine with the default options, as the command
     * line's analyses compare a selection its findings do not hold.
     */
    public static io.benchledger.site.model.SiteComparison engineComparison(ArchiveDatabase db, String project,
                                                                           RunSelection baseline,
                                                                           RunSelection candidate) throws Exception {
        return io.benchledger.site.model.SiteComparison.of(io.benchledger.archive.analysis.compare.Comparison.run(db,
                side(baseline), side(candidate), io.benchledger.archive.analysis.compare.ComparisonOptions.defaults(project)));
    }

    private static io.benchledger.archive.analysis.compare.ResolvedSide side(RunSelection s) {
        return new io.benchledger.archive.analysis.compare.ResolvedSide(new io.benchledger.archive.analysis.compare.Side(
                io.benchledger.archive.analysis.compare.Side.Kind.VERSION_OR_RUN, s.label()), s.runIds(), List.of());
    }

    /** The comparison engine and nothing else: no change points, budgets or recommendations. */
    public static SiteAnalyses engineOnly() {
        return SiteFixture::engineComparison;
    }

    /**
     * Analyses with known records, standing in for the engines' output in rendering tests: the
     * change point of the 20 % step at run 30, budgets, known rows for the latest run against
     * release 1.1.0, and the comparison engine's for every other comparison.
     */
    public static SiteAnalyses knownAnalyses() {
        return new SiteAnalyses() {
            @Override
            public Optional<List<ChangePoint>> changePoints(ArchiveDatabase db, String project) {
                Instant t = START.plus(Duration.ofDays(30));
                return Optional.of(List.of(new ChangePoint(cryptoKey("1024"), CRYPTO, Result.PRIMARY, runId(30),
                        "1.2.0-SNAPSHOT", "c0ffee30a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6", t, 30, 1000, 800, -0.2, 0.001,
                        ChangePoint.REGRESSION)));
            }

            @Override
            public List<Budget> budgets() {
                return io.benchledger.archive.analysis.budget.BudgetSyntax.inline("fixture",
                        "[{pattern: Crypto, min_throughput: 900}, {pattern: Latency, max_p99: 25}]");
            }

            /** The budget evaluator over the latest run, standing in for the findings' budget check. */
            @Override
            public Optional<io.benchledger.archive.analysis.budget.BudgetReport> budgetReport(ArchiveDatabase db,
                                                                                             String project, String runId)
                    throws Exception {
                return Optional.of(io.benchledger.archive.analysis.budget.BudgetEvaluator.evaluate(db,
                        new io.benchledger.archive.analysis.compare.Side(io.benchledger.archive.analysis.compare.Side.Kind.RUN,
                                runId), budgets(), io.benchledger.archive.analysis.compare.ComparisonOptions.defaults(project)));
            }

            /** The recommendation rules over the latest run, standing in for the findings' recommendations. */
            @Override
            public List<io.benchledger.archive.analysis.recommend.Recommendation> recommendations(ArchiveDatabase db,
                                                                                                String project,
                                                                                                String runId)
                    throws Exception {
                return io.benchledger.archive.analysis.recommend.RunMeasurements.recommendations(db, runId, null,
                        budgets(), io.benchledger.archive.analysis.recommend.Thresholds.defaults());
            }

            @Override
            public io.benchledger.site.model.SiteComparison compare(ArchiveDatabase db, String project,
                                                                    RunSelection baseline, RunSelection candidate)
                    throws Exception {
                if (!candidate.runIds().equals(List.of(runId(NIGHTLY - 1))) || !baseline.label().equals("1.1.0")) {
                    return engineComparison(db, project, baseline, candidate);
                }
                return io.benchledger.site.model.SiteComparison.of(List.of(
                        new CaseComparison(cryptoKey("1024"), CRYPTO, new TreeMap<>(Map.of("size", "1024")), Result.PRIMARY,
                                "ops/s", true, 1000, 800, 1000, 800, -0.2, -0.21, -0.19, 0.0001, 0.0001, 0.0002, -9.5,
                                Verdict.REGRESSED, Severity.MINOR, 90, 6, 0, "thrpt", 0.0001, CaseComparison.TEST_WELCH,
                                CaseComparison.UNIT_FORKS, 3, 3, 0.064, io.benchledger.archive.analysis.compare.Band.CRITICAL,
                                "", 1000, 800,
                                // judged against 12 history runs whose run-to-run variation set a 6.4 % threshold
                                new io.benchledger.archive.analysis.compare.VerdictBasis(
                                        io.benchledger.archive.analysis.compare.VerdictBasis.HISTORY, 12, "", 0.032,
                                        io.benchledger.archive.analysis.compare.VerdictBasis.LEARNED, "", true, -200)),
                        new CaseComparison(cryptoKey("64"), CRYPTO, new TreeMap<>(Map.of("size", "64")), Result.PRIMARY,
                                "ops/s", true, 5000, 5000, 5000, 5000, 0, -0.001, 0.001, 0.9, 0.9, 0.9, 0,
                                Verdict.UNCHANGED, Severity.NONE, 90, 6, 0)));
            }
        };
    }
}

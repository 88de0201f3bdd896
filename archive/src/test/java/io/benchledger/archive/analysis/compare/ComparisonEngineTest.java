package io.benchledger.archive.analysis.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchledger.archive.BadInputException;
import io.benchledger.archive.format.OutputFormat;
import io.benchledger.archive.model.Mode;
import io.benchledger.archive.model.Result;
import io.benchledger.archive.model.Run;
import io.benchledger.archive.model.RunRecord;
import io.benchledger.archive.model.Sample;
import io.benchledger.archive.query.ArchiveDatabase;
import io.benchledger.archive.store.Archive;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine over a real archive (Parquet written by Archive.commit, read by DuckDB). */
class ComparisonEngineTest {
    @TempDir
    Path dir;
    Archive archive;

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /**
     * A run of three cases with fixed, hand-chosen scores: 5 forks × 4 iterations each, every fork
     * offset by (f − 2) × 0.5 % and the iterations by ±0.2 % around it; {@code factor} scales the
     * throughput case "enc" and {@code timeFactor} the average-time case "dec"; "alloc" is a
     * gc.alloc.rate.norm secondary of "dec", constant 24 B/op; "boom" fails when {@code fail}.
     */
    static RunRecord run(String id, String version, int day, String trigger, String branch, String variant,
                         double factor, double timeFactor, boolean fail) {
        Run run = Run.builder(id, T0.plusSeconds(86400L * day)).project("p").version(version).suite("s")
                .trigger(trigger).branch(branch).variant(variant).build();
        List<Result> results = new ArrayList<>();
        List<Sample> samples = new ArrayList<>();
        add(results, samples, id, "org.x.Enc.enc", Mode.THROUGHPUT, Result.PRIMARY, "ops/s", true, 1000 * factor);
        add(results, samples, id, "org.x.Dec.dec", Mode.AVERAGE_TIME, Result.PRIMARY, "ns/op", false, 50 * timeFactor);
        add(results, samples, id, "org.x.Dec.dec", Mode.AVERAGE_TIME, "gc.alloc.rate.norm", "B/op", false, 24);
        Result boom = new Result(id, null, "org.x.Boom.boom", new TreeMap<>(), Mode.THROUGHPUT, Result.PRIMARY, "ops/s",
                true, 1, 5, 1, "1 s", 4, "1 s", fail ? Double.NaN : 10, Double.NaN, Double.NaN, Double.NaN, fail ? 0 : 20,
                Optional.empty(), fail ? "java.lang.IllegalStateException: boom" : "");
        results.add(boom);
        if (!fail) {
            for (int f = 0; f < 5; f++) {
                for (int i = 0; i < 4; i++) {
                    samples.add(new Sample(id, boom.caseKey(), Result.PRIMARY, f, i, 10 * (1 + 0.001 * (f - 2)), 1));
                }
            }
        }
        return new RunRecord(run, results, samples);
    }

    static void add(List<Result> results, List<Sample> samples, String id, String bench, String mode, String metric,
                    String unit, boolean hib, double centre) {
        Result r = new Result(id, null, bench, new TreeMap<>(Map.of("size", "64")), mode, metric, unit, hib, 1, 5, 1, "1 s",
                4, "1 s", centre, Double.NaN, Double.NaN, Double.NaN, 20, Optional.empty(), "");
        results.add(r);
        double[] offsets = {-0.002, 0.001, -0.001, 0.002};
        for (int f = 0; f < 5; f++) {
            for (int i = 0; i < 4; i++) {
                double v = metric.equals(Result.PRIMARY) ? centre * (1 + 0.005 * (f - 2) + offsets[i]) : centre;
                samples.add(new Sample(id, r.caseKey(), metric, f, i, v, 1));
            }
        }
    }

    @BeforeEach
    void fill() throws Exception {
        archive = Archive.open(dir.resolve("archive"));
        // one commit: runs of one version share a combined file, which the views must read correctly
        archive.commit(List.of(
                run("01J0000000000000000000R100", "1.0.0", 0, Run.TRIGGER_RELEASE, "main", "", 1.00, 1.00, false),
                run("01J0000000000000000000R110", "1.1.0", 1, Run.TRIGGER_RELEASE, "main", "", 1.00, 1.00, false),
                run("01J0000000000000000000N111", "1.1.1", 2, Run.TRIGGER_NIGHTLY, "main", "", 1.00, 1.00, false),
                run("01J0000000000000000000N112", "1.1.1", 3, Run.TRIGGER_NIGHTLY, "main", "", 1.00, 1.00, false),
                run("01J0000000000000000000F120", "1.2.0", 4, Run.TRIGGER_NIGHTLY, "feature", "", 0.80, 1.30, true),
                run("01J0000000000000000000A001", "1.2.0", 5, Run.TRIGGER_AB, "main", "g1", 1.00, 1.00, false),
                run("01J0000000000000000000A002", "1.2.0", 6, Run.TRIGGER_AB, "main", "zgc", 1.10, 0.90, false)));
    }

    ComparisonReport compare(String b, String c, ComparisonOptions o) throws Exception {
        try (ArchiveDatabase db = ArchiveDatabase.open(archive)) {
            return Comparison.run(db, Side.parse(b), Side.parse(c), o);
        }
    }

    static CaseComparison find(ComparisonReport r, String benchmark, String metric) {
        return r.cases().stream().filter(c -> c.benchmark().equals(benchmark) && c.metric().equals(metric)).findFirst().orElseThrow();
    }

    @Test
    void sidesResolveByTheDocumentedRules() throws Exception {
        try (ArchiveDatabase db = ArchiveDatabase.open(archive)) {
            SideResolver res = SideResolver.of(db, "p", "");
            ResolvedSide[] s = res.resolve(Side.parse("last-release"), Side.parse("latest"));
            assertThat(s[1].runIds()).containsExactly("01J0000000000000000000A002");
            assertThat(s[0].versions()).containsExactly("1.1.0"); // newest release run not of the candidate's version
            s = res.resolve(Side.parse("previous"), Side.parse("latest"));
            assertThat(s[0].runIds()).containsExactly("01J0000000000000000000A001");
            s = res.resolve(Side.parse("1.1.1"), Side.parse("branch:feature"));
            assertThat(s[0].runIds()).containsExactlyInAnyOrder("01J0000000000000000000N111", "01J0000000000000000000N112");
            assertThat(s[1].runIds()).containsExactly("01J0000000000000000000F120");
            s = res.resolve(Side.parse("variant:g1"), Side.parse("variant:zgc"));
            assertThat(s[0].runIds()).containsExactly("01J0000000000000000000A001");
            s = res.resolve(Side.parse("01J0000000000000000000R100"), Side.parse("previous"));
            assertThat(s[1].runIds()).containsExactly("01J0000000000000000000A001");
            // last-release of release version 1.1.0 itself: the release before it
            s = res.resolve(Side.parse("last-release"), Side.parse("1.1.0"));
            assertThat(s[0].versions()).containsExactly("1.0.0");
            assertThatThrownBy(() -> res.resolve(Side.parse("9.9.9"), Side.parse("latest")))
                    .isInstanceOf(BadInputException.class).hasMessageContaining("baseline '9.9.9'").hasMessageContaining("1.1.1");
            assertThatThrownBy(() -> res.resolve(Side.parse("latest"), Side.parse("latest")))
                    .isInstanceOf(BadInputException.class).hasMessageContaining("same runs");
        }
    }

    @Test
    void lastReleaseFallsBackToTheHighestOtherVersion() {
        SideResolver r = new SideResolverProbe().resolver(List.of(
                new SideResolver.RunRow("a", "1.9.0", "nightly", "", "", T0),
                new SideResolver.RunRow("b", "1.10.0", "nightly", "", "", T0.plusSeconds(1)),
                new SideResolver.RunRow("c", "1.10.1-rc1", "nightly", "", "", T0.plusSeconds(2))));
        ResolvedSide[] s = r.resolve(Side.parse("last-release"), Side.parse("c"));
        assertThat(s[0].versions()).containsExactly("1.10.0");
    }

    @Test
    void aRegressionAnImprovementAFailureAndAnUnchangedSecondary() throws Exception {
        ComparisonReport r = compare("1.1.1", "branch:feature", ComparisonOptions.defaults("p"));
        CaseComparison enc = find(r, "org.x.Enc.enc", Result.PRIMARY);
        assertThat(enc.change()).isCloseTo(-0.20, within(1e-9)); // throughput × 0.8
        assertThat(enc.verdict()).isEqualTo(Verdict.REGRESSED);
        assertThat(enc.severity()).isEqualTo(Severity.MINOR);
        assertThat(enc.band()).isEqualTo(Band.CRITICAL);
        assertThat(enc.baselineSamples()).isEqualTo(40); // two runs pooled: 10 forks
        assertThat(enc.baselineForks()).isEqualTo(10);
        assertThat(enc.candidateForks()).isEqualTo(5);
        assertThat(enc.test()).isEqualTo(CaseComparison.TEST_WELCH);
        assertThat(enc.ciLow()).isLessThan(-0.18);
        assertThat(enc.ciHigh()).isGreaterThan(-0.22).isLessThan(-0.02);
        CaseComparison dec = find(r, "org.x.Dec.dec", Result.PRIMARY);
        assertThat(dec.change()).isCloseTo(0.30, within(1e-9)); // time × 1.3: slower
        assertThat(dec.verdict()).isEqualTo(Verdict.REGRESSED);
        assertThat(dec.severity()).isEqualTo(Severity.MAJOR);
        CaseComparison alloc = find(r, "org.x.Dec.dec", "gc.alloc.rate.norm");
        assertThat(alloc.change()).isEqualTo(0.0);
        assertThat(alloc.verdict()).isEqualTo(Verdict.UNCHANGED);
        CaseComparison boom = find(r, "org.x.Boom.boom", Result.PRIMARY);
        assertThat(boom.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(boom.failure()).isEqualTo("candidate: java.lang.IllegalStateException: boom");
        assertThat(r.cases().get(0)).isEqualTo(boom); // failed first, then by severity
        assertThat(r.cases().get(1)).isEqualTo(dec);
        assertThat(r.summary().count(Verdict.REGRESSED)).isEqualTo(2);
        assertThat(r.summary().count(Verdict.FAILED)).isEqualTo(1);
        // geomean of candidate/baseline over the primary metric: enc 0.8, dec 1.3 -> √1.04
        assertThat(r.summary().geomeanRatio()).isCloseTo(Math.sqrt(0.8 * 1.3), within(1e-9));
        assertThat(r.failing(FailOn.CRITICAL)).containsExactly(boom);
        assertThat(r.failing(FailOn.MAJOR)).containsExactly(boom, dec);
        assertThat(r.failing(FailOn.REGRESSION)).containsExactly(boom, dec, enc);
    }

    @Test
    void variantsComparedWithFiltersAndPerCaseThresholds() throws Exception {
        ComparisonOptions o = ComparisonOptions.builder("p").benchmark(Optional.of(Pattern.compile("Enc|Dec")))
                .metric(Result.PRIMARY).build();
        ComparisonReport r = compare("variant:g1", "variant:zgc", o);
        assertThat(r.cases()).extracting(CaseComparison::benchmark).containsExactly("org.x.Dec.dec", "org.x.Enc.enc");
        assertThat(r.cases()).extracting(CaseComparison::verdict).containsOnly(Verdict.IMPROVED);
        // a 15 % noise threshold for the encoder: the +10 % is no longer beyond it
        ComparisonReport wide = compare("variant:g1", "variant:zgc",
                o.toBuilder().caseThresholds(Map.of("Enc\\.enc", 0.15)).build());
        CaseComparison enc = find(wide, "org.x.Enc.enc", Result.PRIMARY);
        assertThat(enc.threshold()).isEqualTo(0.15);
        assertThat(enc.verdict()).isIn(Verdict.UNCHANGED, Verdict.INCONCLUSIVE);
    }

    @Test
    void jsonFollowsTheContract() throws Exception {
        ComparisonReport r = compare("1.1.1", "branch:feature", ComparisonOptions.defaults("p"));
        JsonNode doc = new ObjectMapper().readTree(ComparisonOutput.format(r, OutputFormat.JSON));
        assertThat(doc.get("cases")).hasSize(4);
        for (JsonNode c : doc.get("cases")) {
            for (String f : List.of("case_key", "benchmark", "params", "metric", "unit", "higher_is_better",
                    "baseline_mean", "candidate_mean", "change", "ci_low", "ci_high", "p_value", "q_value", "verdict",
                    "severity", "baseline_samples", "candidate_samples")) {
                assertThat(c.has(f)).as(f).isTrue();
            }
            assertThat(c.get("verdict").asText()).isIn("improved", "regressed", "unchanged", "inconclusive", "failed");
        }
        JsonNode enc = doc.get("cases").get(2);
        assertThat(enc.get("benchmark").asText()).isEqualTo("org.x.Enc.enc");
        assertThat(enc.get("params").get("size").asText()).isEqualTo("64");
        assertThat(enc.get("change").asDouble()).isCloseTo(-0.2, within(1e-9));
        assertThat(enc.get("baseline_mean").asDouble()).isCloseTo(1000, within(1e-9));
        assertThat(enc.get("candidate_mean").asDouble()).isCloseTo(800, within(1e-9));
        assertThat(enc.get("verdict").asText()).isEqualTo("regressed");
        assertThat(enc.get("severity").asText()).isEqualTo("minor");
        assertThat(doc.get("cases").get(0).get("change").isNull()).as("failed: no numbers").isTrue();
        assertThat(doc.get("summary").get("regressed").asInt()).isEqualTo(2);
        assertThat(doc.get("baseline").get("runs")).hasSize(2);
        String md = ComparisonOutput.format(r, OutputFormat.MARKDOWN);
        assertThat(md).contains("| regressed | major | org.x.Dec.dec\\[size=64\\]@avgt |");
        String table = ComparisonOutput.format(r, OutputFormat.TABLE);
        assertThat(table).contains("4 compared: 2 regressed, 0 improved, 1 unchanged, 0 inconclusive, 1 failed");
    }
}

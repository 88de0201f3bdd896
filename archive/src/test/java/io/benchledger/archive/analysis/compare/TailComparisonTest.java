package io.benchledger.archive.analysis.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.benchledger.archive.format.OutputFormat;
import io.benchledger.archive.model.Mode;
import io.benchledger.archive.model.Percentiles;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tail comparisons over a real archive, on generated sample-mode runs with a known answer: every
 * iteration of every fork times 2,000 operations, 98 % in a bulk around {@code bulk} µs and 2 % in a
 * tail around {@code tail} µs, so p99 lies in the tail and the mean is 0.98 · bulk + 0.02 · tail.
 */
public class TailComparisonTest {
    @TempDir
    Path dir;

    public static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    public static final String BENCH = "org.x.Aes.encrypt";

    /** 3 forks × 5 iterations; forks differ by ±0.2 % so the sides are not degenerate. */
    public static RunRecord run(String id, String version, int day, double bulk, double tail) {
        Run run = Run.builder(id, T0.plusSeconds(86400L * day)).project("p").version(version).suite("s").build();
        Result r = new Result(id, null, BENCH, new TreeMap<>(Map.of("size", "1024")), Mode.SAMPLE_TIME, Result.PRIMARY,
                "us/op", false, 1, 3, 1, "1 s", 5, "1 s", 0.98 * bulk + 0.02 * tail, Double.NaN, Double.NaN, Double.NaN,
                30000, Optional.of(new Percentiles(bulk * 0.9, bulk, bulk, bulk, tail, tail, tail * 1.02)), "");
        List<Sample> samples = new ArrayList<>();
        double[] bulkSteps = {0.9, 0.95, 1.0, 1.05, 1.1};
        double[] tailSteps = {0.98, 1.0, 1.02};
        long[] tailCounts = {13, 14, 13};
        for (int f = 0; f < 3; f++) {
            double forkFactor = 1 + 0.002 * (f - 1);
            for (int i = 0; i < 5; i++) {
                double itFactor = 1 + 0.0005 * (i - 2);
                for (double s : bulkSteps) {
                    samples.add(new Sample(id, r.caseKey(), Result.PRIMARY, f, i, bulk * s * forkFactor * itFactor, 392));
                }
                for (int t = 0; t < 3; t++) {
                    samples.add(new Sample(id, r.caseKey(), Result.PRIMARY, f, i, tail * tailSteps[t] * forkFactor * itFactor,
                            tailCounts[t]));
                }
            }
        }
        return new RunRecord(run, List.of(r), samples);
    }

    /**
     * Project {@code p}, suite {@code s}: version {@code 1.0.0} and, against it, {@code tail} (only
     * the tail moved), {@code mean} (only the mean moved) and {@code same}. Other modules' tests reuse it.
     */
    public static Archive archive(Path root) throws Exception {
        Archive archive = Archive.open(root);
        archive.commit(List.of(
                run("01J0000000000000000000R100", "1.0.0", 0, 10, 50),
                // tail doubled, bulk lowered so that the mean stays 10.8 µs: only the tail moved
                run("01J0000000000000000000R200", "tail", 1, (10.8 - 0.02 * 100) / 0.98, 100),
                // bulk up 20 %, tail where it was: only the mean moved
                run("01J0000000000000000000R300", "mean", 2, 12, 50),
                run("01J0000000000000000000R400", "same", 3, 10, 50)));
        return archive;
    }

    ComparisonReport compare(String baseline, String candidate) throws Exception {
        Archive archive = archive(dir.resolve("archive"));
        try (ArchiveDatabase db = ArchiveDatabase.open(archive)) {
            return Comparison.run(db, Side.parse(baseline), Side.parse(candidate), ComparisonOptions.defaults("p"));
        }
    }

    @Test
    void onlyTheTailMovedIsATailRegression() throws Exception {
        ComparisonReport r = compare("1.0.0", "tail");
        CaseComparison c = r.cases().get(0);
        assertThat(c.change()).isCloseTo(0.0, org.assertj.core.data.Offset.offset(0.005));
        assertThat(c.verdict()).isNotEqualTo(Verdict.REGRESSED);
        TailComparison t = r.tails(c).get(0);
        assertThat(t.label()).isEqualTo("p99");
        // p99 of 30,000 operations: position 0.99 · 30,001 = 29,700.99, inside the tail's upper buckets
        assertThat(t.baseline()).isBetween(49.0, 51.2);
        assertThat(t.candidate()).isBetween(98.0, 102.3);
        assertThat(t.change()).isBetween(0.9, 1.1);
        assertThat(t.ciLow()).isGreaterThan(t.threshold());
        assertThat(t.verdict()).isEqualTo(Verdict.REGRESSED);
        assertThat(r.regressionType(c)).isEqualTo(RegressionType.TAIL);
        // 30,000 operations per side: p99.9 (10,000 needed) is compared too
        assertThat(r.tails(c)).extracting(TailComparison::label).containsExactly("p99", "p99.9");

        Map<String, Object> json = ComparisonOutput.caseJson(c, r);
        assertThat(json.get("regression_type")).isEqualTo("tail");
        @SuppressWarnings("unchecked")
        Map<String, Object> tail = (Map<String, Object>) json.get("tail");
        assertThat(tail).containsKeys("quantile", "baseline", "candidate", "change", "ci_low", "ci_high", "verdict");
        assertThat(tail.get("quantile")).isEqualTo(0.99);
        assertThat(tail.get("verdict")).isEqualTo("regressed");
        // the gate fails on the tail by default, and not when the suite turns it off
        assertThat(r.failing(FailOn.REGRESSION)).containsExactly(c);
        assertThat(r.failing(FailOn.REGRESSION, false)).isEmpty();
        assertThat(ComparisonOutput.format(r, OutputFormat.MARKDOWN)).contains("p99 regressed").contains("(regression: tail)");
    }

    @Test
    void onlyTheMeanMovedIsAMeanRegression() throws Exception {
        ComparisonReport r = compare("1.0.0", "mean");
        CaseComparison c = r.cases().get(0);
        assertThat(c.verdict()).isEqualTo(Verdict.REGRESSED);
        TailComparison t = r.tails(c).get(0);
        assertThat(t.change()).isCloseTo(0.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(t.verdict()).isEqualTo(Verdict.UNCHANGED);
        assertThat(r.regressionType(c)).isEqualTo(RegressionType.MEAN);
        assertThat(ComparisonOutput.caseJson(c, r).get("regression_type")).isEqualTo("mean");
    }

    /** forks × 5 iterations of 2,000 operations: 98 % at 10 µs, 2 % at {@code tail} µs. */
    static io.benchledger.archive.stats.TailBootstrap.Histograms histograms(int forks, double tail) {
        double[][][] v = new double[forks][5][];
        double[][][] c = new double[forks][5][];
        for (int f = 0; f < forks; f++) {
            for (int i = 0; i < 5; i++) {
                v[f][i] = new double[] {10 * (1 + 0.001 * f + 0.0005 * i), tail * (1 + 0.001 * f)};
                c[f][i] = new double[] {1960, 40};
            }
        }
        return new io.benchledger.archive.stats.TailBootstrap.Histograms(v, c);
    }

    @Test
    void aTailVerdictNeedsForksOnBothSides() {
        ComparisonOptions o = ComparisonOptions.defaults("p");
        // the p99 doubles; with one JVM a side that is one fork's luck as far as anyone can tell
        TailComparison one = TailAnalysis.compare("k", false, 0.05, 0.99, histograms(1, 100), histograms(1, 200), o);
        assertThat(one.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(one.note()).isEqualTo("needs 3 forks per side for a p99 verdict (1 and 1)");
        TailComparison three = TailAnalysis.compare("k", false, 0.05, 0.99, histograms(3, 100), histograms(3, 200), o);
        assertThat(three.verdict()).isEqualTo(Verdict.REGRESSED);
    }

    @Test
    void theSameRunsAreNoRegression() throws Exception {
        ComparisonReport r = compare("1.0.0", "same");
        CaseComparison c = r.cases().get(0);
        assertThat(r.regressionType(c)).isEqualTo(RegressionType.NONE);
        assertThat(r.tails(c).get(0).change()).isEqualTo(0.0);
        assertThat(r.tails(c).get(0).verdict()).isEqualTo(Verdict.UNCHANGED);
        assertThat(ComparisonOutput.caseJson(c, r).get("regression_type")).isEqualTo("none");
    }
}

package io.benchledger.archive.analysis.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.benchledger.archive.BadInputException;
import io.benchledger.archive.analysis.budget.BudgetEvaluator.Baseline;
import io.benchledger.archive.analysis.budget.BudgetEvaluator.Row;
import io.benchledger.archive.analysis.compare.ResolvedSide;
import io.benchledger.archive.analysis.compare.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every criterion at every level (pass, close, warn, fail, not checked), on rows as budget_results.sql gives them. */
class BudgetEvaluatorTest {
    private static final String AES = "c.AesGcmBenchmark.encrypt";
    private static final String AES_1M = AES + "[size=1048576]@thrpt";
    private static final String AES_64 = AES + "[size=64]@thrpt";
    private static final String LAT = "c.Api.get@sample";
    private static final String TX = "workload.transactions[rate=1000]";

    private static Row row(String key, String metric, String mode, String unit, boolean higher, double score, double p99) {
        return new Row(key, metric, key.replaceAll("[\\[@].*", ""), mode, unit, higher, score, p99, "");
    }

    private static final List<Row> ROWS = List.of(
            row(AES_1M, "primary", "thrpt", "ops/s", true, 80, Double.NaN),
            row(AES_1M, "throughput.bytes", "thrpt", "MB/s", true, 83.9, Double.NaN),
            row(AES_1M, "gc.alloc.rate.norm", "thrpt", "B/op", false, 1_048_700, Double.NaN),
            row(AES_1M, "proc.rss.peak", "thrpt", "B", false, 300e6, Double.NaN),
            row(AES_1M, "proc.cpu.util", "thrpt", "cores", false, 1.2, Double.NaN),
            row(AES_64, "primary", "thrpt", "ops/s", true, 2.0e6, 2.1e6),
            row(LAT, "primary", "sample", "us/op", false, 120, 450),
            row(TX, "primary", "value", "ms", false, 3.5, 12),
            row(TX, "rate.target", "value", "req/s", true, 1000, Double.NaN),
            row(TX, "rate.achieved", "value", "req/s", true, 940, Double.NaN),
            row("workload.untargeted[rate=500]", "rate.achieved", "value", "req/s", true, 480, Double.NaN),
            row("workload.latencyonly[rate=500]", "primary", "value", "ms", false, 2, 5),
            new Row("c.Broken.x@avgt", "primary", "c.Broken.x", "avgt", "ns/op", false, Double.NaN, Double.NaN, "OutOfMemoryError"));

    /** The checks of the one budget {@code yaml} over {@link #ROWS} (absolute criteria). */
    private static List<BudgetCheck> checks(String yaml) {
        Budget b = BudgetSyntax.inline("b.yaml", yaml).get(0);
        List<BudgetCheck> out = new ArrayList<>();
        java.util.regex.Pattern p = java.util.regex.Pattern.compile(b.pattern());
        for (Limit l : b.limits()) {
            out.addAll(BudgetEvaluator.check(b, l, ROWS.stream().filter(r -> p.matcher(r.caseKey()).find()).toList()));
        }
        return out;
    }

    private static BudgetCheck one(String yaml) {
        List<BudgetCheck> c = checks(yaml);
        assertThat(c).hasSize(1);
        return c.get(0);
    }

    @Test
    void patternsMatchTheWholeCaseKey() {
        assertThat(checks("{pattern: 'AesGcmBenchmark\\.encrypt\\[size=1048576\\]@thrpt', min_throughput: 10 ops/s}"))
                .extracting(BudgetCheck::caseKey).containsExactly(AES_1M);
        assertThat(checks("{pattern: 'AesGcmBenchmark', min_throughput: 10 ops/s}")).hasSize(2);
        assertThat(checks("{pattern: '@sample$', max_p99: 1ms}")).extracting(BudgetCheck::caseKey).containsExactly(LAT);
    }

    @Test
    void maxMeanAllLevels() {
        assertThat(one("{pattern: Api, max_mean: 200us}").status()).isEqualTo(BudgetStatus.PASS);
        BudgetCheck close = one("{pattern: Api, max_mean: 130us}");
        assertThat(close.status()).isEqualTo(BudgetStatus.PASS);
        assertThat(close.close()).as("120 within 10 %% of 130").isTrue();
        assertThat(one("{pattern: Api, max_mean: 0.2ms}").close()).isFalse();
        BudgetCheck warn = one("{pattern: Api, max_mean: {target: 100us, critical: 200us}}");
        assertThat(warn.status()).isEqualTo(BudgetStatus.WARN);
        assertThat(warn.needed()).isCloseTo(-20.0 / 120, within(1e-12));
        assertThat(warn.neededText()).isEqualTo("\u221217 % to reach the target");
        BudgetCheck fail = one("{pattern: Api, max_mean: 0.1ms}");
        assertThat(fail.status()).isEqualTo(BudgetStatus.FAIL);
        assertThat(fail.note()).isEqualTo("120 us/op above the limit 100 us/op");
        assertThat(fail.neededText()).isEqualTo("\u221217 % to reach the limit");
        assertThat(one("{pattern: Nothing, max_mean: 1ms}").status()).isEqualTo(BudgetStatus.NOT_CHECKED);
    }

    @Test
    void maxP99NeedsSampleMode() {
        BudgetCheck fail = one("{pattern: Api, max_p99: {target: 200us, critical: 400us}}");
        assertThat(fail.actual()).isEqualTo(450.0);
        assertThat(fail.status()).isEqualTo(BudgetStatus.FAIL);
        assertThat(one("{pattern: Api, max_p99: {target: 400us, critical: 1ms}}").status()).isEqualTo(BudgetStatus.WARN);
        assertThat(one("{pattern: Api, max_p99: 1ms}").status()).isEqualTo(BudgetStatus.PASS);
        BudgetCheck thrpt = one("{pattern: 'size=64\\]', max_p99: 1ms}");
        assertThat(thrpt.status()).as("percentiles of a throughput case are no latency").isEqualTo(BudgetStatus.WARN);
        assertThat(thrpt.note()).isEqualTo("p99 needs sample mode (1 matching case(s) in thrpt mode)");
    }

    @Test
    void minThroughputInOpsOrBytes() {
        // 80 ops/s of 1 MiB; 83.9 MB/s of payload
        assertThat(one("{pattern: 'size=1048576', min_throughput: 50 ops/s}").status()).isEqualTo(BudgetStatus.PASS);
        assertThat(one("{pattern: 'size=1048576', min_throughput: 85 ops/s}").status()).isEqualTo(BudgetStatus.FAIL);
        BudgetCheck bytes = one("{pattern: 'size=1048576', min_throughput: {target: 100MB/s, critical: 50MB/s}}");
        assertThat(bytes.metric()).isEqualTo("throughput.bytes");
        assertThat(bytes.status()).isEqualTo(BudgetStatus.WARN);
        assertThat(bytes.target()).isCloseTo(100, within(1e-9));
        assertThat(bytes.needed()).isCloseTo(100 / 83.9 - 1, within(1e-9));
        assertThat(one("{pattern: 'size=1048576', min_throughput: 80MB/s}").close()).isTrue();
        assertThat(one("{pattern: 'size=64\\]', min_throughput: 100MB/s}").status())
                .as("no byte rate measured").isEqualTo(BudgetStatus.NOT_CHECKED);
    }

    @Test
    void allocationRssAndCpu() {
        assertThat(one("{pattern: 'size=1048576', max_allocation_per_op: 1MiB}").status()).isEqualTo(BudgetStatus.FAIL);
        assertThat(one("{pattern: 'size=1048576', max_allocation_per_op: {target: 1MiB, critical: 2MiB}}").status())
                .isEqualTo(BudgetStatus.WARN);
        assertThat(one("{pattern: 'size=1048576', max_allocation_per_op: 2MB}").status()).isEqualTo(BudgetStatus.PASS);
        assertThat(one("{pattern: 'size=1048576', max_rss: 256MiB}").status()).isEqualTo(BudgetStatus.FAIL);
        assertThat(one("{pattern: 'size=1048576', max_rss: {target: 256MiB, critical: 512MiB}}").status()).isEqualTo(BudgetStatus.WARN);
        assertThat(one("{pattern: 'size=1048576', max_rss: 1GB}").status()).isEqualTo(BudgetStatus.PASS);
        assertThat(one("{pattern: 'size=1048576', max_cpu: 100%}").status()).isEqualTo(BudgetStatus.FAIL);
        assertThat(one("{pattern: 'size=1048576', max_cpu: {target: 1 core, critical: 2 cores}}").status()).isEqualTo(BudgetStatus.WARN);
        BudgetCheck cpu = one("{pattern: 'size=1048576', max_cpu: 1.3 cores}");
        assertThat(cpu.status()).isEqualTo(BudgetStatus.PASS);
        assertThat(cpu.close()).isTrue();
        assertThat(one("{pattern: Api, max_rss: 1GB}").status()).as("not measured").isEqualTo(BudgetStatus.NOT_CHECKED);
    }

    @Test
    void passRateCountsFailedCases() {
        BudgetCheck all = one("{pattern: 'c\\.', min_pass_rate: 100%}");
        assertThat(all.actual()).isCloseTo(75.0, within(1e-9));
        assertThat(all.unit()).isEqualTo("%");
        assertThat(all.status()).isEqualTo(BudgetStatus.FAIL);
        assertThat(all.note()).contains("3 of 4 cases measured without failure (failed: c.Broken.x@avgt)");
        assertThat(all.neededText()).isEqualTo("+25.0 points to reach the limit");
        assertThat(one("{pattern: 'c\\.', min_pass_rate: {target: 100%, critical: 70%}}").status()).isEqualTo(BudgetStatus.WARN);
        assertThat(one("{pattern: 'Aes', min_pass_rate: 1}").status()).isEqualTo(BudgetStatus.PASS);
    }

    @Test
    void aFailedCaseFailsItsBudgets() {
        BudgetCheck c = one("{pattern: Broken, max_mean: 1ms}");
        assertThat(c.status()).isEqualTo(BudgetStatus.FAIL);
        assertThat(c.note()).isEqualTo("benchmark failed: OutOfMemoryError");
    }

    @Test
    void incompatibleUnitsAreALocatedError() {
        assertThatThrownBy(() -> checks("- pattern: Aes\n  max_mean: 2ms\n")).isInstanceOf(BadInputException.class)
                .hasMessage("b.yaml:2:13: max_mean '2ms' is a time (ns, us, ms, s), but the 2 case(s) 'Aes' matches measure ops/s");
    }

    @Test
    void rssRegressionAgainstTheBaselineAndNotCheckedWithoutOne() {
        Budget b = BudgetSyntax.inline("b.yaml", "{pattern: 'size=1048576', max_rss_regression: {target: 10%, critical: 25%}}").get(0);
        Limit l = b.limits().get(0);
        ResolvedSide side = new ResolvedSide(Side.parse("1.0.0"), List.of("r0"), List.of("1.0.0"));
        List<BudgetCheck> out = new ArrayList<>();
        List<Row> matching = ROWS.stream().filter(r -> r.caseKey().equals(AES_1M)).toList();
        BudgetEvaluator.relativeChecks(b, l, matching, Optional.of(new Baseline(side,
                List.of(row(AES_1M, "proc.rss.peak", "thrpt", "B", false, 250e6, Double.NaN)), null)), out);
        assertThat(out).singleElement().satisfies(c -> {
            assertThat(c.actual()).isCloseTo(20.0, within(1e-9)); // 300 / 250 − 1
            assertThat(c.status()).isEqualTo(BudgetStatus.WARN);
            assertThat(c.neededText()).isEqualTo("\u221210.0 points to reach the target");
        });
        out.clear();
        BudgetEvaluator.relativeChecks(b, l, matching, Optional.of(new Baseline(side,
                List.of(row(AES_1M, "proc.rss.peak", "thrpt", "B", false, 200e6, Double.NaN)), null)), out);
        assertThat(out.get(0).status()).isEqualTo(BudgetStatus.FAIL);
        out.clear();
        BudgetEvaluator.relativeChecks(b, l, matching, Optional.empty(), out);
        assertThat(out).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo(BudgetStatus.NOT_CHECKED);
            assertThat(c.note()).isEqualTo("no baseline 'last-release' to compare with");
        });
        out.clear();
        BudgetEvaluator.relativeChecks(b, l, matching, Optional.of(new Baseline(side, List.of(), null)), out);
        assertThat(out.get(0).status()).as("not measured in the baseline").isEqualTo(BudgetStatus.NOT_CHECKED);
    }

    @Test
    void minAchievedRateAsARate() {
        // 940 of 1000 req/s achieved
        BudgetCheck pass = one("{pattern: 'transactions\\[rate=1000\\]', min_achieved_rate: 800 req/s}");
        assertThat(pass.metric()).isEqualTo("rate.achieved");
        assertThat(pass.actual()).isEqualTo(940.0);
        assertThat(pass.status()).isEqualTo(BudgetStatus.PASS);
        assertThat(pass.close()).isFalse();
        assertThat(one("{pattern: transactions, min_achieved_rate: 900/s}").close()).as("940 within 10 %% of 900").isTrue();
        BudgetCheck warn = one("{pattern: transactions, min_achieved_rate: {target: 950 req/s, critical: 900 req/s}}");
        assertThat(warn.status()).isEqualTo(BudgetStatus.WARN);
        assertThat(warn.note()).isEqualTo("940 req/s below the target 950 req/s");
        BudgetCheck fail = one("{pattern: transactions, min_achieved_rate: 1k req/s}");
        assertThat(fail.status()).isEqualTo(BudgetStatus.FAIL);
        assertThat(fail.note()).isEqualTo("940 req/s below the limit 1000 req/s");
    }

    @Test
    void minAchievedRateAsAShareOfTheTarget() {
        BudgetCheck warn = one("{pattern: transactions, min_achieved_rate: {target: 95%, critical: 90%}}");
        assertThat(warn.actual()).isCloseTo(94.0, within(1e-9)); // 940 / 1000
        assertThat(warn.unit()).isEqualTo("%");
        assertThat(warn.target()).isCloseTo(95.0, within(1e-9));
        assertThat(warn.status()).isEqualTo(BudgetStatus.WARN);
        assertThat(warn.note()).isEqualTo("94 % below the target 95 %; achieved 940 of 1000 req/s");
        assertThat(one("{pattern: transactions, min_achieved_rate: 95%}").status()).isEqualTo(BudgetStatus.FAIL);
        assertThat(one("{pattern: transactions, min_achieved_rate: 80%}").status()).isEqualTo(BudgetStatus.PASS);
        BudgetCheck noTarget = one("{pattern: untargeted, min_achieved_rate: 95%}");
        assertThat(noTarget.status()).isEqualTo(BudgetStatus.NOT_CHECKED);
        assertThat(noTarget.note()).isEqualTo("no target rate (rate.target) in the cases 'untargeted' matches");
    }

    @Test
    void minAchievedRateNotCheckedWithoutAnAchievedRate() {
        BudgetCheck c = one("{pattern: latencyonly, min_achieved_rate: 900 req/s}");
        assertThat(c.status()).isEqualTo(BudgetStatus.NOT_CHECKED);
        assertThat(c.note()).isEqualTo("no measured case matches 'latencyonly' with a request rate achieved by a workload case (rate.achieved)");
        assertThat(one("{pattern: 'Aes', min_achieved_rate: 95%}").status()).as("JMH cases have no achieved rate")
                .isEqualTo(BudgetStatus.NOT_CHECKED);
    }
}

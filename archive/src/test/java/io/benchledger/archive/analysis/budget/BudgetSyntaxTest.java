package io.benchledger.archive.analysis.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.benchledger.archive.BadInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class BudgetSyntaxTest {
    private static List<Budget> parse(String yaml) {
        return BudgetSyntax.inline("b.yaml", yaml);
    }

    private static void fails(String yaml, String message) {
        assertThatThrownBy(() -> parse(yaml)).isInstanceOf(BadInputException.class).hasMessage(message);
    }

    @Test
    void snakeAndCamelCaseReadTheSame() {
        Budget snake = parse("- {pattern: x, max_p99: 2ms, min_throughput: {target: 10k ops/s, critical: 5k ops/s}}").get(0);
        Budget camel = parse("- {pattern: x, maxP99: 2ms, minThroughput: {target: 10k ops/s, critical: 5k ops/s}}").get(0);
        assertThat(camel.limits()).hasSize(2);
        for (int i = 0; i < 2; i++) {
            Limit a = snake.limits().get(i);
            Limit b = camel.limits().get(i);
            assertThat(a.criterion()).isEqualTo(b.criterion());
            assertThat(a.target().map(Quantity::value)).isEqualTo(b.target().map(Quantity::value));
            assertThat(a.critical().map(Quantity::value)).isEqualTo(b.critical().map(Quantity::value));
        }
        Limit p99 = snake.limit(Criterion.MAX_P99).orElseThrow();
        assertThat(p99.target()).as("a plain limit is one level").isEmpty();
        assertThat(p99.critical().orElseThrow().value()).isEqualTo(0.002);
        assertThat(snake.baseline()).isEqualTo("last-release");
        assertThat(snake.name()).isEqualTo("x");
    }

    @Test
    void everyCriterionIsRead() {
        Budget b = parse(String.join("\n",
                "- name: all of them",
                "  pattern: 'AesGcmBenchmark\\.encrypt\\[size=1048576\\]@thrpt'",
                "  max_mean: 1.5ms",
                "  max_p99: {target: 200us, critical: 500us}",
                "  min_throughput: 100MB/s",
                "  max_allocation_per_op: 1KiB",
                "  max_rss: 512MB",
                "  max_cpu: 150%",
                "  max_regression: {target: 5%, critical: 20%}",
                "  max_rss_regression: 0.1",
                "  min_pass_rate: 100%",
                "  min_achieved_rate: 95%",
                "  baseline: 1.0.0")).get(0);
        assertThat(b.limits()).extracting(Limit::criterion).containsExactly(Criterion.values());
        assertThat(b.limit(Criterion.MAX_CPU).orElseThrow().critical().orElseThrow().in("cores").getAsDouble()).isEqualTo(1.5);
        assertThat(b.limit(Criterion.MAX_RSS_REGRESSION).orElseThrow().critical().orElseThrow().value()).isEqualTo(0.1);
        assertThat(b.limit(Criterion.MIN_PASS_RATE).orElseThrow().critical().orElseThrow().value()).isEqualTo(1.0);
        assertThat(b.name()).isEqualTo("all of them");
        assertThat(b.baseline()).isEqualTo("1.0.0");
        assertThat(b.where().toString()).isEqualTo("b.yaml:1:3");
    }

    @Test
    void errorsNameFileLineAndColumn() {
        fails("- pattern: x\n  max_p9: 3\n", "b.yaml:2:3: unknown field 'max_p9' (expected name, pattern, baseline or a criterion: "
                + "max_mean, max_p99, min_throughput, max_allocation_per_op, max_rss, max_cpu, max_regression, "
                + "max_rss_regression, min_pass_rate, min_achieved_rate)");
        fails("- pattern: x\n  max_p99: 2 parsecs\n", "b.yaml:2:12: max_p99: unknown unit 'parsecs' in '2 parsecs' "
                + "(times ns us ms s; sizes B kB MB GB KiB MiB GiB; rates MB/s, ops/s, req/s; %; cores)");
        fails("- pattern: x\n  max_rss: 2ms\n", "b.yaml:2:12: max_rss: '2ms' is a time (ns, us, ms, s); max_rss takes "
                + "a size (B, kB, MB, KiB, MiB …) or a plain number, e.g. 512MB");
        fails("- pattern: x\n  max_p99: {target: 2ms, critical: 1ms}\n",
                "b.yaml:2:36: max_p99: critical (1ms) must be at or above the target (2ms)");
        fails("- pattern: x\n  max_p99: {goal: 2ms}\n", "b.yaml:2:13: unknown level 'goal' of max_p99 (expected target, critical)");
        fails("- pattern: '('\n  max_p99: 2ms\n", "b.yaml:1:12: 'pattern' is not a valid regular expression: Unclosed group");
        fails("- max_p99: 2ms\n", "b.yaml:1:3: budget without 'pattern' (a regular expression found in the case key)");
        fails("- pattern: x\n", "b.yaml:1:3: budget 'x' sets no limit (max_mean, max_p99, min_throughput, "
                + "max_allocation_per_op, max_rss, max_cpu, max_regression, max_rss_regression, min_pass_rate, min_achieved_rate)");
        fails("- pattern: x\n  min_pass_rate: 120%\n", "b.yaml:2:18: min_pass_rate: a share is at most 100%, got 120%");
        fails("- pattern: x\n  min_achieved_rate: 120%\n", "b.yaml:2:22: min_achieved_rate: a share is at most 100%, got 120%");
        fails("- pattern: x\n  max_p99: 1ms\n  maxP99: 2ms\n", "b.yaml:3:3: 'max_p99' given twice (as max_p99 and maxP99)");
        fails("pattern: [x\n", "b.yaml:2:1: not valid YAML (while parsing a flow sequence: expected ',' or ']', but got <stream end>)");
    }

    @Test
    void minAchievedRateIsARateOrAShareOfTheTarget() {
        for (String rate : List.of("900 req/s", "900/s", "0.9k req/s", "900 ops/s", "54k req/min")) {
            Quantity q = parse("{pattern: x, min_achieved_rate: " + rate + "}").get(0)
                    .limit(Criterion.MIN_ACHIEVED_RATE).orElseThrow().critical().orElseThrow();
            assertThat(q.dimension()).as(rate).isEqualTo(Quantity.Dimension.OP_RATE);
            assertThat(q.in("req/s").getAsDouble()).as(rate).isCloseTo(900.0, org.assertj.core.api.Assertions.within(1e-9));
        }
        Limit share = parse("{pattern: x, minAchievedRate: {target: 95%, critical: 80%}}").get(0)
                .limit(Criterion.MIN_ACHIEVED_RATE).orElseThrow();
        assertThat(share.target().orElseThrow().value()).isCloseTo(0.95, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(share.critical().orElseThrow().dimension()).isEqualTo(Quantity.Dimension.FRACTION);
        assertThat(parse("{pattern: x, min_achieved_rate: 900}").get(0).limit(Criterion.MIN_ACHIEVED_RATE).orElseThrow()
                .critical().orElseThrow().dimension()).as("a plain number is in the case's unit (req/s)").isEqualTo(Quantity.Dimension.NUMBER);
        fails("- pattern: x\n  min_achieved_rate: 2ms\n", "b.yaml:2:22: min_achieved_rate: '2ms' is a time (ns, us, ms, s); "
                + "min_achieved_rate takes an operation rate (ops/s, req/s, /s …) or a percentage (5%) or a plain number, "
                + "e.g. 900 req/s or 95% (of the target rate)");
        fails("- pattern: x\n  min_achieved_rate: {target: 95%, critical: 900 req/s}\n",
                "b.yaml:2:22: min_achieved_rate: target and critical are in different units");
        fails("- pattern: x\n  min_achieved_rate: {target: 900 req/s, critical: 950 req/s}\n",
                "b.yaml:2:52: min_achieved_rate: critical (950 req/s) must be at or below the target (900 req/s)");
    }
}

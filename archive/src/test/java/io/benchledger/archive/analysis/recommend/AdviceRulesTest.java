package io.benchledger.archive.analysis.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.benchledger.archive.BadInputException;
import io.benchledger.archive.analysis.budget.Criterion;
import io.benchledger.archive.analysis.budget.Limit;
import org.junit.jupiter.api.Test;

class AdviceRulesTest {
    private static AdviceRules parse(String yaml) {
        return AdviceRules.parse("s.yaml", yaml);
    }

    @Test
    void domainRulesInUnitsBecomeOneLevelBudgets() {
        AdviceRules r = parse(String.join("\n",
                "thresholds: {max_cv: 3%, tailRatio: 8, allocation_high: 2KiB, efficiency: 0.6}",
                "rules:",
                "  - {name: key generation, pattern: KeyGen, when: mean > 10 ms, priority: high, advice: pre-generate}",
                "  - {pattern: 'AesGcm.*size=1048576', when: throughput < 100MB/s, priority: critical}",
                "  - {name: scaling, pattern: Service, when: efficiency < 0.7, priority: medium}"));
        assertThat(r.thresholds().maxCv()).isCloseTo(0.03, within(1e-15));
        assertThat(r.thresholds().tailRatio()).isEqualTo(8.0);
        assertThat(r.thresholds().allocationHigh()).isEqualTo(2048.0);
        assertThat(r.thresholds().efficiency()).isEqualTo(0.6);
        assertThat(r.thresholds().targetPrecision()).as("not given: the default").isEqualTo(Thresholds.TARGET_PRECISION);
        AdviceRules.DomainRule keys = r.rules().get(0);
        Limit l = keys.budget().limits().get(0);
        assertThat(l.criterion()).isEqualTo(Criterion.MAX_MEAN);
        assertThat(l.critical().orElseThrow().in("us/op").getAsDouble()).isCloseTo(10_000, within(1e-9));
        assertThat(keys.priority()).isEqualTo(Priority.HIGH);
        AdviceRules.DomainRule aes = r.rules().get(1);
        assertThat(aes.name()).as("no name: the condition").isEqualTo("throughput < 100MB/s");
        assertThat(aes.budget().limits().get(0).critical().orElseThrow().in("B/s").getAsDouble()).isEqualTo(1e8);
        assertThat(aes.priority()).isEqualTo(Priority.CRITICAL);
        AdviceRules.DomainRule scaling = r.rules().get(2);
        assertThat(scaling.budget()).isNull();
        assertThat(scaling.efficiency()).isEqualTo(0.7);
    }

    @Test
    void errorsNameTheLineAndColumn() {
        assertThatThrownBy(() -> parse("rules:\n  - {pattern: x, when: mean >> 2ms}\n")).isInstanceOf(BadInputException.class)
                .hasMessage("s.yaml:2:24: max_mean: expected a number with an optional unit (200us, 64MB, 100MB/s, 10k ops/s, 5%), got '> 2ms'");
        assertThatThrownBy(() -> parse("rules:\n  - {pattern: x, when: 'mean is slow'}\n"))
                .hasMessageStartingWith("s.yaml:2:24: when: expected 'MEASURE > VALUE' or 'MEASURE < VALUE'");
        assertThatThrownBy(() -> parse("rules:\n  - {pattern: x, when: mean < 2ms}\n"))
                .hasMessage("s.yaml:2:24: when: mean is judged with '>'");
        assertThatThrownBy(() -> parse("rules:\n  - {pattern: x, when: speed > 2ms}\n"))
                .hasMessageStartingWith("s.yaml:2:24: when: unknown measure 'speed'");
        assertThatThrownBy(() -> parse("rules:\n  - {pattern: x, when: mean > 2MB}\n"))
                .hasMessageStartingWith("s.yaml:2:24: max_mean: '2MB' is a size");
        assertThatThrownBy(() -> parse("rules:\n  - {pattern: x, when: mean > 2ms, priority: urgent}\n"))
                .hasMessage("s.yaml:2:46: priority: expected critical, high, medium or low");
        assertThatThrownBy(() -> parse("thresholds: {tail: 5}\n"))
                .hasMessageStartingWith("s.yaml:1:14: unknown threshold 'tail'");
    }
}

package io.benchledger.collector.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.benchledger.archive.BadInputException;
import io.benchledger.collector.load.WorkloadSpec;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class WorkloadsSectionTest {
    private static final String GOOD = """
            workloads:
              shop:
                class: com.example.Shop
                params: {items: 10}
                operations:
                  browse:
                    weight: 9
                    stages: [fetch, render]
                  buy:
                    weight: 1
                    stages:
                      - fetch
                      - {name: pay, probability: 0.5}
                rates: [100, 250.5]
                concurrency: 4
                warmup: 0s
                duration: 3s
                timeout: 200ms
                nightly: true
              ramp:
                class: com.example.Shop
                operations:
                  browse: {stages: [fetch]}
                steps:
                  - {rate: 10, for: 2s}
                  - {rate: 20, for: 1s}
                sweep: {from: 100, to: 800, maxP99: 50ms}
            """;

    private static WorkloadsSection parse(String yaml) throws IOException {
        return WorkloadsSection.parse("w.yaml", new StringReader(yaml));
    }

    @Test
    void readsOperationsStagesRatesAndTimes() throws IOException {
        WorkloadsSection s = parse(GOOD);
        WorkloadSpec shop = s.workloads().get("shop");
        assertThat(shop.className()).isEqualTo("com.example.Shop");
        assertThat(shop.params()).containsEntry("items", "10");
        assertThat(shop.operations()).extracting(WorkloadSpec.Operation::name, WorkloadSpec.Operation::weight)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("browse", 9.0), org.assertj.core.groups.Tuple.tuple("buy", 1.0));
        assertThat(shop.operations().get(1).stages()).containsExactly(new WorkloadSpec.StageRef("fetch", 1),
                new WorkloadSpec.StageRef("pay", 0.5));
        assertThat(shop.plans()).extracting(WorkloadSpec.RatePlan::label).containsExactly("100", "250.5");
        assertThat(shop.concurrency()).isEqualTo(4);
        assertThat(shop.warmupMillis()).isZero();
        assertThat(shop.durationMillis()).isEqualTo(3_000);
        assertThat(shop.timeoutMillis()).isEqualTo(200);
        assertThat(shop.nightly()).isTrue();
        assertThat(shop.location()).isEqualTo("w.yaml:3:5");

        WorkloadSpec ramp = s.workloads().get("ramp");
        assertThat(ramp.plans()).hasSize(1);
        assertThat(ramp.plans().get(0).label()).isEqualTo("10-20");
        assertThat(ramp.plans().get(0).measuredMillis(ramp.durationMillis())).isEqualTo(3_000);
        assertThat(ramp.sweep().orElseThrow().rates()).containsExactly(100.0, 200.0, 400.0, 800.0);
        assertThat(ramp.sweep().get().maxP99Millis()).isEqualTo(50);
        assertThat(s.select(List.of("ramp"))).containsExactly(ramp);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // what is wrong | the replacement | the one error, located
            "weight: 9 | weight: 0 | w.yaml:7:17: workloads.shop.operations.browse.weight: expected a weight above 0, got 0",
            "weight: 9 | weight: -2 | w.yaml:7:17: workloads.shop.operations.browse.weight: expected a weight above 0, got -2",
            "rates: [100, 250.5] | rates: [100, 0] | w.yaml:14:18: workloads.shop.rates[1]: expected a rate above 0 and at most 1000000 requests per second, got 0",
            "stages: [fetch, render] | stage: [fetch] | w.yaml:8:9: workloads.shop.operations.browse.stage: unknown field (expected one of weight, stages)",
            "stages: [fetch, render] | stages: [] | w.yaml:8:17: workloads.shop.operations.browse.stages: expected at least one stage",
            "probability: 0.5 | probability: 1.5 | w.yaml:13:38: workloads.shop.operations.buy.stages[1].probability: expected a probability above 0 and at most 1, got 1.5",
            "duration: 3s | duration: 3 parsecs | w.yaml:17:15: workloads.shop.duration: expected a duration such as 500ms, 10s or 2m, got \"3 parsecs\"",
            "rates: [100, 250.5] | rate: fast | w.yaml:14:11: workloads.shop.rate: expected a number, got \"fast\"",
            "maxP99: 50ms | maxP99: 0ms | w.yaml:27:41: workloads.ramp.sweep.maxP99: expected a duration above 0, got \"0ms\"",
    })
    void aBadDefinitionIsOneLocatedError(String from, String to, String message) {
        String yaml = GOOD.replace(from, to);
        assertThat(yaml).isNotEqualTo(GOOD);
        assertThatThrownBy(() -> parse(yaml)).isInstanceOf(BadInputException.class).hasMessage(message);
    }

    @Test
    void anOperationWithoutStagesIsAnError() {
        String yaml = GOOD.replace("        stages: [fetch, render]\n", "");
        assertThatThrownBy(() -> parse(yaml)).hasMessage("w.yaml:7:9: workloads.shop.operations.browse: missing field"
                + " 'stages' (the stages an operation runs, in order)");
    }

    @Test
    void aRateIsRequired() {
        String yaml = GOOD.replace("    rates: [100, 250.5]\n", "");
        assertThatThrownBy(() -> parse(yaml)).hasMessage(
                "w.yaml:3:5: workloads.shop: missing the target rate (give rate, rates, steps or sweep)");
    }

    @Test
    void anUnknownStageIsNamedWhereItIsWritten() throws IOException {
        WorkloadsSection s = parse(GOOD);
        assertThatThrownBy(() -> s.checkStages(s.workloads().get("shop"), Set.of("fetch", "pay")))
                .isInstanceOf(BadInputException.class)
                .hasMessage("w.yaml:8:25: workloads.shop.operations.browse.stages[1]: unknown stage 'render':"
                        + " com.example.Shop provides fetch, pay");
        s.checkStages(s.workloads().get("shop"), Set.of("fetch", "pay", "render"));
    }

    @Test
    void anUnknownWorkloadIsAnError() throws IOException {
        assertThatThrownBy(() -> parse(GOOD).select(List.of("shopp")))
                .hasMessage("w.yaml: no workload 'shopp' (workloads: shop, ramp)");
    }

    @Test
    void theShippedConfigurationParses() throws IOException {
        WorkloadsSection s = WorkloadsSection.loadDefault();
        assertThat(s.workloads()).containsKeys("transactions", "transactions-sweep", "pipeline");
        assertThat(s.workloads().get("transactions").operations().get(0).stages()).containsExactly(
                new WorkloadSpec.StageRef("verify", 0.8), new WorkloadSpec.StageRef("compute", 0.3),
                new WorkloadSpec.StageRef("write", 1));
        SuiteConfig.loadDefault(); // the suite configuration accepts the section
    }
}

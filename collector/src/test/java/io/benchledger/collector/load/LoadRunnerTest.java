package io.benchledger.collector.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.benchledger.archive.BadInputException;
import io.benchledger.archive.model.Result;
import io.benchledger.collector.run.Collector;
import io.benchledger.collector.run.ProcessSampler;
import io.benchledger.collector.run.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The load harness end to end: forked JVMs, a sweep, the committed run; and a bad workload leaving the archive alone. */
class LoadRunnerTest {
    private static final String CONFIG = """
            workloads:
              sleepy:
                class: io.benchledger.collector.load.SleepWorkload
                params: {serviceMillis: 10}
                operations:
                  call:
                    stages: [serve]
                sweep: {from: 40, to: 160, factor: 2, maxP99: 250ms}
                concurrency: 1
                warmup: 200ms
                duration: 1500ms
                timeout: 5s
            """;

    @Test
    void sweepsToTheSaturationPointAndCommitsCases(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("w.yaml");
        Files.writeString(config, CONFIG);
        Path archive = dir.resolve("archive");
        List<String> lines = new ArrayList<>();
        LoadResult r = new LoadRunner(Progress.none(), lines::add).run(LoadOptions.builder(archive).config(config).build());

        Map<String, List<Result>> byCase = r.record().results().stream().collect(Collectors.groupingBy(Result::caseKey));
        // one sleep of 10 ms serves at most ~100 req/s: 40 and 80 hold a 250 ms p99 (with room for a loaded machine), 160 does not: its queue grows by 0.6 s a second
        assertThat(byCase).containsKeys("workload.sleepy[rate=40,sweep=250ms]", "workload.sleepy[rate=80,sweep=250ms]",
                "workload.sleepy[rate=160,sweep=250ms]", "workload.sleepy.saturation[max_p99=250ms]");
        Result saturation = byCase.get("workload.sleepy.saturation[max_p99=250ms]").get(0);
        assertThat(saturation.score()).isEqualTo(80);
        assertThat(saturation.higherIsBetter()).isTrue();

        List<Result> over = byCase.get("workload.sleepy[rate=160,sweep=250ms]");
        assertThat(metric(over, LoadResults.TARGET_RATE).score()).isBetween(150.0, 170.0);
        assertThat(metric(over, LoadResults.ACHIEVED_RATE).score()).isLessThan(120);
        Result latency = metric(over, Result.PRIMARY);
        assertThat(latency.unit()).isEqualTo("ms");
        assertThat(latency.percentiles().orElseThrow().p99()).isGreaterThan(250);
        assertThat(metric(over, LoadResults.STAGE_PREFIX + "serve").percentiles().orElseThrow().p50()).isBetween(9.0, 30.0);
        assertThat(metric(over, LoadResults.ERROR_RATE).score()).isZero();
        if (ProcessSampler.supported()) {
            assertThat(metric(over, Collector.RSS_PEAK).score()).isGreaterThan(10e6);
        }
        assertThat(r.record().samples()).anyMatch(s -> s.caseKey().equals(latency.caseKey()) && s.metric().equals(Result.PRIMARY));
        assertThat(r.record().run().harness()).isEqualTo("load");
        assertThat(r.record().run().cpuCount()).isPositive();
        try (Stream<Path> runs = Files.walk(archive.resolve("runs"))) {
            assertThat(runs.filter(p -> p.toString().endsWith(".parquet"))).hasSize(1);
        }
        assertThat(lines).anyMatch(l -> l.contains("saturation point 80 req/s"));
    }

    @Test
    void anUnknownStageStopsBeforeAnythingRuns(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("w.yaml");
        Files.writeString(config, CONFIG.replace("stages: [serve]", "stages: [serve, server]"));
        Path archive = dir.resolve("archive");
        assertThatThrownBy(() -> new LoadRunner(Progress.none(), l -> { }).run(LoadOptions.builder(archive).config(config).build()))
                .isInstanceOf(BadInputException.class)
                .hasMessage(config + ":7:25: workloads.sleepy.operations.call.stages[1]: unknown stage 'server':"
                        + " io.benchledger.collector.load.SleepWorkload provides fail, serve");
        assertThat(archive).doesNotExist();
    }

    private static Result metric(List<Result> rs, String metric) {
        return rs.stream().filter(r -> r.metric().equals(metric)).findFirst().orElseThrow();
    }
}

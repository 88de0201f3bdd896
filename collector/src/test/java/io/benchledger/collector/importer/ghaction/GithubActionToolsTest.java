package io.benchledger.collector.importer.ghaction;

import static org.assertj.core.api.Assertions.assertThat;

import io.benchledger.archive.model.Mode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The units each tool of github-action-benchmark writes, and the direction they mean. */
class GithubActionToolsTest {
    @Test
    void directionFromTheUnitElseFromTheTool() {
        assertThat(GithubActionBenchmarkImporter.Tools.higherIsBetter("jmh", "ops/ms")).isTrue();
        assertThat(GithubActionBenchmarkImporter.Tools.higherIsBetter("jmh", "us/op")).isFalse();
        assertThat(GithubActionBenchmarkImporter.Tools.higherIsBetter("pytest", "iter/sec")).isTrue();
        assertThat(GithubActionBenchmarkImporter.Tools.higherIsBetter("benchmarkjs", "ops/sec")).isTrue();
        assertThat(GithubActionBenchmarkImporter.Tools.higherIsBetter("cargo", "ns/iter")).isFalse();
        assertThat(GithubActionBenchmarkImporter.Tools.higherIsBetter("googlecpp", "ns/iter")).isFalse();
        assertThat(GithubActionBenchmarkImporter.Tools.higherIsBetter("go", "allocs/op")).isFalse();
        assertThat(GithubActionBenchmarkImporter.Tools.higherIsBetter("benchmarkdotnet", "ns")).isFalse();
        assertThat(GithubActionBenchmarkImporter.Tools.higherIsBetter("catch2", "us")).isFalse();
        // custom tools say it themselves, whatever the unit
        assertThat(GithubActionBenchmarkImporter.Tools.higherIsBetter("customBiggerIsBetter", "Percent")).isTrue();
        assertThat(GithubActionBenchmarkImporter.Tools.higherIsBetter("customSmallerIsBetter", "ops/s")).isFalse();
        assertThat(GithubActionBenchmarkImporter.Tools.harness("googlecpp")).isEqualTo("gbench");
    }

    @Test
    void jmhNamesCarryParametersAndExtraCarriesThreads() {
        var b = GithubActionBenchmarkImporter.jmh(
                "io.opentelemetry.sdk.trace.export.MultiSpanExporterBenchmark.export ( {\"exporterCount\":\"1\",\"spanCount\":\"1000\"} )",
                "ops/ms", "iterations: 10\nforks: 1\nthreads: 2");
        assertThat(b.benchmark()).isEqualTo("io.opentelemetry.sdk.trace.export.MultiSpanExporterBenchmark.export");
        assertThat(b.params()).isEqualTo(Map.of("exporterCount", "1", "spanCount", "1000"));
        assertThat(b.mode()).isEqualTo(Mode.THROUGHPUT);
        assertThat(b.threads()).isEqualTo(2);
        // a name that only looks like it carries JSON stays whole
        var odd = GithubActionBenchmarkImporter.jmh("bench ( {not json} )", "ms/op", "");
        assertThat(odd.benchmark()).isEqualTo("bench ( {not json} )");
        assertThat(odd.mode()).isEqualTo(Mode.VALUE);
    }
}

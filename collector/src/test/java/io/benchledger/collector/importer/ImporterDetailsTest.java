package io.benchledger.collector.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.benchledger.archive.BadInputException;
import io.benchledger.archive.model.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rules of the importers that the fixtures alone do not pin down. */
class ImporterDetailsTest {
    @TempDir
    Path tmp;

    @Test
    void directionFollowsTheUnit() {
        assertThat(Direction.fromUnit("ops/ms")).contains(true);
        assertThat(Direction.fromUnit("iter/sec")).contains(true);
        assertThat(Direction.fromUnit("MB/s")).contains(true);
        assertThat(Direction.fromUnit("ns/op")).contains(false);
        assertThat(Direction.fromUnit("ns/iter")).contains(false);
        assertThat(Direction.fromUnit("B/op")).contains(false);
        assertThat(Direction.fromUnit("allocs/op")).contains(false);
        assertThat(Direction.fromUnit("s")).contains(false);
        assertThat(Direction.fromUnit("Percent")).isEmpty();
        assertThat(Direction.fromUnit("text-bytes")).isEmpty();
    }

    @Test
    void quantilesAreTypeSeven() {
        // NumPy: np.percentile([1, 2, 3, 4], 90) == 3.7 (linear interpolation)
        assertThat(io.benchledger.archive.stats.Centre.quantile(new double[] {1, 2, 3, 4}, 0.9)).isEqualTo(3.7, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(io.benchledger.archive.stats.Centre.quantile(new double[] {1, 2, 3, 4}, 0.5)).isEqualTo(2.5);
        assertThat(io.benchledger.archive.stats.Centre.quantile(new double[] {7}, 0.99)).isEqualTo(7.0);
    }

    @Test
    void criterionBaselinesThatDifferAreTwoRuns() throws Exception {
        // a tree where base/ holds the "slow" measurement and new/ the "fast" one of the same fixture
        Path src = Imported.resource("criterion/dougch__criterion_gettingstarted/target/criterion");
        Path root = tmp.resolve("criterion");
        Path bench = root.resolve("fib 20");
        for (String baseline : List.of("base", "new")) {
            Path from = src.resolve(baseline.equals("base") ? "fib 20 - slow" : "fib 20 - fast").resolve(baseline);
            Files.createDirectories(bench.resolve(baseline));
            try (Stream<Path> s = Files.list(from)) {
                for (Path f : s.toList()) {
                    Files.copy(f, bench.resolve(baseline).resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        try (Imported i = new Imported(tmp.resolve("archive")).importPaths(root)) {
            assertThat(i.sql("SELECT variant, score FROM results JOIN runs USING (run_id) ORDER BY started_at, variant").rows())
                    .extracting(r -> r.get(0)).containsExactlyInAnyOrder("base", "new");
            // the slopes of the two estimates.json files
            assertThat(i.number("SELECT score FROM results JOIN runs USING (run_id) WHERE variant = 'new'")).isEqualTo(4.87280730269562);
            assertThat(i.number("SELECT score FROM results JOIN runs USING (run_id) WHERE variant = 'base'"))
                    .isEqualTo(slope(src.resolve("fib 20 - slow/base/estimates.json")));
        }
    }

    private static double slope(Path estimates) throws Exception {
        return Json.parse("e", Files.readAllBytes(estimates)).object("slope").number("point_estimate");
    }

    @Test
    void githubActionHistoryThatGrewAddsOnlyItsNewEntries() throws Exception {
        Path full = Imported.resource("gh-action-benchmark/open-telemetry__opentelemetry-java/2023-09_to_2026-01/data.js");
        String text = Files.readString(full);
        // the same history cut after its 1,000th entry: what the file held some months earlier
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var doc = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(text.substring(text.indexOf('{')));
        var entries = (com.fasterxml.jackson.databind.node.ArrayNode) doc.get("entries").get("Benchmark");
        while (entries.size() > 1000) {
            entries.remove(entries.size() - 1);
        }
        Path older = tmp.resolve("older.json");
        mapper.writeValue(older.toFile(), doc);
        try (Imported i = new Imported(tmp.resolve("archive")).importPaths(older)) {
            assertThat(i.outcome.added()).hasSize(1000);
            i.importPaths(full);
            assertThat(i.outcome.added()).hasSize(384);
            assertThat(i.outcome.alreadyPresent()).hasSize(1000);
        }
    }

    @Test
    void formatInOverridesDetectionAndUnknownFormatsAreNamed() throws Exception {
        Path gbench = Imported.resource("google-benchmark/benchmark-action__github-action-benchmark/test/data/extract/googlecpp_output.json");
        assertThatThrownBy(() -> new SourceReader(Importers.all(), Optional.of("nope"),
                new SourceReader.Flags("", "", "", Optional.empty(), "t"), w -> { }))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith("--format-in nope: unknown format (known: jmh, github-action-benchmark");
        SourceReader asPytest = new SourceReader(Importers.all(), Optional.of("pytest-benchmark"),
                new SourceReader.Flags("", "", "", Optional.empty(), "t"), w -> { });
        assertThatThrownBy(() -> asPytest.read(new Sources.Source(gbench, false, true)))
                .isInstanceOf(BadInputException.class)
                .hasMessage(gbench + ": $: missing field 'machine_info'");
        List<RunRecord> runs = new SourceReader(Importers.all(), Optional.of("google-benchmark"),
                new SourceReader.Flags("", "", "", Optional.empty(), "t"), w -> { })
                .read(new Sources.Source(gbench, false, true)).orElseThrow().runs();
        assertThat(runs).hasSize(1);
    }

    @Test
    void outputsThatAreNotResultsAreRejectedByName() throws Exception {
        SourceReader reader = new SourceReader(Importers.all(), Optional.empty(),
                new SourceReader.Flags("", "", "", Optional.empty(), "t"), w -> { });
        // benchstat's comparison table, Criterion's and asv's terminal output
        for (String f : List.of("go-bench/golang__perf/cmd/benchstat/testdata/crcOldNew.stdout",
                "criterion/bencherdev__bencher/lib/bencher_adapter/tool_output/rust/criterion/many.txt",
                "asv/bencherdev__bencher/lib/bencher_adapter/tool_output/python/asv/six.txt")) {
            Path p = Imported.resource(f);
            assertThatThrownBy(() -> reader.read(new Sources.Source(p, false, true)))
                    .isInstanceOf(BadInputException.class)
                    .hasMessageStartingWith(p + ": not a result format benchledger imports (known formats: ");
            // found in a folder, such text files are ignored rather than bad
            assertThat(reader.read(new Sources.Source(p, false, false))).isEmpty();
        }
        Path part = Imported.resource("criterion/dougch__criterion_gettingstarted/target/criterion/fib 20 - fast/new/sample.json");
        assertThatThrownBy(() -> reader.read(new Sources.Source(part, false, true)))
                .isInstanceOf(BadInputException.class)
                .hasMessage(part + ": part of a Criterion results folder; import the folder (target/criterion) instead");
    }
}

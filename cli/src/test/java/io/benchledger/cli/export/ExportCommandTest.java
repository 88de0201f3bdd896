package io.benchledger.cli.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.benchledger.archive.model.Mode;
import io.benchledger.archive.model.Result;
import io.benchledger.archive.model.Run;
import io.benchledger.archive.model.RunRecord;
import io.benchledger.archive.model.Sample;
import io.benchledger.archive.store.Archive;
import io.benchledger.archive.store.RunIds;
import io.benchledger.archive.testing.TestRuns;
import io.benchledger.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {
    @TempDir
    static Path dir;
    static Path archive;
    static String awkwardRun;
    static String latestRun;

    /** A run of version 1.1.0 with a primary score, bytes per operation, peak RSS and CPU of one case. */
    private static RunRecord measured(String runId) {
        Instant t = Instant.parse("2026-04-01T00:00:00Z");
        Run run = Run.builder(runId, t).finishedAt(t.plusSeconds(9)).project("proj").version("1.1.0").suite("crypto")
                .commit("feedbeef").build();
        TreeMap<String, String> params = new TreeMap<>(Map.of("size", "1024", "algo", "AES/GCM"));
        Result primary = new Result(runId, null, "org.example.Aes.encrypt", params, Mode.THROUGHPUT, Result.PRIMARY, "ops/s",
                true, 4, 2, 1, "1 s", 3, "1 s", 12345.5, 67.25, 12278.25, 12412.75, 6, Optional.empty(), "");
        Result alloc = new Result(runId, null, "org.example.Aes.encrypt", params, Mode.THROUGHPUT, "gc.alloc.rate.norm", "B/op",
                false, 4, 2, 1, "1 s", 3, "1 s", 1096.0, Double.NaN, Double.NaN, Double.NaN, 6, Optional.empty(), "");
        Result rss = new Result(runId, null, "org.example.Aes.encrypt", params, Mode.THROUGHPUT, "proc.rss.peak", "B",
                false, 4, 2, 1, "1 s", 3, "1 s", 123_456_789.0, Double.NaN, Double.NaN, Double.NaN, 2, Optional.empty(), "");
        Result cpu = new Result(runId, null, "org.example.Aes.encrypt", params, Mode.THROUGHPUT, "proc.cpu.util", "cores",
                false, 4, 2, 1, "1 s", 3, "1 s", 3.5, Double.NaN, Double.NaN, Double.NaN, 2, Optional.empty(), "");
        return new RunRecord(run, List.of(primary, alloc, rss, cpu),
                List.of(new Sample(runId, primary.caseKey(), Result.PRIMARY, 0, 0, 12345.5, 1)));
    }

    @BeforeAll
    static void archive() throws Exception {
        archive = dir.resolve("archive");
        Archive a = Archive.open(archive);
        awkwardRun = RunIds.next();
        a.commit(TestRuns.awkward(awkwardRun));
        latestRun = RunIds.next();
        a.commit(measured(latestRun));
    }

    private static List<OpenMetricsGrammar.Sample> named(List<OpenMetricsGrammar.Sample> all, String name) {
        return all.stream().filter(s -> s.name().equals(name)).toList();
    }

    @Test
    void theLatestRunInOpenMetricsWithEveryMeasurementAndItsLabels() throws Exception {
        CliRun r = CliRun.of("export", "--archive", archive.toString(), "--project", "proj");
        assertThat(r.exit()).as(r.err()).isZero();
        List<OpenMetricsGrammar.Sample> samples = OpenMetricsGrammar.parse(r.out());
        Map<String, String> labels = Map.of("benchmark", "org.example.Aes.encrypt", "params", "algo=AES/GCM,size=1024",
                "mode", "thrpt", "threads", "4", "project", "proj", "version", "1.1.0");
        List<OpenMetricsGrammar.Sample> score = named(samples, "benchledger_score");
        assertThat(score).hasSize(1);
        assertThat(score.get(0).labels()).containsAllEntriesOf(labels).containsEntry("unit", "ops/s").hasSize(7);
        assertThat(score.get(0).value()).isEqualTo(12345.5);
        assertThat(named(samples, "benchledger_score_error").get(0).value()).isEqualTo(67.25);
        assertThat(named(samples, "benchledger_allocation_per_op_bytes").get(0)).isEqualTo(
                new OpenMetricsGrammar.Sample("benchledger_allocation_per_op_bytes", named(samples,
                        "benchledger_allocation_per_op_bytes").get(0).labels(), 1096.0));
        assertThat(named(samples, "benchledger_allocation_per_op_bytes").get(0).labels()).isEqualTo(labels);
        assertThat(named(samples, "benchledger_process_rss_peak_bytes").get(0).value()).isEqualTo(123_456_789.0);
        assertThat(named(samples, "benchledger_process_cpu_cores").get(0).value()).isEqualTo(3.5);
        assertThat(named(samples, "benchledger_run_info").get(0).labels()).containsEntry("run_id", latestRun)
                .containsEntry("commit", "feedbeef").containsEntry("suite", "crypto");
        assertThat(named(samples, "benchledger_run_start_time_seconds").get(0).value())
                .isEqualTo(Instant.parse("2026-04-01T00:00:00Z").getEpochSecond());
        assertThat(r.out()).contains("# UNIT benchledger_allocation_per_op_bytes bytes\n")
                .contains("# TYPE benchledger_score gauge\n").doesNotContain("NaN").endsWith("# EOF\n");
        // no sample has a timestamp: the textfile collector and the Pushgateway refuse them
        assertThat(r.out().lines().filter(l -> !l.startsWith("#")).allMatch(l -> l.split("} ")[1].split(" ").length == 1)).isTrue();
    }

    @Test
    void awkwardNamesAreEscapedPercentilesCarriedAndNaNLeftOut() throws Exception {
        CliRun r = CliRun.of("export", "--archive", archive.toString(), "--project", "proj", "--run", "1.0.0");
        assertThat(r.exit()).as(r.err()).isZero();
        List<OpenMetricsGrammar.Sample> samples = OpenMetricsGrammar.parse(r.out());
        // the NaN score of bench.Ünïcode名前 and the failed case are left out, not written as NaN
        assertThat(named(samples, "benchledger_score")).extracting(s -> s.labels().get("benchmark")).containsExactly("bench.Sample");
        List<OpenMetricsGrammar.Sample> pct = named(samples, "benchledger_score_percentile");
        assertThat(pct).extracting(s -> s.labels().get("percentile") + "=" + s.value())
                .containsExactlyInAnyOrder("50=0.3", "90=0.9", "99=0.99", "99.9=0.999");
        assertThat(pct.get(0).labels()).containsEntry("unit", "us/op").containsEntry("mode", "sample");
        assertThat(named(samples, "benchledger_allocation_per_op_bytes").get(0).value()).isEqualTo(24.0);
        assertThat(named(samples, "benchledger_run_info").get(0).labels()).containsEntry("run_id", awkwardRun);
    }

    @Test
    void prometheusTextAndAnAtomicFile() throws Exception {
        CliRun p = CliRun.of("export", "--archive", archive.toString(), "--project", "proj", "--format", "prometheus");
        assertThat(p.exit()).as(p.err()).isZero();
        assertThat(p.out()).contains("# TYPE benchledger_score gauge\n").doesNotContain("# EOF").doesNotContain("# UNIT");
        Path out = dir.resolve("textfile/benchledger.prom");
        CliRun f = CliRun.of("export", "--archive", archive.toString(), "--project", "proj", "--out", out.toString());
        assertThat(f.exit()).as(f.err()).isZero();
        assertThat(f.err()).isEqualTo("benchledger: wrote 7 metric families to " + out + "\n");
        assertThat(Files.readString(out)).isEqualTo(CliRun.of("export", "--archive", archive.toString(), "--project", "proj").out());
        try (Stream<Path> files = Files.list(out.getParent())) {
            assertThat(files).containsExactly(out);
        }
    }

    @Test
    void badInputIsOneLineAndExitTwoAndTheArchiveIsUntouched() throws Exception {
        List<String> before = listing(archive);
        CliRun noRun = CliRun.of("export", "--archive", archive.toString(), "--project", "proj", "--run", "9.9.9");
        assertThat(noRun.exit()).isEqualTo(2);
        assertThat(noRun.err().lines()).hasSize(1);
        assertThat(noRun.err()).startsWith("benchledger: ").contains("9.9.9");
        CliRun noProject = CliRun.of("export", "--archive", archive.toString(), "--project", "nope");
        assertThat(noProject.exit()).isEqualTo(2);
        assertThat(noProject.err().lines()).hasSize(1);
        CliRun badFormat = CliRun.of("export", "--archive", archive.toString(), "--format", "xml");
        assertThat(badFormat.exit()).isEqualTo(2);
        assertThat(listing(archive)).isEqualTo(before);
    }

    private static List<String> listing(Path root) throws Exception {
        try (Stream<Path> s = Files.walk(root)) {
            return s.map(p -> root.relativize(p) + (Files.isRegularFile(p) ? ":" + p.toFile().length() : "")).sorted().toList();
        }
    }

    @Test
    void theGrammarCheckRejectsWhatTheSpecificationForbids() {
        String ok = "# TYPE a gauge\na{x=\"1\"} 1\n# EOF\n";
        assertThat(OpenMetricsGrammar.parse(ok)).hasSize(1);
        for (String bad : List.of(
                "# TYPE a gauge\na 1\n",                                  // no EOF
                "# TYPE a gauge\na{x=\"\\t\"} 1\n# EOF\n",                // bad escape
                "# TYPE a gauge\na 1\n# TYPE b gauge\nb 1\na 2\n# EOF\n", // interleaved family
                "# TYPE a gauge\na{x=\"1\"} 1\na{x=\"1\"} 2\n# EOF\n",    // same series twice
                "# TYPE a gauge\n# UNIT a bytes\na 1\n# EOF\n",           // unit without suffix
                "# TYPE a gauge\na 1.0.0\n# EOF\n",                       // not a number
                "# TYPE a gauge\n\na 1\n# EOF\n",                         // empty line
                "# TYPE a gauge\na{x=\"1\",x=\"2\"} 1\n# EOF\n",          // label twice
                "# TYPE a gauge\na{1x=\"1\"} 1\n# EOF\n",                 // bad label name
                "# TYPE a gauge\na  1\n# EOF\n")) {                       // two spaces
            assertThatThrownBy(() -> OpenMetricsGrammar.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}

package io.benchledger.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.benchledger.cli.BenchledgerCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code benchledger import} through the real command line: summaries on stdout, one line per bad
 * source on stderr with exit code 2, and the archive's files unchanged whenever input is bad.
 */
class ImportCommandTest {
    @TempDir
    Path tmp;
    Path archive;
    String out;
    String err;

    @BeforeEach
    void setUp() {
        archive = tmp.resolve("archive");
    }

    static Path resource(String relative) throws URISyntaxException {
        return Path.of(ImportCommandTest.class.getResource("/external/" + relative).toURI());
    }

    static Path hyperfine() throws URISyntaxException {
        return resource("hyperfine/zeroows__1brc/hyperfine.json");
    }

    static Path gbench() throws URISyntaxException {
        return resource("google-benchmark/conbench__conbench/arrow-tensor-conversion-benchmark.extracted.json");
    }

    int run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            return BenchledgerCommand.run(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
            out = o.toString(StandardCharsets.UTF_8);
            err = e.toString(StandardCharsets.UTF_8);
        }
    }

    int importing(String... args) {
        List<String> all = new ArrayList<>(List.of("import", "--archive", archive.toString(), "--time", "2024-05-01T12:00:00Z"));
        all.addAll(List.of(args));
        return run(all.toArray(String[]::new));
    }

    /** Every file of the archive with its size: equal listings mean nothing was written. */
    List<String> listing() throws IOException {
        if (!Files.exists(archive)) {
            return List.of("<no archive>");
        }
        try (Stream<Path> s = Files.walk(archive)) {
            return s.map(p -> archive.relativize(p) + (Files.isRegularFile(p) ? " " + p.toFile().length() : "/")).sorted().toList();
        }
    }

    /** An archive holding one import already, so "unchanged" is checked against real content. */
    List<String> seeded() throws Exception {
        assertThat(importing(hyperfine().toString())).isZero();
        return listing();
    }

    Path write(String name, byte[] bytes) throws IOException {
        Path p = tmp.resolve("in").resolve(name);
        Files.createDirectories(p.getParent());
        Files.write(p, bytes);
        return p;
    }

    void assertOneBadLine(String expected) {
        assertThat(err.lines().toList()).as(err).hasSize(1);
        assertThat(err.strip()).isEqualTo("benchledger: " + expected);
        assertThat(out).isEmpty();
    }

    @Test
    void importsAndSaysSoThenRecognisesTheSameSource() throws Exception {
        assertThat(importing(hyperfine().toString())).isZero();
        assertThat(out.strip()).isEqualTo(hyperfine() + " (hyperfine): 1 run added [project default, version unversioned]");
        assertThat(err).isEmpty(); // --time given: no warning about the file's time
        List<String> before = listing();
        assertThat(importing(hyperfine().toString())).isZero();
        assertThat(out.strip()).isEqualTo(hyperfine() + " (hyperfine): already imported: 1 run [project default, version unversioned]");
        assertThat(listing()).isEqualTo(before);
        assertThat(run("sql", "--archive", archive.toString(), "--format", "csv",
                "SELECT benchmark, sample_count FROM results WHERE metric = 'primary' ORDER BY benchmark")).isZero();
        assertThat(out).contains("cargo run --release --bin 1brc measurements_1000000000.txt,3");
    }

    @Test
    void aCopyImportedWithAnotherTimeIsRecognisedByItsContent() throws Exception {
        assertThat(importing(hyperfine().toString())).isZero();
        List<String> before = listing();
        Path copy = write("copy-of-hyperfine.json", Files.readAllBytes(hyperfine()));
        assertThat(run("import", "--archive", archive.toString(), "--time", "2025-01-01T00:00:00Z", copy.toString())).isZero();
        assertThat(out.strip()).isEqualTo(copy + " (hyperfine): already imported: 1 run (same content)");
        assertThat(listing()).isEqualTo(before);
        // into another project it is a new import
        assertThat(run("import", "--archive", archive.toString(), "--project", "other", copy.toString())).isZero();
        assertThat(out.strip()).isEqualTo(copy + " (hyperfine): 1 run added [project other, version unversioned]");
        assertThat(err).contains("carries no time; using its modification time");
    }

    @Test
    void everyFormatTakesTheSameDefaultsForProjectAndVersion() throws Exception {
        Path jmh = write("jmh-result.json", String.join("\n",
                "[{\"benchmark\": \"org.sample.MyBenchmark.testMethod\", \"mode\": \"thrpt\", \"threads\": 1, \"forks\": 1,",
                "  \"warmupIterations\": 1, \"warmupTime\": \"1 s\", \"measurementIterations\": 2, \"measurementTime\": \"1 s\",",
                "  \"primaryMetric\": {\"score\": 10.5, \"scoreError\": \"NaN\", \"scoreUnit\": \"ops/s\", \"rawData\": [[10.0, 11.0]]},",
                "  \"secondaryMetrics\": {}}]", "").getBytes(StandardCharsets.UTF_8));
        assertThat(importing("--format-in", "jmh", jmh.toString())).as(err).isZero();
        assertThat(out.strip()).isEqualTo(jmh + " (jmh): 1 run added [project default, version unversioned]");
        assertThat(importing(hyperfine().toString())).isZero();
        assertThat(importing(gbench().toString())).isZero();
        assertThat(run("sql", "--archive", archive.toString(), "--format", "csv",
                "SELECT DISTINCT project, version FROM runs")).isZero();
        assertThat(out.lines().skip(1).toList()).containsExactly("default,unversioned");
    }

    @Test
    void sqlWithProjectSeesThatProjectOnly() throws Exception {
        assertThat(importing(hyperfine().toString())).isZero();
        assertThat(importing("--project", "other", gbench().toString())).isZero();
        assertThat(run("sql", "--archive", archive.toString(), "--format", "csv", "SELECT DISTINCT project FROM results ORDER BY 1")).isZero();
        assertThat(out.lines().skip(1).toList()).containsExactly("default", "other");
        assertThat(run("sql", "--archive", archive.toString(), "--project", "other", "--format", "csv",
                "SELECT DISTINCT project FROM results UNION ALL SELECT DISTINCT project FROM runs")).isZero();
        assertThat(out.lines().skip(1).toList()).containsExactly("other", "other");
        assertThat(run("sql", "--archive", archive.toString(), "--project", "nosuch", "--format", "csv",
                "SELECT count(*) AS n FROM samples")).isZero();
        assertThat(out.lines().skip(1).toList()).containsExactly("0");
        // and its help says what happens without the option (not the "default: default" of other commands)
        assertThat(run("sql", "--help")).isZero();
        assertThat(out).containsPattern("--project=NAME +Only this project's rows \\(default: every project's\\)\\.");
    }

    @Test
    void flagsFillWhatTheFileDoesNotCarry() throws Exception {
        assertThat(importing("--project", "onebrc", "--project-version", "1.2.0", "--commit", "b642f019", hyperfine().toString())).isZero();
        assertThat(run("sql", "--archive", archive.toString(), "--format", "csv",
                "SELECT project, version, \"commit\", trigger, harness, source_format, started_at FROM runs")).isZero();
        assertThat(out.lines().skip(1).findFirst().orElseThrow())
                .isEqualTo("onebrc,1.2.0,b642f019,import,hyperfine,hyperfine,2024-05-01T12:00:00Z");
    }

    @Test
    void truncatedJson() throws Exception {
        List<String> before = seeded();
        byte[] whole = Files.readAllBytes(gbench());
        Path cut = write("cut.json", java.util.Arrays.copyOf(whole, 1000));
        assertThat(importing(cut.toString())).isEqualTo(2);
        assertThat(err.strip()).startsWith("benchledger: " + cut + ": not valid JSON at line ").contains("Unexpected end-of-input");
        assertThat(err.lines().count()).isEqualTo(1);
        assertThat(listing()).isEqualTo(before);
    }

    @Test
    void wrongTypeNamesTheJsonPath() throws Exception {
        List<String> before = seeded();
        String text = Files.readString(gbench()).replaceFirst("\"real_time\": 88572.83803106814", "\"real_time\": \"fast\"");
        Path bad = write("types.json", text.getBytes(StandardCharsets.UTF_8));
        assertThat(importing(bad.toString())).isEqualTo(2);
        assertOneBadLine(bad + ": $.benchmarks[0].real_time: expected a number, found a string (\"fast\")");
        assertThat(listing()).isEqualTo(before);
    }

    @Test
    void jsonOfAnotherKindEmptyAndBinaryFiles() throws Exception {
        List<String> before = seeded();
        Path machine = resource("asv/airspeed-velocity__asv/test/example_results/cheetah/machine.json");
        assertThat(importing(machine.toString())).isEqualTo(2);
        assertThat(err.lines().toList()).hasSize(1);
        assertThat(err).startsWith("benchledger: " + machine
                + ": JSON of no known result format (top-level fields: arch, cpu, machine, os, ram, version)");

        Path empty = write("empty.json", new byte[0]);
        assertThat(importing(empty.toString())).isEqualTo(2);
        assertOneBadLine(empty + ": empty file");

        Path binary = write("data.bin", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 1, 2, 3});
        assertThat(importing(binary.toString())).isEqualTo(2);
        assertOneBadLine(binary + ": binary content, not a benchmark result");

        // forced to a format, a file of another kind says what is missing where
        assertThat(importing("--format-in", "hyperfine", gbench().toString())).isEqualTo(2);
        assertOneBadLine(gbench() + ": $: missing field 'results'");
        assertThat(listing()).isEqualTo(before);
    }

    @Test
    void brokenUtf8AndDeepNestingInJson() throws Exception {
        List<String> before = seeded();
        byte[] whole = Files.readAllBytes(gbench());
        String text = new String(whole, StandardCharsets.UTF_8);
        int at = text.indexOf("Int8RowMajor");
        byte[] broken = new byte[whole.length + 1];
        System.arraycopy(whole, 0, broken, 0, at);
        broken[at] = (byte) 0xFF;
        System.arraycopy(whole, at, broken, at + 1, whole.length - at);
        Path utf = write("utf.json", broken);
        int line = (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
        assertThat(importing(utf.toString())).isEqualTo(2);
        assertOneBadLine(utf + ": not valid JSON at line " + line + ", column 17: Invalid UTF-8 start byte 0xff");

        Path deep = write("deep.json", ("{\"context\": {},\n\"benchmarks\": " + "[".repeat(3000) + "]".repeat(3000) + "}")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(importing(deep.toString())).isEqualTo(2);
        assertOneBadLine(deep + ": not valid JSON at line 2: nested deeper than 1000 levels");
        assertThat(listing()).isEqualTo(before);
    }

    @Test
    void brokenUtf8InGoTextNamesTheLine() throws Exception {
        List<String> before = seeded();
        byte[] text = "goos: linux\nBenchmarkA-8  100  12 ns/op\nBenchmarkB-8  100  1\u00e9 ns/op\n".getBytes(StandardCharsets.UTF_8);
        byte[] broken = java.util.Arrays.copyOf(text, text.length);
        int at = new String(text, StandardCharsets.ISO_8859_1).indexOf("1\u00c3") + 1;
        broken[at] = (byte) 0xFF; // an invalid lead byte on line 3
        Path bad = write("bench.txt", broken);
        assertThat(importing(bad.toString())).isEqualTo(2);
        assertOneBadLine(bad + ": line 3: not UTF-8 text");
        Path badNumber = write("bench2.txt", "BenchmarkA-8  100  12x ns/op\n".getBytes(StandardCharsets.UTF_8));
        assertThat(importing("--format-in", "go-bench", badNumber.toString())).isEqualTo(2);
        assertOneBadLine(badNumber + ": line 1: '12x' is not a number");
        assertThat(listing()).isEqualTo(before);
    }

    @Test
    void theAsvJunkFolderIsRejectedWholeAndWritesNothing() throws Exception {
        Path asv = resource("asv/airspeed-velocity__asv");
        assertThat(importing(asv.toString())).isEqualTo(2);
        assertThat(listing()).containsExactly("<no archive>");
        // every JSON file of the folder is named, the malformed one with its problem
        assertThat(err).contains("cheetah/aaaaaaaa-py2.7-Cython-numpy1.8.json: ")
                .contains("machine.json: JSON of no known result format")
                .contains("benchmarks.json: JSON of no known result format")
                .contains("bad sources in all, listed above; nothing imported");
        assertThat(out).isEmpty();
        // with --skip-bad there is still nothing good in it
        assertThat(importing("--skip-bad", asv.toString())).isEqualTo(2);
        assertThat(err.strip()).endsWith("benchledger: nothing to import: every source is bad");
        assertThat(listing()).containsExactly("<no archive>");
    }

    @Test
    void aFolderWithBadFilesImportsTheGoodOnesOnlyWithSkipBad() throws Exception {
        Path dir = tmp.resolve("mixed");
        Files.createDirectories(dir);
        Files.copy(hyperfine(), dir.resolve("hyperfine.json"));
        Files.copy(gbench(), dir.resolve("gbench.json"));
        Files.copy(resource("asv/airspeed-velocity__asv/test/example_results/cheetah/aaaaaaaa-py2.7-Cython-numpy1.8.json"),
                dir.resolve("junk.json"));
        Files.writeString(dir.resolve("README.md"), "# notes\n"); // not a result file: ignored, not bad

        assertThat(importing(dir.toString())).isEqualTo(2);
        assertThat(err.lines().toList()).hasSize(1);
        assertThat(err).startsWith("benchledger: " + dir.resolve("junk.json") + ": ");
        assertThat(listing()).containsExactly("<no archive>");

        assertThat(importing("--skip-bad", dir.toString())).isZero();
        assertThat(err.strip()).startsWith("benchledger: skipped: " + dir.resolve("junk.json") + ": ");
        assertThat(out.lines().toList()).containsExactly(
                dir.resolve("gbench.json") + " (google-benchmark): 1 run added [project default, version unversioned]",
                dir.resolve("hyperfine.json") + " (hyperfine): 1 run added [project default, version unversioned]",
                "total: 2 runs added, 0 already imported");
    }

    @Test
    void badOptionsAndPaths() throws Exception {
        assertThat(importing("--format-in", "csv", hyperfine().toString())).isEqualTo(2);
        assertThat(err.strip()).startsWith("benchledger: --format-in csv: unknown format (known: jmh, github-action-benchmark, ");
        assertThat(run("import", "--archive", archive.toString(), "--time", "yesterday", hyperfine().toString())).isEqualTo(2);
        assertThat(err.strip()).isEqualTo("benchledger: --time 'yesterday': expected ISO-8601 such as 2024-05-01T12:00:00Z");
        Path missing = tmp.resolve("nope.json");
        assertThat(importing(missing.toString())).isEqualTo(2);
        assertThat(err.strip()).isEqualTo("benchledger: " + missing + ": no such file or folder");
        assertThat(importing("--project-version", "../up", hyperfine().toString())).isEqualTo(2);
        assertThat(err.strip()).isEqualTo("benchledger: version '../up' must not contain '..'");
        assertThat(listing()).containsExactly("<no archive>");
    }

    @Test
    void helpDescribesTheCommand() {
        assertThat(run("import", "--help")).isZero();
        assertThat(out).contains("--format-in=FORMAT", "--project-version=V", "--commit=C", "--time=ISO-8601", "--skip-bad",
                "--archive=DIR", "--project=NAME", "github-action-benchmark");
    }
}

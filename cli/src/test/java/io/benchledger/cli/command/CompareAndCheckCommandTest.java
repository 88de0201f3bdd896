package io.benchledger.cli.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchledger.archive.model.Mode;
import io.benchledger.archive.model.Percentiles;
import io.benchledger.archive.model.Result;
import io.benchledger.archive.model.Run;
import io.benchledger.archive.model.RunRecord;
import io.benchledger.archive.model.Sample;
import io.benchledger.archive.store.Archive;
import io.benchledger.cli.BenchledgerCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code compare} and {@code check} end to end: real archive, real DuckDB, exit codes, stdout and stderr. */
class CompareAndCheckCommandTest {
    @TempDir
    Path dir;
    Path archiveDir;
    String out;
    String err;

    /**
     * Version 1.0.0 (release) and 1.1.0 (nightly): "enc" (thrpt, ops/s) 1000 → 700 (−30 %), "dec"
     * (avgt, ns/op) 50 → 50, "lat" (sample, us/op) with p99 9.5 → 9.5, and "dec"'s allocation
     * 24 → 48 B/op. 5 forks × 4 iterations with fixed spreads.
     */
    static RunRecord run(String id, String version, int day, String trigger, double enc, double alloc) {
        Instant t = Instant.parse("2026-02-01T00:00:00Z").plusSeconds(86400L * day);
        Run run = Run.builder(id, t).project("p").version(version).trigger(trigger).build();
        List<Result> results = new ArrayList<>();
        List<Sample> samples = new ArrayList<>();
        add(results, samples, id, "x.Enc.enc", Mode.THROUGHPUT, Result.PRIMARY, "ops/s", true, enc, Optional.empty());
        add(results, samples, id, "x.Dec.dec", Mode.AVERAGE_TIME, Result.PRIMARY, "ns/op", false, 50, Optional.empty());
        add(results, samples, id, "x.Dec.dec", Mode.AVERAGE_TIME, "gc.alloc.rate.norm", "B/op", false, alloc, Optional.empty());
        add(results, samples, id, "x.Lat.lat", Mode.SAMPLE_TIME, Result.PRIMARY, "us/op", false, 5,
                Optional.of(new Percentiles(1, 5, 8, 9, 9.5, 12, 20)));
        return new RunRecord(run, results, samples);
    }

    static void add(List<Result> results, List<Sample> samples, String id, String bench, String mode, String metric,
                    String unit, boolean hib, double centre, Optional<Percentiles> pct) {
        Result r = new Result(id, null, bench, new TreeMap<>(), mode, metric, unit, hib, 1, 5, 1, "1 s", 4, "1 s", centre,
                Double.NaN, Double.NaN, Double.NaN, 20, pct, "");
        results.add(r);
        double[] it = {-0.002, 0.001, -0.001, 0.002};
        for (int f = 0; f < 5; f++) {
            for (int i = 0; i < 4; i++) {
                samples.add(new Sample(id, r.caseKey(), metric, f, i, centre * (1 + 0.004 * (f - 2) + it[i]), 1));
            }
        }
    }

    @BeforeEach
    void archive() throws Exception {
        archiveDir = dir.resolve("archive");
        Archive a = Archive.open(archiveDir);
        a.commit(run("01J1000000000000000000R100", "1.0.0", 0, Run.TRIGGER_RELEASE, 1000, 24));
        a.commit(run("01J1000000000000000000N110", "1.1.0", 1, Run.TRIGGER_NIGHTLY, 700, 48));
    }

    int run(String... args) {
        PrintStream o = System.out;
        PrintStream e = System.err;
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        ByteArrayOutputStream be = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(bo, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(be, true, StandardCharsets.UTF_8));
            return BenchledgerCommand.run(args);
        } finally {
            System.setOut(o);
            System.setErr(e);
            out = bo.toString(StandardCharsets.UTF_8);
            err = be.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void compareJsonIsOneDocumentWithTheContractFields() throws Exception {
        int code = run("compare", "1.0.0", "1.1.0", "--archive", archiveDir.toString(), "--project", "p", "--format", "json");
        assertThat(code).as(err).isZero();
        JsonNode doc = new ObjectMapper().readTree(out);
        assertThat(doc.get("cases")).hasSize(4);
        JsonNode enc = null;
        JsonNode alloc = null;
        for (JsonNode c : doc.get("cases")) {
            if (c.get("benchmark").asText().equals("x.Enc.enc")) {
                enc = c;
            }
            if (c.get("metric").asText().equals("gc.alloc.rate.norm")) {
                alloc = c;
            }
        }
        assertThat(enc.get("change").asDouble()).isCloseTo(-0.30, within(1e-9));
        assertThat(enc.get("verdict").asText()).isEqualTo("regressed");
        assertThat(enc.get("severity").asText()).isEqualTo("major");
        assertThat(enc.get("higher_is_better").asBoolean()).isTrue();
        assertThat(enc.get("baseline_samples").asLong()).isEqualTo(20);
        assertThat(alloc.get("change").asDouble()).isCloseTo(1.0, within(1e-9));
        assertThat(alloc.get("verdict").asText()).isEqualTo("regressed");
        assertThat(alloc.get("severity").asText()).isEqualTo("critical");
        assertThat(doc.get("summary").get("regressed").asInt()).isEqualTo(2);
        assertThat(doc.get("baseline").get("versions").get(0).asText()).isEqualTo("1.0.0");
        assertThat(err).isEmpty();
    }

    @Test
    void failOnLevels() {
        assertThat(run("compare", "last-release", "latest", "--archive", archiveDir.toString(), "--project", "p",
                "--fail-on", "major")).isEqualTo(1);
        assertThat(err).contains("--fail-on major failed: 2 cases");
        assertThat(out).contains("regressed").contains("x.Enc.enc@thrpt")
                .contains("4 compared: 2 regressed, 0 improved, 2 unchanged, 0 inconclusive, 0 failed");
        // with severity levels moved up, nothing is critical any more except the doubled allocation
        assertThat(run("compare", "1.0.0", "1.1.0", "--archive", archiveDir.toString(), "--project", "p",
                "--metric", "primary", "--fail-on", "critical")).isZero();
        assertThat(run("compare", "1.0.0", "1.1.0", "--archive", archiveDir.toString(), "--project", "p",
                "--severity", "10%,25%,29%", "--metric", "primary", "--fail-on", "critical")).isEqualTo(1);
    }

    @Test
    void markdownAndCsv() {
        assertThat(run("compare", "1.0.0", "1.1.0", "--archive", archiveDir.toString(), "--project", "p",
                "--format", "markdown")).isZero();
        assertThat(out).startsWith("**Benchmark comparison** 1.0.0 (1 run) → 1.1.0 (1 run)")
                .contains("| verdict | severity | case |").contains("<details><summary>2 unchanged</summary>");
        assertThat(run("compare", "1.0.0", "1.1.0", "--archive", archiveDir.toString(), "--project", "p",
                "--format", "csv")).isZero();
        assertThat(out.lines().findFirst().orElseThrow()).startsWith("case_key,benchmark,params,metric,unit,higher_is_better,"
                + "baseline_mean,candidate_mean,change,ci_low,ci_high,p_value,q_value,verdict,severity,baseline_samples,candidate_samples");
    }

    @Test
    void badInputIsOneLineAndExitTwo() {
        assertThat(run("compare", "9.9", "1.1.0", "--archive", archiveDir.toString(), "--project", "p")).isEqualTo(2);
        assertThat(err.strip()).doesNotContain("\n").contains("baseline '9.9'").contains("1.0.0, 1.1.0");
        assertThat(out).isEmpty();
        assertThat(run("compare", "1.0.0", "1.1.0", "--archive", archiveDir.toString(), "--project", "p",
                "--threshold", "two")).isEqualTo(2);
        assertThat(err).contains("--threshold: expected a fraction");
        assertThat(run("compare", "--help")).isZero();
        assertThat(out).contains("BASELINE").contains("--fail-on").contains("last-release");
    }

    @Test
    void checkFindsBrokenBudgetsAndWarnsCloseToTheLimit() throws Exception {
        Path budgets = dir.resolve("budgets.yaml");
        Files.writeString(budgets, String.join("\n",
                "- pattern: 'Enc'",
                "  min_throughput: 800        # 700 measured: fails",
                "  max_regression: 0.10       # -30 % against 1.0.0: fails",
                "  baseline: 1.0.0",
                "- pattern: 'Lat'",
                "  max_p99: 10                # 9.5 measured: within 10 %, a warning",
                "- pattern: 'Dec'",
                "  max_allocation_per_op: 100 # 48 measured: passes",
                "  max_p99: 1                 # avgt: its p99 is of iteration scores, a warning whatever its value",
                ""));
        int code = run("check", "--budgets", budgets.toString(), "--archive", archiveDir.toString(), "--project", "p",
                "--format", "json");
        assertThat(code).as(err).isEqualTo(1);
        JsonNode doc = new ObjectMapper().readTree(out);
        assertThat(doc.get("summary").get("failed").asInt()).isEqualTo(2);
        assertThat(doc.get("summary").get("warnings").asInt()).isEqualTo(2);
        assertThat(doc.get("summary").get("passed").asInt()).isEqualTo(1);
        JsonNode first = doc.get("checks").get(0);
        assertThat(first.get("status").asText()).isEqualTo("fail");
        List<String> failed = new ArrayList<>();
        for (JsonNode c : doc.get("checks")) {
            if (c.get("status").asText().equals("fail")) {
                failed.add(c.get("criterion").asText());
            }
            if (c.get("criterion").asText().equals("max_p99") && c.get("case_key").asText().contains("Lat")) {
                assertThat(c.get("actual").asDouble()).isEqualTo(9.5);
                assertThat(c.get("status").asText()).isEqualTo("warn");
            }
            if (c.get("criterion").asText().equals("max_p99") && c.get("case_key").asText().contains("Dec")) {
                assertThat(c.get("status").asText()).isEqualTo("warn");
                assertThat(c.get("note").asText()).startsWith("p99 needs sample mode");
            }
            if (c.get("criterion").asText().equals("max_regression")) {
                assertThat(c.get("actual").asDouble()).isCloseTo(0.30, within(1e-9));
            }
        }
        assertThat(failed).containsExactlyInAnyOrder("min_throughput", "max_regression");
        assertThat(err).contains("2 budget check(s) failed");

        run("check", "--budgets", budgets.toString(), "--archive", archiveDir.toString(), "--project", "p");
        assertThat(out).contains("fail").contains("x.Enc.enc@thrpt").contains("700 below the limit")
                .contains("5 budget checks on latest = 1.1.0 (1 run): 2 failed, 2 close to the limit or not applicable, 1 passed");
    }

    @Test
    void checkAppliesTheCriteriaOfASuiteConfiguration() throws Exception {
        Path config = dir.resolve("benchledger.yaml");
        Files.writeString(config, String.join("\n",
                "defaultSuite: other",
                "suites:",
                "  other:",
                "    version: 1.0.0",
                "    include: ['x\\\\.']",
                "    criteria:",
                "      - {pattern: 'Dec', maxAllocationPerOp: 100}   # 48 measured: passes",
                "  myapp:",
                "    version: 1.0.0",
                "    include: ['x\\\\.']",
                "    criteria:",
                "      - {pattern: 'Enc', minThroughput: 800}        # 700 measured: fails",
                "      - {pattern: 'Dec', maxAllocationPerOp: 100}",
                ""));
        assertThat(run("check", "--config", config.toString(), "--archive", archiveDir.toString(), "--project", "p"))
                .as(err).isZero();
        assertThat(out).contains("latest = 1.1.0").contains("0 failed");
        // --suite picks the suite whose criteria apply, and checks that suite's latest run
        RunRecord mine = run("01J1000000000000000000N120", "1.2.0", 2, Run.TRIGGER_NIGHTLY, 700, 48);
        Archive.open(archiveDir).commit(new RunRecord(mine.run().toBuilder().suite("myapp").build(), mine.results(), mine.samples()));
        assertThat(run("check", "--config", config.toString(), "--suite", "myapp", "--archive", archiveDir.toString(),
                "--project", "p")).as(err).isEqualTo(1);
        assertThat(out).contains("latest = 1.2.0").contains("1 failed").contains("700 below the limit");
        assertThat(run("check", "--config", config.toString(), "--suite", "nosuch", "--archive", archiveDir.toString(),
                "--project", "p")).isEqualTo(2);
        assertThat(err).contains(config + ": no suite 'nosuch'");
        assertThat(run("check", "--archive", archiveDir.toString(), "--project", "p")).isEqualTo(2);
        assertThat(err).contains("give either --budgets FILE or --config FILE");
    }

    @Test
    void budgetFileErrorsNameTheLine() throws Exception {
        Path budgets = dir.resolve("bad.yaml");
        Files.writeString(budgets, "- pattern: 'Enc'\n  min_throughput: 800\n- pattern: 'Dec'\n  max_p9: 3\n");
        assertThat(run("check", "--budgets", budgets.toString(), "--archive", archiveDir.toString(), "--project", "p"))
                .isEqualTo(2);
        assertThat(err.strip()).startsWith("benchledger: " + budgets + ":4:").contains("max_p9").doesNotContain("\n");
        Files.writeString(budgets, "- pattern: 'Enc'\n  min_throughput: -1\n");
        assertThat(run("check", "--budgets", budgets.toString(), "--archive", archiveDir.toString(), "--project", "p"))
                .isEqualTo(2);
        assertThat(err).contains(budgets + ":2:").contains("'min_throughput' must be a number >= 0");
        Files.writeString(budgets, "- pattern: 'Enc'\n  min_throughput: lots\n");
        assertThat(run("check", "--budgets", budgets.toString(), "--archive", archiveDir.toString(), "--project", "p"))
                .isEqualTo(2);
        assertThat(err).contains(budgets + ":2:");
    }
}

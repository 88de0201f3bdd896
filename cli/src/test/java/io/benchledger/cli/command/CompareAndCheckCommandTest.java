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
import java.util.Map;
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
    void checkJudgesLevelsUnitsAndSaysWhatWasNotChecked() throws Exception {
        Path budgets = dir.resolve("budgets.yaml");
        Files.writeString(budgets, String.join("\n",
                "- pattern: 'Enc\\.enc@thrpt'",
                "  min_throughput: {target: 0.9k ops/s, critical: 800 ops/s}  # 700 measured: fails",
                "  max_regression: 10%        # -30 % against 1.0.0: fails",
                "  baseline: 1.0.0",
                "- pattern: 'Lat'",
                "  max_p99: 0.01ms            # 9.5 us measured: passes, within 10 %: close",
                "- pattern: 'Dec'",
                "  max_allocation_per_op: {target: 40B, critical: 0.1kB}  # 48 measured: beyond the target, warns",
                "- pattern: 'Nothing'",
                "  max_mean: 1ms              # no such case: not checked",
                "- pattern: 'Enc'",
                "  max_p99: 1ms               # a throughput case: p99 needs sample mode, a warning",
                ""));
        int code = run("check", "--budgets", budgets.toString(), "--archive", archiveDir.toString(), "--project", "p",
                "--format", "json");
        assertThat(code).as(err).isEqualTo(1);
        JsonNode doc = new ObjectMapper().readTree(out);
        assertThat(doc.get("summary").get("failed").asInt()).isEqualTo(2);
        assertThat(doc.get("summary").get("warned").asInt()).isEqualTo(2);
        assertThat(doc.get("summary").get("passed").asInt()).isEqualTo(1);
        assertThat(doc.get("summary").get("close").asInt()).isEqualTo(1);
        assertThat(doc.get("summary").get("not_checked").asInt()).isEqualTo(1);
        Map<String, JsonNode> byCriterion = new java.util.HashMap<>();
        for (JsonNode c : doc.get("checks")) {
            byCriterion.put(c.get("criterion").asText() + ":" + c.get("case_key").asText(), c);
        }
        JsonNode thr = byCriterion.get("min_throughput:x.Enc.enc@thrpt");
        assertThat(thr.get("status").asText()).isEqualTo("fail");
        assertThat(thr.get("target").asDouble()).isEqualTo(900.0);
        assertThat(thr.get("needed").asDouble()).as("+28.6 %% to reach 900 from 700").isCloseTo(200.0 / 700, within(1e-9));
        assertThat(byCriterion.get("max_regression:x.Enc.enc@thrpt").get("current").asDouble()).isCloseTo(30.0, within(1e-6));
        JsonNode p99 = byCriterion.get("max_p99:x.Lat.lat@sample");
        assertThat(p99.get("status").asText()).isEqualTo("pass");
        assertThat(p99.get("close").asBoolean()).isTrue();
        assertThat(p99.get("critical").asDouble()).as("0.01 ms in us/op").isCloseTo(10.0, within(1e-9));
        JsonNode alloc = byCriterion.get("max_allocation_per_op:x.Dec.dec@avgt");
        assertThat(alloc.get("status").asText()).isEqualTo("warn");
        assertThat(alloc.get("critical").asDouble()).isEqualTo(100.0);
        assertThat(byCriterion.get("max_mean:").get("status").asText()).isEqualTo("not_checked");
        assertThat(byCriterion.get("max_p99:").get("note").asText()).contains("p99 needs sample mode");
        assertThat(byCriterion.get("max_p99:").get("defined_at").asText()).isEqualTo(budgets + ":12:12");
        assertThat(err).contains("2 budget check(s) failed");

        run("check", "--budgets", budgets.toString(), "--archive", archiveDir.toString(), "--project", "p");
        assertThat(out).contains("fail").contains("x.Enc.enc@thrpt").contains("700 ops/s below the critical level 800 ops/s")
                .contains("+29 % to reach the target").contains("not checked")
                .contains("6 budget checks on latest = 1.1.0 (1 run): 2 failed, 2 warned, 1 passed (1 close to the limit), 1 not checked")
                .doesNotContain("NaN");
        // a level no matching case can be compared with is an error at the place it was written
        Files.writeString(budgets, "- pattern: 'Enc'\n  min_throughput: 100MB/s\n- pattern: 'Dec'\n  max_mean: 64MB/s\n");
        assertThat(run("check", "--budgets", budgets.toString(), "--archive", archiveDir.toString(), "--project", "p"))
                .isEqualTo(2);
        assertThat(err.strip()).isEqualTo("benchledger: " + budgets + ":4:13: max_mean: '64MB/s' is a byte rate (B/s, MB/s, MiB/s …); "
                + "max_mean takes a time (ns, us, ms, s) or a plain number, e.g. 200us or 1.5ms");
        Files.writeString(budgets, "- pattern: 'Dec'\n  max_mean: 2ms\n- pattern: 'Enc'\n  max_mean: 2ms\n");
        assertThat(run("check", "--budgets", budgets.toString(), "--archive", archiveDir.toString(), "--project", "p"))
                .isEqualTo(2);
        assertThat(err).contains(budgets + ":4:13: max_mean '2ms' is a time").contains("measure ops/s");
    }

    /** One budget written in a suite's criteria, in a budget file and inline for recommend gives one answer. */
    @Test
    void theSameBudgetInThreePlacesGivesTheSameResult() throws Exception {
        Path config = dir.resolve("suite.yaml");
        Files.writeString(config, String.join("\n",
                "suites:",
                "  s:",
                "    version: 1.0.0",
                "    include: ['x\\.']",
                "    criteria:",
                "      - {pattern: 'Enc', minThroughput: {target: 1k ops/s, critical: 800 ops/s}, max_allocation_per_op: 1KiB}",
                ""));
        Path file = dir.resolve("b.yaml");
        Files.writeString(file, "- {pattern: 'Enc', min_throughput: {target: 1k ops/s, critical: 800 ops/s}, maxAllocationPerOp: 1KiB}\n");
        String inline = "{pattern: Enc, min_throughput: {target: 1000 ops/s, critical: 0.8k ops/s}, max_allocation_per_op: 1024B}";

        assertThat(run("check", "--config", config.toString(), "--archive", archiveDir.toString(), "--project", "p",
                "--format", "json")).isEqualTo(1);
        JsonNode fromSuite = new ObjectMapper().readTree(out).get("checks");
        assertThat(run("check", "--budgets", file.toString(), "--archive", archiveDir.toString(), "--project", "p",
                "--format", "json")).isEqualTo(1);
        JsonNode fromFile = new ObjectMapper().readTree(out).get("checks");
        for (JsonNode[] pair : new JsonNode[][] {{fromSuite, fromFile}}) {
            assertThat(pair[0]).hasSize(pair[1].size());
            for (int i = 0; i < pair[0].size(); i++) {
                for (String f : List.of("status", "case_key", "criterion", "current", "target", "critical", "unit", "needed")) {
                    assertThat(pair[0].get(i).get(f)).as(f).isEqualTo(pair[1].get(i).get(f));
                }
            }
        }
        assertThat(fromFile.get(0).get("status").asText()).isEqualTo("fail");
        assertThat(fromFile.get(0).get("criterion").asText()).isEqualTo("min_throughput");
        assertThat(fromFile.get(1).get("status").asText()).isEqualTo("not_checked"); // Enc measures no allocation

        for (String[] source : new String[][] {{"--config", config.toString()}, {"--budgets", file.toString()}, {"--budget", inline}}) {
            assertThat(run("recommend", source[0], source[1], "--archive", archiveDir.toString(), "--project", "p",
                    "--format", "json")).as(err).isZero();
            JsonNode recs = new ObjectMapper().readTree(out).get("recommendations");
            JsonNode first = recs.get(0);
            assertThat(first.get("priority").asText()).as(source[0]).isEqualTo("critical");
            assertThat(first.get("rule").asText()).isEqualTo("budget");
            assertThat(first.get("case_key").asText()).isEqualTo("x.Enc.enc@thrpt");
            assertThat(first.get("impact").asDouble()).as("+43 %% to reach 1000 from 700").isCloseTo(300.0 / 700, within(1e-9));
        }
        assertThat(run("recommend", "--budget", "{pattern: Enc, max_p99: 2 parsecs}", "--archive", archiveDir.toString(),
                "--project", "p")).isEqualTo(2);
        assertThat(err.strip()).startsWith("benchledger: --budget:1:").contains("unknown unit 'parsecs'");
    }

    @Test
    void aMetricNamedInGateMetricsFailsTheGate() throws Exception {
        // gc.count 10 -> 40 per run: shown, not gated by default; gated once the suite's gateMetrics names it
        Path gcArchive = dir.resolve("gc-archive");
        Archive a = Archive.open(gcArchive);
        for (String[] r : new String[][] {{"01J1000000000000000000G100", "1.0.0", "10"}, {"01J1000000000000000000G110", "1.1.0", "40"}}) {
            List<Result> results = new ArrayList<>();
            List<Sample> samples = new ArrayList<>();
            add(results, samples, r[0], "x.Gc.gc", Mode.AVERAGE_TIME, "gc.count", "counts", false, Double.parseDouble(r[2]),
                    Optional.empty());
            a.commit(new RunRecord(Run.builder(r[0], Instant.parse("2026-02-01T00:00:00Z").plusSeconds(r[1].equals("1.0.0") ? 0 : 86400))
                    .project("p").version(r[1]).build(), results, samples));
        }
        Path config = dir.resolve("gate.yaml");
        Files.writeString(config, String.join("\n",
                "suites:",
                "  s:",
                "    version: 1.0.0",
                "    include: ['x\\\\.']",
                "    noiseThreshold: 0.05",
                "    gateMetrics: [primary, gc.alloc.rate.norm, gc.count]", // no profiles: compare needs none
                ""));
        Path plain = dir.resolve("plain.yaml");
        Files.writeString(plain, Files.readString(config).replace("    gateMetrics: [primary, gc.alloc.rate.norm, gc.count]\n", ""));
        String[] common = {"compare", "1.0.0", "1.1.0", "--archive", gcArchive.toString(), "--project", "p", "--format", "json",
                "--fail-on", "regression", "--config"};
        assertThat(run(concat(common, plain.toString()))).as(err).isZero();
        JsonNode shown = new ObjectMapper().readTree(out).get("cases").get(0);
        assertThat(shown.get("metric").asText()).isEqualTo("gc.count");
        assertThat(shown.get("verdict").asText()).isEqualTo("regressed");
        assertThat(shown.get("gated").asBoolean()).isFalse();
        // the release's summary names the metric whose change is shown and does not gate
        assertThat(run("release", "1.1.0", "--archive", gcArchive.toString(), "--project", "p", "--no-publish",
                "--site", dir.resolve("gc-site").toString(), "--config", plain.toString())).as(err).isZero();
        assertThat(out).contains("1 change(s) of metrics that are shown, not gated: gc.count");
        assertThat(run(concat(common, config.toString()))).as(err).isEqualTo(1);
        JsonNode gated = new ObjectMapper().readTree(out).get("cases").get(0);
        assertThat(gated.get("verdict").asText()).isEqualTo("regressed");
        assertThat(gated.get("gated").asBoolean()).isTrue();
    }

    static String[] concat(String[] head, String last) {
        String[] out = java.util.Arrays.copyOf(head, head.length + 1);
        out[head.length] = last;
        return out;
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
        assertThat(out).contains("latest = 1.2.0").contains("1 failed").contains("700 ops/s below the limit 800 ops/s");
        assertThat(run("check", "--config", config.toString(), "--suite", "nosuch", "--archive", archiveDir.toString(),
                "--project", "p")).isEqualTo(2);
        assertThat(err).contains(config + ": no suite 'nosuch'");
        assertThat(run("check", "--archive", archiveDir.toString(), "--project", "p")).isEqualTo(2);
        assertThat(err).contains("give either --budgets FILE or --config FILE");
    }

    @Test
    void recommendAppliesTheSuitesDomainRulesByPriorityThenImpact() throws Exception {
        Path config = dir.resolve("rules.yaml");
        Files.writeString(config, String.join("\n",
                "suites:",
                "  s:",
                "    version: 1.0.0",
                "    include: ['x\\.']",
                "    recommendations:",
                "      rules:",
                "        - {name: slow decode, pattern: 'Dec\\.dec', when: mean > 40ns, priority: medium, advice: cache it}",
                "        - {name: slow encode, pattern: 'Enc', when: throughput < 1k ops/s, priority: critical}",
                "        - {name: slow lat, pattern: 'Lat', when: mean > 1ms, priority: critical}   # 5 us: quiet",
                ""));
        assertThat(run("recommend", "--config", config.toString(), "--archive", archiveDir.toString(), "--project", "p",
                "--format", "json")).as(err).isZero();
        JsonNode recs = new ObjectMapper().readTree(out).get("recommendations");
        List<String> got = new ArrayList<>();
        recs.forEach(r -> got.add(r.get("priority").asText() + " " + r.get("rule").asText() + " " + r.get("case_key").asText()));
        assertThat(got).startsWith("critical slow encode x.Enc.enc@thrpt").contains("medium slow decode x.Dec.dec@avgt")
                .noneMatch(g -> g.contains("slow lat"));
        assertThat(got.indexOf("medium slow decode x.Dec.dec@avgt")).isGreaterThan(got.indexOf("critical slow encode x.Enc.enc@thrpt"));
        JsonNode enc = recs.get(0);
        // 700 ops/s against 1000: +43 % needed
        assertThat(enc.get("impact").asDouble()).isCloseTo(300.0 / 700, within(1e-9));
        assertThat(enc.get("message").asText()).startsWith("throughput < 1k ops/s: 700 ops/s below the limit 1000 ops/s");
        run("recommend", "--config", config.toString(), "--archive", archiveDir.toString(), "--project", "p");
        assertThat(out).contains("priority").contains("impact").contains("+43 % to reach the limit").contains("cache it");
    }

    @Test
    void budgetFileErrorsNameTheLineAndColumn() throws Exception {
        Path budgets = dir.resolve("bad.yaml");
        Files.writeString(budgets, "- pattern: 'Enc'\n  min_throughput: 800\n- pattern: 'Dec'\n  max_p9: 3\n");
        assertThat(run("check", "--budgets", budgets.toString(), "--archive", archiveDir.toString(), "--project", "p"))
                .isEqualTo(2);
        assertThat(err.strip()).startsWith("benchledger: " + budgets + ":4:3: unknown field 'max_p9'").doesNotContain("\n");
        Files.writeString(budgets, "- pattern: 'Enc'\n  min_throughput: -1\n");
        assertThat(run("check", "--budgets", budgets.toString(), "--archive", archiveDir.toString(), "--project", "p"))
                .isEqualTo(2);
        assertThat(err).contains(budgets + ":2:19: min_throughput: expected a number");
        Files.writeString(budgets, "- pattern: 'Enc'\n  min_throughput: {target: 100 ops/s, critical: 200 ops/s}\n");
        assertThat(run("check", "--budgets", budgets.toString(), "--archive", archiveDir.toString(), "--project", "p"))
                .isEqualTo(2);
        assertThat(err).contains(budgets + ":2:49: min_throughput: critical (200 ops/s) must be at or below the target");
    }
}

package io.benchledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** generate, changes, history and ack through the command line, on one generated archive. */
class HistoryCommandsTest {
    @TempDir
    static Path tmp;
    static Path archive;
    static JsonNode truth;

    @BeforeAll
    static void generate() throws Exception {
        archive = tmp.resolve("archive");
        CliRun g = CliRun.of("generate", "--benchmarks", "10", "--runs", "100", "--seed", "7", "--changes", "6",
                "--forks", "2", "--iterations", "3", "--out", archive.toString());
        assertThat(g.exit()).as(g.err()).isZero();
        assertThat(g.out()).contains("generated 10 cases × 100 runs");
        Path truthFile = tmp.resolve("ground-truth.json");
        assertThat(truthFile).exists();
        truth = new ObjectMapper().readTree(truthFile.toFile());
        assertThat(truth.get("change_points")).hasSize(6);
    }

    @Test
    void changesAsJsonFollowTheContract() throws Exception {
        CliRun r = CliRun.of("changes", "--archive", archive.toString(), "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode cps = new ObjectMapper().readTree(r.out()).get("change_points");
        // 4 of the 6 injected steps are 3 noise sd or more (another test may have acknowledged one of them)
        assertThat(cps.size()).isGreaterThanOrEqualTo(3);
        List<String> fields = List.of("case_key", "benchmark", "metric", "run_id", "version", "commit", "time", "index",
                "before", "after", "change", "p_value", "direction");
        for (JsonNode cp : cps) {
            assertThat(cp.fieldNames()).toIterable().containsExactlyElementsOf(fields);
            assertThat(cp.get("direction").asText()).isIn("regression", "improvement");
        }
        // every detection is an injected step (within ±2 runs)
        for (JsonNode cp : cps) {
            boolean injected = false;
            for (JsonNode t : truth.get("change_points")) {
                injected |= t.get("case_key").asText().equals(cp.get("case_key").asText())
                        && Math.abs(t.get("index").asInt() - cp.get("index").asInt()) <= 2;
            }
            assertThat(injected).as(cp.toString()).isTrue();
        }
        assertThat(Files.exists(archive.resolve("analysis/changepoints-default.bin"))).isTrue();
    }

    @Test
    void gateFailsOnRegressionsSinceAVersionAndAckSilencesThem() throws Exception {
        ObjectMapper m = new ObjectMapper();
        JsonNode all = m.readTree(CliRun.of("changes", "--archive", archive.toString(), "--format", "json").out())
                .get("change_points");
        JsonNode regression = null;
        for (JsonNode cp : all) {
            if (cp.get("direction").asText().equals("regression")) {
                regression = cp;
            }
        }
        assertThat(regression).as("the generated history has a regression").isNotNull();
        assertThat(CliRun.of("changes", "--archive", archive.toString(), "--fail-on", "regression").exit()).isEqualTo(1);

        // since the last version: only change points after its last run (there are none after the final version)
        CliRun none = CliRun.of("changes", "--archive", archive.toString(), "--since", "1.4.0", "--format", "json",
                "--fail-on", "regression");
        assertThat(none.exit()).isZero();
        assertThat(m.readTree(none.out()).get("change_points")).isEmpty();
        CliRun unknown = CliRun.of("changes", "--archive", archive.toString(), "--since", "9.9.9");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("no run of version '9.9.9'");

        CliRun ack = CliRun.of("ack", regression.get("case_key").asText(), "--archive", archive.toString(), "--run",
                regression.get("run_id").asText(), "--by", "perf-team", "--why", "accepted: safer defaults");
        assertThat(ack.exit()).as(ack.err()).isZero();
        assertThat(ack.out()).contains("acknowledged " + regression.get("case_key").asText());
        JsonNode after = m.readTree(CliRun.of("changes", "--archive", archive.toString(), "--format", "json").out())
                .get("change_points");
        assertThat(after.size()).isEqualTo(all.size() - 1);
        for (JsonNode cp : after) {
            assertThat(cp.get("run_id").asText() + cp.get("case_key").asText())
                    .isNotEqualTo(regression.get("run_id").asText() + regression.get("case_key").asText());
        }
        try (var files = Files.list(archive.resolve("annotations"))) {
            assertThat(files.count()).isEqualTo(1);
        }

        CliRun badAck = CliRun.of("ack", regression.get("case_key").asText(), "--archive", archive.toString(), "--run",
                m.readTree(CliRun.of("history", regression.get("case_key").asText(), "--archive", archive.toString(),
                        "--format", "json").out()).get("series").get(0).get("points").get(0).get("run_id").asText(),
                "--by", "x", "--why", "y");
        assertThat(badAck.exit()).isEqualTo(2);
        assertThat(badAck.err()).contains("no change point of");
    }

    @Test
    void historyShowsTheSeriesWithItsChangePoints() throws Exception {
        JsonNode largest = new ObjectMapper().readTree(CliRun.of("changes", "--archive", archive.toString(), "--format",
                "json").out()).get("change_points").get(0);
        String key = largest.get("case_key").asText();
        CliRun t = CliRun.of("history", key, "--archive", archive.toString());
        assertThat(t.exit()).as(t.err()).isZero();
        assertThat(t.out()).contains(key, "100 runs").containsPattern("[▁▂▃▄▅▆▇█]{20,}").containsPattern("[▲▼]");
        assertThat(t.out()).contains("trend over the last");

        CliRun csv = CliRun.of("history", key, "--archive", archive.toString(), "--format", "csv");
        String[] lines = csv.out().split("\r\n");
        assertThat(lines[0]).isEqualTo("case_key,metric,index,run_id,version,commit,time,value,change_point,drift");
        assertThat(lines).hasSize(101);
        assertThat(lines[1 + largest.get("index").asInt()]).contains("," + largest.get("direction").asText() + ",");

        CliRun pattern = CliRun.of("history", "*Crypto.sha256*", "--archive", archive.toString(), "--format", "json");
        JsonNode series = new ObjectMapper().readTree(pattern.out()).get("series");
        assertThat(series.size()).isGreaterThanOrEqualTo(1);
        for (JsonNode s : series) {
            assertThat(s.get("case_key").asText()).contains("Crypto.sha256");
            assertThat(s.get("points")).hasSize(100);
        }

        // as users type it: the class and method, without package, parameters or wildcards
        CliRun typed = CliRun.of("history", "Crypto.sha256", "--archive", archive.toString(), "--format", "json");
        assertThat(typed.exit()).as(typed.err()).isZero();
        assertThat(new ObjectMapper().readTree(typed.out()).get("series")).isEqualTo(series);
        JsonNode changes = new ObjectMapper().readTree(CliRun.of("changes", largest.get("benchmark").asText()
                .replaceFirst("^.*\\.([^.]+\\.[^.]+)$", "$1"), "--archive", archive.toString(), "--format", "json").out())
                .get("change_points");
        assertThat(changes).isNotEmpty().allSatisfy(cp -> assertThat(cp.get("benchmark").asText()).isEqualTo(largest.get("benchmark").asText()));

        CliRun missing = CliRun.of("history", "no.such.Bench", "--archive", archive.toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("no case of project 'default' matches 'no.such.Bench'");
    }

    @Test
    void driftsAreListedBesideTheStepsAndFailTheGate() throws Exception {
        Path drifting = tmp.resolve("drifting/archive");
        CliRun g = CliRun.of("generate", "--benchmarks", "6", "--runs", "250", "--seed", "3", "--changes", "0",
                "--forks", "1", "--iterations", "3", "--drift-rate", "1", "--drift-size", "6,8", "--drift-runs", "60,120",
                "--noise-change-rate", "0", "--out", drifting.toString());
        assertThat(g.exit()).as(g.err()).isZero();
        JsonNode injected = new ObjectMapper().readTree(tmp.resolve("drifting/ground-truth.json").toFile()).get("drifts");
        assertThat(injected).hasSize(6);
        CliRun r = CliRun.of("changes", "--archive", drifting.toString(), "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.get("change_points")).isEmpty();
        JsonNode drifts = doc.get("drifts");
        assertThat(drifts.size()).isGreaterThanOrEqualTo(5);
        List<String> fields = List.of("case_key", "benchmark", "metric", "start_index", "end_index", "runs",
                "start_run_id", "end_run_id", "start_version", "end_version", "start_commit", "end_commit", "start_time",
                "end_time", "before", "after", "change", "change_per_run", "change_per_day", "p_value", "direction", "alert",
                "threshold", "threshold_source", "acknowledged", "acknowledged_change");
        boolean anyRegression = false;
        for (JsonNode d : drifts) {
            assertThat(d.fieldNames()).toIterable().containsExactlyElementsOf(fields);
            JsonNode truthDrift = null;
            for (JsonNode t : injected) {
                if (t.get("case_key").asText().equals(d.get("case_key").asText())) {
                    truthDrift = t;
                }
            }
            assertThat(truthDrift).isNotNull();
            // it overlaps the injected drift and goes the same way
            assertThat(d.get("start_index").asInt()).isLessThan(truthDrift.get("end").asInt());
            assertThat(d.get("end_index").asInt()).isGreaterThanOrEqualTo(truthDrift.get("start").asInt());
            assertThat(Math.signum(d.get("change").asDouble())).isEqualTo(Math.signum(truthDrift.get("magnitude").asDouble()));
            assertThat(d.get("change_per_run").asDouble() * (d.get("end_index").asInt() - d.get("start_index").asInt()))
                    .isCloseTo(d.get("change").asDouble(), org.assertj.core.api.Assertions.within(1e-9));
            anyRegression |= d.get("direction").asText().equals("regression");
        }
        assertThat(anyRegression).as("seed 3 drifts some cases the wrong way").isTrue();
        // 6–8 sd of 1–5 % noise: every drift passes the bundled suites' 5 % threshold or its learned one
        drifts.forEach(d -> assertThat(d.get("alert").asBoolean() == Math.abs(d.get("change").asDouble())
                >= d.get("threshold").asDouble()).isTrue());
        assertThat(CliRun.of("changes", "--archive", drifting.toString(), "--fail-on", "regression").exit()).isEqualTo(1);

        String key = drifts.get(0).get("case_key").asText();
        CliRun h = CliRun.of("history", key, "--archive", drifting.toString());
        assertThat(h.out()).contains("drift ").containsPattern("[╱╲]{3,}");
        CliRun table = CliRun.of("changes", "--archive", drifting.toString());
        assertThat(table.out()).contains("per_run", key);
        assertThat(table.err()).containsPattern("changes: \\d+ drifts: \\d+ alerts? ");
        // with a threshold above every drift, they are information and the gate passes
        CliRun lenient = CliRun.of("changes", "--archive", drifting.toString(), "--threshold", "90%", "--fail-on", "regression");
        assertThat(lenient.exit()).as(lenient.err()).isZero();
        assertThat(lenient.out()).contains("information");
        assertThat(lenient.err()).contains(" 0 alerts (0 regressions, 0 improvements)");
    }

    @Test
    void verboseSaysHowManySeriesCameFromTheCache() throws Exception {
        Path own = tmp.resolve("cached/archive");
        CliRun g = CliRun.of("generate", "--benchmarks", "4", "--runs", "60", "--seed", "5", "--forks", "1",
                "--iterations", "3", "--out", own.toString());
        assertThat(g.exit()).as(g.err()).isZero();
        CliRun first;
        CliRun second;
        try {
            first = CliRun.of("changes", "--archive", own.toString(), "--verbose");
            // nothing new since: every series' findings come from the cache, no window is computed
            second = CliRun.of("changes", "--archive", own.toString(), "--verbose");
        } finally {
            // --verbose is process-wide (one command per process): later tests in this JVM must not inherit it
            new GlobalOptions().setVerbose(false);
        }
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.err()).contains("changes: 0 of 4 series from the cache (0 of them measured by no new run");
        assertThat(second.err()).contains("changes: 4 of 4 series from the cache (4 of them measured by no new run,"
                + " not examined again; the others only at their tail); 0 windows computed");
        CliRun help = CliRun.of("changes", "--help");
        assertThat(help.out().replaceAll("\\s+", " "))
                .contains("re-examines only the tail of the series it measured and reuses the others' findings");
    }
}

package io.benchledger.cli.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchledger.archive.store.Archive;
import io.benchledger.archive.analysis.changepoint.Drift;
import io.benchledger.archive.analysis.compare.ComparisonOptions;
import io.benchledger.archive.analysis.compare.FailOn;
import io.benchledger.archive.analysis.compare.Side;
import io.benchledger.cli.CliRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The nightly summary lists the drifts that end in the recent runs, reported and not gated. */
class GateDriftTest {
    @TempDir
    Path tmp;

    @Test
    void driftsEndingInTheRecentRunsAreInTheSummaryAndItsJson() throws Exception {
        Path archiveDir = tmp.resolve("archive");
        // seed 1: four cases drift 6–8 noise sd; three drifts run to the last runs, sha256's ends at run 56
        CliRun g = CliRun.of("generate", "--benchmarks", "4", "--runs", "100", "--forks", "1", "--iterations", "3",
                "--drift-rate", "1", "--drift-size", "6,8", "--drift-runs", "99,99", "--noise-change-rate", "0",
                "--outlier-rate", "0", "--changes", "1", "--out", archiveDir.toString());
        assertThat(g.exit()).as(g.err()).isZero();
        JsonNode truth = new ObjectMapper().readTree(tmp.resolve("ground-truth.json").toFile());
        List<String> driftingToTheEnd = new ArrayList<>();
        truth.get("drifts").forEach(d -> {
            if (d.get("end").asInt() >= 95) {
                driftingToTheEnd.add(d.get("case_key").asText());
            }
        });
        assertThat(driftingToTheEnd).isNotEmpty();

        Archive archive = Archive.openExisting(archiveDir);
        String run = Analysis.latestRun(archive, "default");
        Gate gate;
        try (io.benchledger.archive.query.ArchiveDatabase db = io.benchledger.archive.query.ArchiveDatabase.open(archive)) {
            gate = Gate.of(new io.benchledger.archive.analysis.findings.FindingsBuilder(db, ComparisonOptions.defaults("default"),
                    List.of(), true).nightly(run, Side.recent(Side.DEFAULT_RECENT)), FailOn.REGRESSION, true);
        }

        List<String> recent = gate.recentDrifts().stream().map(Drift::caseKey).toList();
        // every reported recent drift is one of the injected drifts that run into the newest runs
        assertThat(recent).isNotEmpty().isSubsetOf(driftingToTheEnd).doesNotContain(
                "io.benchledger.synthetic.Crypto.sha256[size=64]@avgt");
        Drift d = gate.recentDrifts().get(0);
        assertThat(d.runs()).isGreaterThanOrEqualTo(20);
        truth.get("drifts").forEach(t -> {
            if (t.get("case_key").asText().equals(d.caseKey())) {
                assertThat(Math.signum(d.change())).isEqualTo(Math.signum(t.get("magnitude").asDouble()));
            }
        });

        String text = GateSummary.text("nightly", gate, List.of());
        assertThat(text).contains("recent drifts:\n  " + d.caseKey() + " " + d.direction() + " ")
                .contains(" over " + d.runs() + " runs, " + d.startRunId() + " → " + d.endRunId())
                .contains("per day").doesNotContain("NaN");
        String md = GateSummary.markdown("nightly", gate, List.of());
        assertThat(md).contains("### Recent drifts").contains("- " + io.benchledger.archive.format.TableFormatter.md(d.caseKey()));
        // reported, not gated
        assertThat(text).endsWith("gate: passed\n");

        Map<String, Object> json = SummaryJson.of("default", "nightly", gate, 0, List.of());
        JsonNode doc = new ObjectMapper().valueToTree(json);
        assertThat(doc.get("drifts")).hasSize(recent.size());
        assertThat(doc.get("drifts").get(0).get("case_key").asText()).isEqualTo(d.caseKey());
        assertThat(doc.get("drifts").get(0).get("end_run_id").asText()).isEqualTo(d.endRunId());

        // the webhook posts them too
        io.benchledger.cli.notify.Alert alert = io.benchledger.cli.notify.Alert.of("default", "nightly", gate);
        assertThat(alert.drifts()).isEqualTo(gate.recentDrifts());
        assertThat(alert.isEmpty()).isFalse();
        JsonNode posted = new ObjectMapper().readTree(io.benchledger.cli.notify.AlertPayload.body(alert,
                io.benchledger.cli.notify.PayloadFormat.JSON));
        assertThat(posted.get("drifts").get(0).get("case_key").asText()).isEqualTo(d.caseKey());
        assertThat(io.benchledger.cli.notify.AlertPayload.slack(alert)).contains("*Drifts*")
                .contains(" over " + d.runs() + " runs").contains(recent.size() + " drift(s)");
        assertThat(text).contains(": alert (threshold ");

        // below the case's threshold a drift is information: listed, not posted, not counted
        Gate lenient = gate(archive, run, ComparisonOptions.defaults("default").toBuilder().threshold(5.0).build());
        assertThat(lenient.recentDrifts()).hasSameSizeAs(gate.recentDrifts()).noneMatch(Drift::alert);
        assertThat(GateSummary.text("nightly", lenient, List.of())).contains(": information (below the threshold, 500.0% configured)");
        JsonNode lenientJson = new ObjectMapper().valueToTree(SummaryJson.of("default", "nightly", lenient, 0, List.of()));
        assertThat(lenientJson.get("drifts").get(0).get("alert").asBoolean()).isFalse();
        assertThat(lenientJson.get("drifts").get(0).get("threshold").asDouble()).isEqualTo(5.0);
        io.benchledger.cli.notify.Alert quiet = io.benchledger.cli.notify.Alert.of("default", "nightly", lenient);
        assertThat(quiet.drifts()).isEmpty();
        assertThat(io.benchledger.cli.notify.AlertPayload.slack(quiet)).contains("0 drift(s)");

        // acknowledged (with a run inside it), it leaves 'changes', the summary and the alert
        CliRun ack = CliRun.of("ack", d.caseKey(), "--run", d.endRunId(), "--by", "ops", "--why", "cache warm-up by design",
                "--archive", archiveDir.toString());
        assertThat(ack.exit()).as(ack.err()).isZero();
        assertThat(ack.out()).contains("acknowledged the drift of " + d.caseKey());
        Gate after = gate(archive, run, ComparisonOptions.defaults("default"));
        assertThat(after.recentDrifts()).extracting(Drift::caseKey).doesNotContain(d.caseKey())
                .hasSize(gate.recentDrifts().size() - 1);
        CliRun changes = CliRun.of("changes", "--format", "json", "--archive", archiveDir.toString());
        assertThat(changes.exit()).as(changes.err()).isZero();
        JsonNode listed = new ObjectMapper().readTree(changes.out()).get("drifts");
        listed.forEach(x -> assertThat(x.get("case_key").asText()).isNotEqualTo(d.caseKey()));
        CliRun all = CliRun.of("changes", "--format", "json", "--include-acknowledged", "--archive", archiveDir.toString());
        JsonNode acked = null;
        for (JsonNode x : new ObjectMapper().readTree(all.out()).get("drifts")) {
            acked = x.get("case_key").asText().equals(d.caseKey()) ? x : acked;
        }
        assertThat(acked).isNotNull();
        assertThat(acked.get("acknowledged").asBoolean()).isTrue();
        assertThat(acked.get("alert").asBoolean()).isFalse();
        assertThat(acked.get("acknowledged_change").asDouble()).isEqualTo(d.change(), org.assertj.core.data.Offset.offset(1e-9));
    }

    static Gate gate(Archive archive, String run, ComparisonOptions options) throws Exception {
        try (io.benchledger.archive.query.ArchiveDatabase db = io.benchledger.archive.query.ArchiveDatabase.open(archive)) {
            return Gate.of(new io.benchledger.archive.analysis.findings.FindingsBuilder(db, options, List.of(), true)
                    .nightly(run, Side.recent(Side.DEFAULT_RECENT)), FailOn.REGRESSION, true);
        }
    }
}

package io.benchledger.cli.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchledger.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nightly --notify} on a generated archive whose latest run breaks a budget and improves one case:
 * the webhooks get the findings, and whether they answer never changes the exit code.
 */
class NightlyNotifyTest {
    @TempDir
    static Path dir;
    static Path archive;
    static final ObjectMapper JSON = new ObjectMapper();
    static final String AES = "io.benchledger.synthetic.Crypto.aesGcmEncrypt[size=64]@thrpt";

    @BeforeAll
    static void generate() {
        archive = dir.resolve("archive");
        CliRun g = CliRun.of("generate", "--benchmarks", "6", "--runs", "30", "--changes", "3", "--seed", "7",
                "--forks", "2", "--iterations", "3", "--out", archive.toString());
        assertThat(g.exit()).as(g.err()).isZero();
    }

    /** A configuration whose budget no run meets, with the given notify: lines. */
    private static Path config(String name, String... notify) throws Exception {
        StringBuilder sb = new StringBuilder("""
                defaultSuite: synth
                suites:
                  synth:
                    version: 1.0.0
                    include: ['synthetic']
                    criteria:
                      - pattern: 'Crypto\\.aesGcmEncrypt'
                        minThroughput: 1.0e15
                profiles:
                  nightly:
                    description: every case
                """);
        if (notify.length > 0) {
            sb.append("notify:\n");
            for (String n : notify) {
                sb.append("  - '").append(n).append("'\n");
            }
        }
        Path p = dir.resolve(name);
        Files.writeString(p, sb.toString());
        return p;
    }

    private static CliRun nightly(Path config, String... extra) {
        List<String> args = new ArrayList<>(List.of("nightly", "--no-collect", "--no-publish", "--archive", archive.toString(),
                "--summary", dir.resolve("summary.md").toString(), "--config", config.toString()));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void bothFormatsCarryTheFindingsAndTheExitCodeIsTheGates() throws Exception {
        CliRun quiet = nightly(config("plain.yaml"));
        assertThat(quiet.exit()).as(quiet.err()).isEqualTo(1);
        try (FakeWebhook hook = new FakeWebhook(n -> 200)) {
            CliRun r = nightly(config("notify.yaml", "json+" + hook.url("/plain")), "--notify", "slack+" + hook.url("/slack"));
            assertThat(r.exit()).as(r.err()).isEqualTo(1);
            assertThat(r.out()).isEqualTo(quiet.out());
            assertThat(r.err()).contains("benchledger: notified http://127.0.0.1:" , "/… (slack)", "/… (json)");
            assertThat(hook.paths).containsExactly("/slack", "/plain");

            JsonNode slack = JSON.readTree(hook.bodies.get(0));
            JsonNode plain = JSON.readTree(hook.bodies.get(1));
            // both say what the gate found; the budget is broken on every run, the rest depends on the analysis
            assertThat(slack.get("text").asText()).isEqualTo(String.format(
                    ":red_circle: default: %d regression(s), %d improvement(s), 1 broken budget(s), %d change point(s), %d drift(s)",
                    plain.get("regressions").size(), plain.get("improvements").size(), plain.get("change_points").size(),
                    plain.get("drifts").size()));
            String blocks = slack.get("blocks").toString();
            assertThat(blocks).contains("*Broken budgets*", "`" + AES + "` min_throughput: ");
            slack.get("blocks").forEach(b -> assertThat(b.at("/text/type").asText()).isEqualTo("mrkdwn"));

            assertThat(plain.get("schema").asText()).isEqualTo("benchledger.alert/1");
            assertThat(plain.get("gate").asText()).isEqualTo("failed");
            assertThat(plain.get("run_id").asText()).hasSize(26);
            assertThat(r.out()).contains(plain.get("run_id").asText());
            JsonNode budget = plain.get("broken_budgets").get(0);
            assertThat(budget.get("case_key").asText()).isEqualTo(AES);
            assertThat(budget.get("criterion").asText()).isEqualTo("min_throughput");
            assertThat(budget.get("limit").asDouble()).isEqualTo(1.0e15);
            assertThat(budget.get("actual").asDouble()).isBetween(1.0, 1.0e15);
            for (String list : List.of("regressions", "improvements")) {
                for (JsonNode c : plain.get(list)) {
                    assertThat(c.fieldNames()).toIterable().containsExactly("case_key", "metric", "unit", "against",
                            "change", "ci_low", "ci_high", "q_value", "severity");
                    assertThat(c.get("against").asText()).isIn("recent runs", "last release");
                }
            }
        }
    }

    @Test
    void aFailingWebhookIsReportedAndChangesNothing() throws Exception {
        try (FakeWebhook hook = new FakeWebhook(n -> 500)) {
            CliRun r = nightly(config("plain.yaml"), "--notify", hook.url("/secret-path"));
            assertThat(r.exit()).as("the gate's exit code, not a delivery failure's").isEqualTo(1);
            assertThat(hook.requests).hasValue(3);
            assertThat(r.err()).contains("benchledger: warning: could not notify http://127.0.0.1:")
                    .contains(": HTTP 500: no_service (after 3 attempts; the gate's result is unchanged)")
                    .doesNotContain("secret-path");
        }
    }

    @Test
    void aBadAddressFailsBeforeAnythingRuns() throws Exception {
        CliRun option = nightly(config("plain.yaml"), "--notify", "mailto:ops@example.com");
        assertThat(option.exit()).isEqualTo(2);
        assertThat(option.err().strip()).isEqualTo(
                "benchledger: --notify: not a webhook URL: mailto:ops@example.com (expected http(s)://host/…, optionally prefixed slack+ or json+)");
        Path bad = config("bad.yaml", "https://hooks.example.com/a", "slack+hooks.slack.com/services/x");
        CliRun file = nightly(bad);
        assertThat(file.exit()).isEqualTo(2);
        assertThat(file.err()).startsWith("benchledger: " + bad + ":14: not a webhook URL: slack+hooks.slack.com/services/x");
        CliRun unset = nightly(config("plain.yaml"), "--notify", "slack+${BENCHLEDGER_TEST_UNSET_HOOK}");
        assertThat(unset.exit()).isEqualTo(1);
        assertThat(unset.err()).contains("benchledger: note: --notify: webhook skipped, its variable is unset or empty");
    }
}

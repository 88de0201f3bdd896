package io.benchledger.cli.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.benchledger.archive.BadInputException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookClientTest {
    /** Short pauses; a timeout generous enough for a busy machine (the hung server has its own). */
    private static final WebhookClient.Settings FAST =
            new WebhookClient.Settings(3, Duration.ofSeconds(10), Duration.ofMillis(20));

    private static WebhookTarget target(String spec) {
        return WebhookTarget.parse(spec, Map.of(), "--notify").orElseThrow();
    }

    @Test
    void thePrefixOrTheHostPicksTheFormatAndThePathStaysOutOfLogs() {
        assertThat(target("slack+https://chat.example.com/hooks/T0/B0/secret").format()).isEqualTo(PayloadFormat.SLACK);
        assertThat(target("json+https://hooks.slack.com/services/x").format()).isEqualTo(PayloadFormat.JSON);
        assertThat(target("https://hooks.slack.com/services/T0/B0/secret").format()).isEqualTo(PayloadFormat.SLACK);
        assertThat(target("https://alerts.example.com/in").format()).isEqualTo(PayloadFormat.JSON);
        WebhookTarget t = target("slack+https://hooks.slack.com:8443/services/T0/B0/secret");
        assertThat(t.uri().toString()).isEqualTo("https://hooks.slack.com:8443/services/T0/B0/secret");
        assertThat(t.display()).isEqualTo("https://hooks.slack.com:8443/…").doesNotContain("secret");

        Map<String, String> env = Map.of("HOOK", "https://hooks.slack.com/services/T0/B0/s3");
        assertThat(WebhookTarget.parse("${HOOK}", env, "x").orElseThrow().uri().getPath()).isEqualTo("/services/T0/B0/s3");
        assertThat(WebhookTarget.parse("slack+${UNSET}", env, "x")).isEmpty();
        assertThat(WebhookTarget.parse("slack+${EMPTY}", Map.of("EMPTY", " "), "x")).isEmpty();

        assertThatThrownBy(() -> WebhookTarget.parse("ftp://example.com/secret", env, "c.yaml:9"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("c.yaml:9: not a webhook URL: ftp://example.com/… (expected http(s)://host/…, optionally prefixed slack+ or json+)");
        assertThatThrownBy(() -> WebhookTarget.parse("https://exa mple.com/x", env, "--notify"))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith("--notify: not a webhook URL: https://exa mple.com/…");
    }

    @Test
    void aServerErrorIsRetriedWithBackoffUntilItAnswers() throws Exception {
        try (FakeWebhook hook = new FakeWebhook(n -> n < 3 ? 500 : 200)) {
            WebhookClient.Delivery d = new WebhookClient(FAST).post(target(hook.url("/h")), "{\"a\":1}");
            assertThat(d).isEqualTo(new WebhookClient.Delivery(true, 3, ""));
            assertThat(hook.bodies).containsExactly("{\"a\":1}", "{\"a\":1}", "{\"a\":1}");
        }
    }

    @Test
    void aFailingServerIsTriedABoundedNumberOfTimes() throws Exception {
        try (FakeWebhook hook = new FakeWebhook(n -> 503)) {
            WebhookClient.Delivery d = new WebhookClient(FAST).post(target(hook.url("/h")), "{}");
            assertThat(d).isEqualTo(new WebhookClient.Delivery(false, 3, "HTTP 503: no_service"));
            assertThat(hook.requests).hasValue(3);
        }
        try (FakeWebhook gone = new FakeWebhook(n -> 404)) {
            WebhookClient.Delivery d = new WebhookClient(FAST).post(target(gone.url("/h")), "{}");
            assertThat(d).as("a wrong address is not retried").isEqualTo(new WebhookClient.Delivery(false, 1, "HTTP 404: no_service"));
        }
    }

    @Test
    void aHungServerTimesOutEachAttempt() throws Exception {
        try (FakeWebhook hook = new FakeWebhook(n -> 0)) {
            long start = System.nanoTime();
            WebhookClient.Delivery d = new WebhookClient(new WebhookClient.Settings(2, Duration.ofMillis(300), Duration.ofMillis(10)))
                    .post(target(hook.url("/h")), "{}");
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertThat(d).isEqualTo(new WebhookClient.Delivery(false, 2, "no answer within 300 ms"));
            assertThat(ms).isBetween(600L, 5_000L);
        }
    }

    @Test
    void anUnreachableAddressSaysSo() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        WebhookClient.Delivery d = new WebhookClient(FAST).post(target("http://127.0.0.1:" + port + "/h"), "{}");
        assertThat(d.delivered()).isFalse();
        assertThat(d.attempts()).isEqualTo(3);
        assertThat(d.problem()).startsWith("cannot connect");
    }
}

package io.benchledger.cli.notify;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Posts a JSON body to a webhook, retrying a bounded number of times with doubling pauses. Retried:
 * no connection, a timeout, HTTP 429 and 5xx; not retried: other 4xx (a wrong or revoked URL will not
 * heal in a second).
 */
public final class WebhookClient {
    /** @param attempts tries in all; @param timeout per try, connecting and answering; @param backoff the first pause */
    public record Settings(int attempts, Duration timeout, Duration backoff) {
        public static final Settings DEFAULTS = new Settings(3, Duration.ofSeconds(10), Duration.ofSeconds(1));
    }

    /** @param problem empty when delivered; else what went wrong on the last try */
    public record Delivery(boolean delivered, int attempts, String problem) {
    }

    private final Settings settings;
    private final HttpClient http;

    public WebhookClient(Settings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public Delivery post(WebhookTarget target, String json) {
        HttpRequest request = HttpRequest.newBuilder(target.uri()).timeout(settings.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "benchledger")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
        String problem = "";
        long pause = settings.backoff().toMillis();
        for (int attempt = 1; attempt <= settings.attempts(); attempt++) {
            boolean retry;
            try {
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                int code = r.statusCode();
                if (code / 100 == 2) {
                    return new Delivery(true, attempt, "");
                }
                problem = "HTTP " + code + snippet(r.body());
                retry = code == 429 || code >= 500;
            } catch (HttpTimeoutException e) {
                problem = "no answer within " + settings.timeout().toMillis() + " ms";
                retry = true;
            } catch (ConnectException e) {
                problem = "cannot connect (" + (e.getMessage() == null ? "connection refused" : e.getMessage()) + ")";
                retry = true;
            } catch (IOException e) {
                problem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                retry = true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Delivery(false, attempt, "interrupted");
            }
            if (!retry) {
                return new Delivery(false, attempt, problem);
            }
            if (attempt < settings.attempts()) {
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new Delivery(false, attempt, problem);
                }
                pause *= 2;
            }
        }
        return new Delivery(false, settings.attempts(), problem);
    }

    /** The start of an error answer (Slack says "invalid_token", "no_service"): one line, short. */
    private static String snippet(String body) {
        String s = body == null ? "" : body.replaceAll("\\s+", " ").trim();
        if (s.isEmpty()) {
            return "";
        }
        return ": " + (s.length() > 80 ? s.substring(0, 80) + "…" : s);
    }
}

package io.benchledger.cli.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * The one benchledger comment of a pull request, through GitHub's REST API: found again by a hidden
 * marker in its body, updated when found, created when not, so a pull request never collects a comment
 * per push. (Pull request comments are issue comments in the REST API.)
 */
public final class PullRequestComments {
    /** What {@link #upsert} did, and the comment's id and address. */
    public record Outcome(boolean created, long id, String url) {
    }

    /** GitHub refuses comments longer than this many characters. */
    static final int MAX_BODY = 65_536;
    private static final int PAGE = 100;
    private static final int MAX_PAGES = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI api;
    private final String repo;
    private final int number;
    private final String token;
    private final HttpClient http;
    private final Duration timeout;

    public PullRequestComments(URI api, String repo, int number, String token, Duration timeout) {
        this.api = URI.create(api.toString().replaceAll("/+$", "") + "/");
        this.repo = repo;
        this.number = number;
        this.token = token;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** The marker line a comment is found by; {@code key} tells several benchledger comments apart. */
    public static String marker(String key) {
        return "<!-- benchledger-pr-comment:" + key + " -->";
    }

    public Outcome upsert(String key, String markdown) throws GithubApiException {
        String body = marker(key) + "\n" + markdown;
        if (body.length() > MAX_BODY) {
            String cut = "\n\n… (cut at GitHub's comment size limit; the job summary has all of it)\n";
            body = body.substring(0, MAX_BODY - cut.length()) + cut;
        }
        Optional<Long> existing = find(marker(key));
        String payload = JSON.createObjectNode().put("body", body).toString();
        if (existing.isPresent()) {
            JsonNode c = send("PATCH", "repos/" + repo + "/issues/comments/" + existing.get(), payload, 200);
            return new Outcome(false, existing.get(), text(c, "html_url"));
        }
        JsonNode c = send("POST", "repos/" + repo + "/issues/" + number + "/comments", payload, 201);
        if (!c.path("id").canConvertToLong()) {
            throw malformed("POST", "the created comment has no id");
        }
        return new Outcome(true, c.get("id").asLong(), text(c, "html_url"));
    }

    /** The oldest comment carrying the marker, reading every page of the pull request's comments. */
    private Optional<Long> find(String marker) throws GithubApiException {
        for (int page = 1; page <= MAX_PAGES; page++) {
            JsonNode list = send("GET", "repos/" + repo + "/issues/" + number + "/comments?per_page=" + PAGE + "&page=" + page, null, 200);
            if (!list.isArray()) {
                throw malformed("GET", "expected a list of comments, got " + list.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
            }
            for (JsonNode c : list) {
                if (!c.path("id").canConvertToLong() || !c.path("body").isTextual() && !c.path("body").isNull()) {
                    throw malformed("GET", "a comment without a numeric id or a text body");
                }
                if (c.path("body").asText("").contains(marker)) {
                    return Optional.of(c.get("id").asLong());
                }
            }
            if (list.size() < PAGE) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private JsonNode send(String method, String path, String payload, int expected) throws GithubApiException {
        URI uri = api.resolve(path);
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Accept", "application/vnd.github+json")
                .header("Authorization", "Bearer " + token)
                .header("X-GitHub-Api-Version", "2022-11-28")
                .header("User-Agent", "benchledger");
        b = payload == null ? b.GET() : b.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8));
        String what = method + " " + api.getScheme() + "://" + api.getAuthority() + "/" + path.replaceAll("\\?.*", "");
        HttpResponse<String> r;
        try {
            r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new GithubApiException("GitHub API " + what + ": no answer within " + timeout.toSeconds() + " s", false);
        } catch (ConnectException e) {
            throw new GithubApiException("GitHub API " + what + ": cannot connect (" + api.getAuthority() + " unreachable)", false);
        } catch (IOException e) {
            throw new GithubApiException("GitHub API " + what + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GithubApiException("GitHub API " + what + ": interrupted", false);
        }
        int code = r.statusCode();
        if (code != expected) {
            String message = message(r.body());
            String hint = switch (code) {
                case 401 -> ": the token was rejected (expired or wrong)";
                case 403 -> ": the token may not write comments (the job needs 'permissions: pull-requests: write';"
                        + " a pull request from a fork gets a read-only token)";
                case 404 -> ": no pull request #" + number + " in " + repo + ", or the token cannot see it";
                default -> "";
            };
            throw new GithubApiException("GitHub API " + what + ": HTTP " + code + message + hint,
                    code == 401 || code == 403 || code == 404 || code == 422);
        }
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw malformed(what, "not JSON");
        }
    }

    private GithubApiException malformed(String what, String detail) {
        return new GithubApiException("GitHub API " + what + (what.contains(" ") ? "" : " " + repo)
                + ": malformed answer (" + detail + ")", false);
    }

    /** GitHub's error documents carry a {@code message}; anything else is left out. */
    private static String message(String body) {
        try {
            JsonNode n = JSON.readTree(body);
            return n != null && n.path("message").isTextual() ? " " + n.get("message").asText().replaceAll("\\s+", " ") : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static String text(JsonNode n, String field) {
        return n.path(field).isTextual() ? n.get(field).asText() : "";
    }
}

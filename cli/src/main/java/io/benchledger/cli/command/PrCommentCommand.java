package io.benchledger.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchledger.archive.BadInputException;
import io.benchledger.cli.GlobalOptions;
import io.benchledger.cli.github.GithubApiException;
import io.benchledger.cli.github.PullRequestComments;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "pr-comment", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Creates or updates the one benchledger comment on a GitHub pull request with a Markdown file",
                "(e.g. the summary of compare --format markdown). The comment is found again by a hidden marker,",
                "so each push updates it instead of adding another. The token comes from the environment",
                "variable GITHUB_TOKEN (or --token-env, --token-file) and needs 'pull-requests: write'."},
        footer = {"", "Exit codes: 0 created or updated; 2 bad input: a missing file, no token, or the API refused it",
                "(token rejected, no such pull request, no permission: a fork's read-only token); 3 the API failed",
                "(unreachable, timed out, an error on its side, an answer that is not what GitHub sends)."})
public final class PrCommentCommand implements Callable<Integer> {
    private static final Pattern REPO = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");

    @Mixin
    GlobalOptions global;

    @Option(names = "--body", paramLabel = "FILE", required = true, description = "The Markdown to post.")
    Path body;

    @Option(names = "--repo", paramLabel = "OWNER/NAME", description = "The repository (default: $GITHUB_REPOSITORY).")
    String repo;

    @Option(names = "--pr", paramLabel = "N",
            description = "The pull request number (default: from the event file $GITHUB_EVENT_PATH of a pull_request job).")
    Integer pr;

    @Option(names = "--key", paramLabel = "KEY", defaultValue = "default",
            description = "Tells several benchledger comments of one pull request apart, e.g. per suite (default: ${DEFAULT-VALUE}).")
    String key;

    @Option(names = "--api-url", paramLabel = "URL",
            description = "The REST API (default: $GITHUB_API_URL, else https://api.github.com; GitHub Enterprise differs).")
    String apiUrl;

    @Option(names = "--token-env", paramLabel = "NAME", defaultValue = "GITHUB_TOKEN",
            description = "Environment variable holding the token (default: ${DEFAULT-VALUE}).")
    String tokenEnv;

    @Option(names = "--token-file", paramLabel = "FILE", description = "Read the token from this file instead.")
    Path tokenFile;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Per request (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        String markdown = read(body, "--body");
        String repository = repo != null ? repo : System.getenv().getOrDefault("GITHUB_REPOSITORY", "");
        if (!REPO.matcher(repository).matches()) {
            throw new BadInputException(repository.isEmpty() ? "--repo: not given and GITHUB_REPOSITORY is not set"
                    : "--repo: expected OWNER/NAME, got '" + repository + "'");
        }
        int number = pr != null ? pr : eventNumber();
        if (number < 1) {
            throw new BadInputException("--pr: expected a pull request number >= 1, got " + number);
        }
        String token = tokenFile != null ? read(tokenFile, "--token-file").strip() : System.getenv().getOrDefault(tokenEnv, "").strip();
        if (token.isEmpty()) {
            throw new BadInputException(tokenFile != null ? "--token-file " + tokenFile + ": empty"
                    : tokenEnv + " is not set: pr-comment needs a token that may write pull request comments");
        }
        String api = apiUrl != null ? apiUrl : System.getenv().getOrDefault("GITHUB_API_URL", "https://api.github.com");
        URI uri;
        try {
            uri = URI.create(api);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--api-url: not a URL: " + api);
        }
        if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
            throw new BadInputException("--api-url: expected http(s)://host/…, got " + api);
        }
        PullRequestComments comments = new PullRequestComments(uri, repository, number, token,
                Duration.ofSeconds(Math.max(1, timeoutSeconds)));
        try {
            PullRequestComments.Outcome o = comments.upsert(key, markdown);
            System.out.println("benchledger: " + (o.created() ? "created" : "updated") + " comment " + o.id() + " on "
                    + repository + "#" + number + (o.url().isEmpty() ? "" : ": " + o.url()));
            return 0;
        } catch (GithubApiException e) {
            if (e.badInput()) {
                throw new BadInputException(e.getMessage());
            }
            throw new IOException(e.getMessage());
        }
    }

    private static String read(Path file, String option) throws IOException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new BadInputException(option + " " + file + ": no such file");
        } catch (MalformedInputException e) {
            throw new BadInputException(option + " " + file + ": not UTF-8 text");
        }
    }

    /** The number of the pull request a pull_request job runs for, from its event file. */
    private static int eventNumber() throws IOException {
        String event = System.getenv().getOrDefault("GITHUB_EVENT_PATH", "");
        if (event.isEmpty()) {
            throw new BadInputException("--pr: not given, and GITHUB_EVENT_PATH is not set (not a GitHub Actions job)");
        }
        JsonNode n;
        try {
            n = new ObjectMapper().readTree(Path.of(event).toFile());
        } catch (IOException e) {
            throw new BadInputException("GITHUB_EVENT_PATH " + event + ": cannot read the event (" + e.getMessage() + ")");
        }
        JsonNode num = n == null ? null : n.at("/pull_request/number");
        if (num == null || !num.canConvertToInt()) {
            throw new BadInputException("GITHUB_EVENT_PATH " + event + ": not a pull_request event (no pull_request.number); give --pr");
        }
        return num.asInt();
    }
}

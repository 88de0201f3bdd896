package io.benchledger.cli.github;

import static org.assertj.core.api.Assertions.assertThat;

import io.benchledger.cli.CliRun;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pr-comment against a fake GitHub REST API on 127.0.0.1. */
class PrCommentCommandTest {
    @TempDir
    static Path dir;
    static Path goodToken;
    static Path badToken;

    @BeforeAll
    static void tokens() throws Exception {
        goodToken = Files.writeString(dir.resolve("token"), FakeGithub.TOKEN + "\n");
        badToken = Files.writeString(dir.resolve("bad-token"), "ghs_expired");
    }

    private static CliRun comment(FakeGithub gh, Path token, String markdown, String... extra) throws Exception {
        Path body = Files.writeString(Files.createTempFile(dir, "body", ".md"), markdown);
        List<String> args = new ArrayList<>(List.of("pr-comment", "--body", body.toString(), "--repo", FakeGithub.REPO,
                "--pr", Integer.toString(FakeGithub.PR), "--api-url", gh.url(), "--token-file", token.toString()));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void theCommentIsCreatedOnceThenUpdatedNeverDuplicated() throws Exception {
        try (FakeGithub gh = new FakeGithub()) {
            // a long discussion: the marker comment will sit on the second page of the list
            for (int i = 0; i < 120; i++) {
                gh.addComment("reviewer", "looks good " + i);
            }
            CliRun first = comment(gh, goodToken, "## benchledger\n\nfirst push\n");
            assertThat(first.exit()).as(first.err()).isZero();
            assertThat(first.out()).startsWith("benchledger: created comment 1120 on octo/widgets#7: https://github.com/");
            for (int i = 0; i < 30; i++) {
                gh.addComment("reviewer", "more " + i);
            }
            CliRun second = comment(gh, goodToken, "## benchledger\n\nsecond push\n");
            assertThat(second.exit()).as(second.err()).isZero();
            assertThat(second.out()).startsWith("benchledger: updated comment 1120 on octo/widgets#7");
            CliRun third = comment(gh, goodToken, "## benchledger\n\nthird push\n");
            assertThat(third.exit()).isZero();

            List<String> ours = gh.comments.values().stream().filter(b -> b.contains("benchledger-pr-comment")).toList();
            assertThat(ours).containsExactly("<!-- benchledger-pr-comment:default -->\n## benchledger\n\nthird push\n");
            assertThat(gh.comments).hasSize(151);
            assertThat(gh.requests.stream().filter(r -> r.startsWith("POST"))).hasSize(1);
            assertThat(gh.requests.stream().filter(r -> r.startsWith("PATCH"))).containsExactly(
                    "PATCH /repos/octo/widgets/issues/comments/1120", "PATCH /repos/octo/widgets/issues/comments/1120");
            // the reviewers' comments are untouched
            assertThat(gh.comments.get(1000L)).isEqualTo("looks good 0");

            // another key is another comment
            CliRun other = comment(gh, goodToken, "other suite\n", "--key", "crypto");
            assertThat(other.out()).contains("created comment");
            assertThat(gh.comments).hasSize(152);
            Files.writeString(dir.resolve("captured-comment.md"), ours.get(0));
        }
    }

    @Test
    void aRejectedTokenIsOneLineAndExitTwo() throws Exception {
        try (FakeGithub gh = new FakeGithub()) {
            CliRun r = comment(gh, badToken, "x");
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).isEqualTo("benchledger: GitHub API GET " + gh.url()
                    + "/repos/octo/widgets/issues/7/comments: HTTP 401 Bad credentials: the token was rejected (expired or wrong)\n");
            assertThat(gh.comments).isEmpty();
        }
    }

    @Test
    void aForksReadOnlyTokenSaysWhatPermissionIsMissing() throws Exception {
        try (FakeGithub gh = new FakeGithub()) {
            gh.readOnly = true;
            CliRun r = comment(gh, goodToken, "x");
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err().lines()).hasSize(1);
            assertThat(r.err()).contains("POST", "HTTP 403 Resource not accessible by integration",
                    "'permissions: pull-requests: write'", "a fork gets a read-only token");
            assertThat(gh.comments).isEmpty();
        }
    }

    @Test
    void malformedAnswersAndServerErrorsAreExitThree() throws Exception {
        try (FakeGithub gh = new FakeGithub()) {
            gh.malformedList = "<html>rate limited</html>";
            CliRun html = comment(gh, goodToken, "x");
            assertThat(html.exit()).isEqualTo(3);
            assertThat(html.err()).isEqualTo("benchledger: error: GitHub API GET " + gh.url()
                    + "/repos/octo/widgets/issues/7/comments: malformed answer (not JSON)\n");
            gh.malformedList = "{\"message\": \"a map, not a list\"}";
            CliRun map = comment(gh, goodToken, "x");
            assertThat(map.exit()).isEqualTo(3);
            assertThat(map.err()).contains("malformed answer (expected a list of comments, got object)");
            gh.malformedList = "[{\"id\": \"x\", \"body\": 3}]";
            assertThat(comment(gh, goodToken, "x").err()).contains("malformed answer (a comment without a numeric id or a text body)");
            gh.malformedList = null;
            gh.failWith = 502;
            gh.failMessage = "Server Error";
            CliRun down = comment(gh, goodToken, "x");
            assertThat(down.exit()).isEqualTo(3);
            assertThat(down.err()).endsWith(": HTTP 502 Server Error\n");
            gh.failWith = 404;
            gh.failMessage = "Not Found";
            CliRun missing = comment(gh, goodToken, "x");
            assertThat(missing.exit()).isEqualTo(2);
            assertThat(missing.err()).endsWith("HTTP 404 Not Found: no pull request #7 in octo/widgets, or the token cannot see it\n");
            assertThat(gh.comments).isEmpty();
        }
    }

    @Test
    void anUnreachableApiAndBadOptions() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path body = Files.writeString(dir.resolve("b.md"), "x");
        CliRun down = CliRun.of("pr-comment", "--body", body.toString(), "--repo", "o/r", "--pr", "1",
                "--api-url", "http://127.0.0.1:" + port, "--token-file", goodToken.toString());
        assertThat(down.exit()).isEqualTo(3);
        assertThat(down.err()).isEqualTo("benchledger: error: GitHub API GET http://127.0.0.1:" + port
                + "/repos/o/r/issues/1/comments: cannot connect (127.0.0.1:" + port + " unreachable)\n");

        CliRun noBody = CliRun.of("pr-comment", "--body", dir.resolve("none.md").toString(), "--repo", "o/r", "--pr", "1");
        assertThat(noBody.exit()).isEqualTo(2);
        assertThat(noBody.err()).isEqualTo("benchledger: --body " + dir.resolve("none.md") + ": no such file\n");
        CliRun badRepo = CliRun.of("pr-comment", "--body", body.toString(), "--repo", "just-a-name", "--pr", "1");
        assertThat(badRepo.err()).isEqualTo("benchledger: --repo: expected OWNER/NAME, got 'just-a-name'\n");
        CliRun noToken = CliRun.of("pr-comment", "--body", body.toString(), "--repo", "o/r", "--pr", "1",
                "--token-env", "BENCHLEDGER_TEST_NO_SUCH_TOKEN");
        assertThat(noToken.exit()).isEqualTo(2);
        assertThat(noToken.err()).isEqualTo(
                "benchledger: BENCHLEDGER_TEST_NO_SUCH_TOKEN is not set: pr-comment needs a token that may write pull request comments\n");
    }
}

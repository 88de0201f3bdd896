package io.benchledger.cli.github;

import static org.assertj.core.api.Assertions.assertThat;

import io.benchledger.cli.BenchledgerCommand;
import io.benchledger.cli.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The action's script (action/run.sh) in pull-request mode, as GitHub would run it: a repository whose
 * origin holds an archive branch with a run of main, real tiny JMH runs of the pull request's head
 * (recorded under its own branch, judged against main's history), and the fake REST API. The comment
 * is created once and then updated; a fork gets the job summary and a note; the archive branch never
 * changes.
 *
 * <p>Cost: the script starts about six JVMs a run, three runs. One seed run is enough history to
 * compare with, and benchledger's own short-lived JVMs run with C1 only and the serial collector
 * (JMH's forks keep their defaults): the test checks the script, not benchledger's speed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ActionScriptTest {
    @TempDir
    static Path dir;
    static Path origin;
    static Path work;
    static Path config;
    static String archiveHead;
    static FakeGithub gh;

    static final String CONFIG = """
            defaultSuite: tiny
            suites:
              tiny:
                version: 1.0.0
                include: ['HashBenchmark\\.sha256$']
                jmh:
                  params:
                    size: ['64']
            profiles:
              nightly:
                jmh: {forks: 1, warmupIterations: 1, warmupTime: 20ms, measurementIterations: 10, measurementTime: 20ms}
            """;

    static String git(Path in, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("git", "-C", in.toString(), "-c", "user.name=t", "-c", "user.email=t@example.com"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(String.join(" ", args) + "\n" + out).isZero();
        return out.strip();
    }

    @BeforeAll
    static void repository() throws Exception {
        origin = dir.resolve("origin.git");
        Files.createDirectories(origin);
        git(origin, "init", "--quiet", "--bare", "-b", "main");
        work = dir.resolve("work");
        Files.createDirectories(work);
        git(work, "init", "--quiet", "-b", "main");
        config = work.resolve("benchledger.yaml");
        Files.writeString(config, CONFIG);
        git(work, "add", "-A");
        git(work, "commit", "--quiet", "-m", "code");
        git(work, "remote", "add", "origin", origin.toString());
        git(work, "push", "--quiet", "origin", "main");
        // the archive branch: a nightly run of main
        Path seed = dir.resolve("seed");
        git(work, "worktree", "add", "--quiet", "--detach", seed.toString());
        git(seed, "checkout", "--quiet", "--orphan", "benchledger-archive");
        git(seed, "rm", "-rfq", ".");
        CliRun c = CliRun.of("collect", "--ignore-jmh-lock", "--archive", seed.toString(), "--config", config.toString(),
                "--git-dir", work.toString(), "--trigger", "nightly");
        assertThat(c.exit()).as(c.err()).isZero();
        assertThat(c.out()).contains(", branch main\n");
        git(seed, "add", "-A");
        git(seed, "commit", "--quiet", "-m", "archive");
        git(seed, "push", "--quiet", "origin", "HEAD:refs/heads/benchledger-archive");
        git(work, "worktree", "remove", "--force", seed.toString());
        archiveHead = git(work, "ls-remote", "origin", "refs/heads/benchledger-archive");
        gh = new FakeGithub();
    }

    static Path script() {
        Path p = Path.of("").toAbsolutePath();
        while (!Files.exists(p.resolve("action/run.sh"))) {
            p = p.getParent();
        }
        return p.resolve("action/run.sh");
    }

    record Result(int exit, String log, String stepSummary, String outputs) {
    }

    static Result runAction(String headRepo, String name) throws Exception {
        Path runner = Files.createDirectories(dir.resolve("runner-" + name));
        Path stepSummary = runner.resolve("step-summary.md");
        Path outputs = runner.resolve("output");
        Path token = Files.writeString(runner.resolve("t"), FakeGithub.TOKEN);
        ProcessBuilder pb = new ProcessBuilder("bash", script().toString()).directory(work.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("GITHUB_") || k.startsWith("BL_"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        env.putAll(new HashMap<>(Map.of(
                "BL_COMMAND", java + " -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp " + System.getProperty("java.class.path")
                        + " " + BenchledgerCommand.class.getName(),
                "BL_MODE", "pull-request", "BL_HEAD_REF", "feature/faster-hash", "BL_CONFIG", "benchledger.yaml", "BL_FAIL_ON", "none",
                "BL_BASE_REF", "main", "BL_PR_NUMBER", Integer.toString(FakeGithub.PR), "BL_HEAD_REPO", headRepo,
                "GITHUB_REPOSITORY", FakeGithub.REPO, "GITHUB_API_URL", gh.url())));
        env.putAll(Map.of("GITHUB_WORKSPACE", work.toString(), "RUNNER_TEMP", runner.toString(),
                "GITHUB_STEP_SUMMARY", stepSummary.toString(), "GITHUB_OUTPUT", outputs.toString(),
                "GITHUB_SHA", "0123abc", "GITHUB_TOKEN", FakeGithub.TOKEN, "BL_JMH_LOCK", token.toString()));
        Process p = pb.start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(240, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), log, read(stepSummary), read(outputs));
    }

    static String read(Path p) throws IOException {
        return Files.exists(p) ? Files.readString(p) : "";
    }

    @Test
    @Order(1)
    void aPullRequestGetsOneCommentCreatedThenUpdated() throws Exception {
        Result first = runAction(FakeGithub.REPO, "first");
        assertThat(first.exit()).as(first.log()).isZero();
        assertThat(first.log()).contains("benchledger: created comment 1000 on octo/widgets#7");
        assertThat(first.outputs()).contains("exit-code=0");
        assertThat(gh.comments).hasSize(1);
        String body = gh.comments.get(1000L);
        // the run is recorded under the pull request's branch, and judged against main's history
        assertThat(first.log()).contains("; project default, version pr-7, branch feature/faster-hash\n");
        assertThat(body).startsWith("<!-- benchledger-pr-comment:default -->\n## benchledger: pull request #7 against `main`\n")
                .contains("**Benchmark comparison** recent:20:branch=main = 1 run of branch 'main', suite 'tiny'")
                .contains("io.benchledger.suites.crypto.HashBenchmark.sha256\\[size=64\\]@thrpt")
                .contains("Measured on commit 0123abc against the newest 20 runs of `main` in `benchledger-archive`.");
        assertThat(first.stepSummary()).isEqualTo(body.substring(body.indexOf('\n') + 1));

        Result second = runAction(FakeGithub.REPO, "second");
        assertThat(second.exit()).as(second.log()).isZero();
        assertThat(second.log()).contains("benchledger: updated comment 1000 on octo/widgets#7");
        assertThat(gh.comments).hasSize(1);
        assertThat(gh.requests.stream().filter(r -> r.startsWith("POST"))).hasSize(1);
        assertThat(gh.requests.stream().filter(r -> r.startsWith("PATCH"))).hasSize(1);
        Files.writeString(Path.of("target", "pr-comment.md"), gh.comments.get(1000L));

        // read-only: the archive branch is as it was, and no worktree is left behind
        assertThat(git(work, "ls-remote", "origin", "refs/heads/benchledger-archive")).isEqualTo(archiveHead);
        assertThat(git(work, "worktree", "list").lines()).hasSize(1);
    }

    @Test
    @Order(2)
    void aForkGetsTheJobSummaryAndANoteButNoComment() throws Exception {
        int requests = gh.requests.size();
        Result fork = runAction("someone/widgets", "fork");
        assertThat(fork.exit()).as(fork.log()).isZero();
        assertThat(gh.requests).hasSize(requests);
        assertThat(fork.stepSummary()).contains("## benchledger: pull request #7 against `main`")
                .contains("> This pull request comes from a fork (someone/widgets): its job token cannot write comments,"
                        + " so the comparison is in the job summary only.");
        assertThat(git(work, "ls-remote", "origin", "refs/heads/benchledger-archive")).isEqualTo(archiveHead);
    }
}

package io.benchledger.collector.env;

import io.benchledger.archive.model.Run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.benchledger.archive.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentCaptureTest {
    static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    static void git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(Map.of("GIT_AUTHOR_NAME", "t", "GIT_AUTHOR_EMAIL", "t@example.org",
                "GIT_COMMITTER_NAME", "t", "GIT_COMMITTER_EMAIL", "t@example.org",
                "GIT_AUTHOR_DATE", "2026-02-03T04:05:06Z", "GIT_COMMITTER_DATE", "2026-02-03T04:05:06Z"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
    }

    @Test
    void commitBranchAndCommitTimeFromAGitWorkTree(@TempDir Path dir) throws Exception {
        git(dir, "init", "-q", "-b", "feature-x");
        Files.writeString(dir.resolve("a.txt"), "a");
        git(dir, "add", "a.txt");
        git(dir, "commit", "-q", "-m", "first");
        Run env = EnvironmentCapture.capture(java(), "", Optional.of(dir), Map.of()).build();
        assertThat(env.commit()).hasSize(40);
        assertThat(env.branch()).isEqualTo("feature-x");
        assertThat(env.commitTime()).contains(Instant.parse("2026-02-03T04:05:06Z"));
        // the measuring JVM answers for itself
        assertThat(env.jvmVersion()).isEqualTo(System.getProperty("java.runtime.version"));
        assertThat(env.jvmVendor()).isEqualTo(System.getProperty("java.vendor"));
        assertThat(env.cpuCount()).isEqualTo(Runtime.getRuntime().availableProcessors());

        assertThatThrownBy(() -> EnvironmentCapture.capture(java(), "nosuchrev", Optional.of(dir), Map.of()))
                .isInstanceOf(BadInputException.class).hasMessage("--git-dir " + dir + ": fatal: Needed a single revision");
    }

    @Test
    void ciIsRecognisedFromItsVariables() throws IOException {
        Run env = EnvironmentCapture.capture(java(), "", Optional.empty(),
                Map.of("GITHUB_ACTIONS", "true", "GITHUB_SHA", "0123abc", "GITHUB_REF_NAME", "main")).build();
        assertThat(env.labels()).containsEntry("ci", "github-actions");
        assertThat(env.commit()).isEqualTo("0123abc");
        assertThat(env.branch()).isEqualTo("main");
        assertThat(EnvironmentCapture.ci(Map.of("CI", "true"))).isEqualTo("unknown");
        assertThat(EnvironmentCapture.ci(Map.of("CI", "false"))).isEmpty();
        assertThat(EnvironmentCapture.ci(Map.of())).isEmpty();
    }
}

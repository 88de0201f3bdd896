package io.benchledger.cli.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.benchledger.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The summary of a release of a synthetic history (20 cases, 20 runs a side). */
class GateSummaryTest {
    @TempDir
    Path dir;

    @Test
    void inconclusiveReasonsThatDifferInTheirFiguresOnlyAreCountedTogether() throws Exception {
        Path archive = dir.resolve("archive");
        assertThat(CliRun.of("generate", "--benchmarks", "20", "--runs", "40", "--changes", "8", "--outlier-rate", "0.01",
                "--out", archive.toString()).exit()).isZero();
        Path md = dir.resolve("summary.md");
        CliRun release = CliRun.of("release", "1.1.0", "--archive", archive.toString(), "--no-publish",
                "--summary", md.toString());
        assertThat(release.exit()).as(release.err()).isEqualTo(1); // two regressions
        String out = release.out();
        // every inconclusive case of this history lacks forks, each its own number of them: one line for all ten
        assertThat(out).contains(" 10 inconclusive,").containsPattern("\n  inconclusive \\(10\\): needs \\d+–\\d+ forks/side\n");
        assertThat(out).doesNotContain("inconclusive (1)");
        String summary = Files.readString(md);
        assertThat(summary).containsPattern("\n- inconclusive \\(10\\): needs \\d+–\\d+ forks/side\n");
        // the counts and the sides compared are two paragraphs, not one run-on line
        assertThat(summary).containsPattern("better-is-positive\\)\n\nbaseline last-release = 1\\.0\\.0");
    }

    /** Signed figures keep their sign in a range: "-9.2–10.2%" read as one end negative, the other not. */
    @Test
    void signedFiguresKeepTheirSignsInARange() {
        GateSummary.Reason r = new GateSummary.Reason();
        String a = "change +7.8% is beyond the threshold ±5% but its interval [-9.2%, +25.7%] is not wholly beyond it";
        String b = "change -8% is beyond the threshold ±7.5% but its interval [-10.2%, +2.1%] is not wholly beyond it";
        r.add(a);
        r.add(b);
        assertThat(a.replaceAll(GateSummary.Reason.FIGURE, "\u0000")).isEqualTo(b.replaceAll(GateSummary.Reason.FIGURE, "\u0000"));
        assertThat(r.text(a.replaceAll(GateSummary.Reason.FIGURE, "\u0000"))).isEqualTo(
                "change -8 to +7.8% is beyond the threshold ±5\u20137.5% but its interval [-10.2 to -9.2%, +2.1 to +25.7%]"
                        + " is not wholly beyond it");
    }
}

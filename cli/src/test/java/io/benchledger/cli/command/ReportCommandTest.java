package io.benchledger.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.benchledger.archive.model.Mode;
import io.benchledger.archive.model.Result;
import io.benchledger.archive.model.Run;
import io.benchledger.archive.model.RunRecord;
import io.benchledger.archive.model.Sample;
import io.benchledger.archive.store.Archive;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchledger.cli.CliRun;
import io.benchledger.report.model.Formats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
    static final Instant T0 = Instant.parse("2026-02-01T10:00:00Z");

    @TempDir
    Path tmp;
    Path archiveDir;

    /** Three runs of project "crypto": 1.4.0 on day 0 and 1, 1.5.0 on day 2 (on a different host). */
    @BeforeEach
    void archive() throws IOException {
        archiveDir = tmp.resolve("archive");
        Archive archive = Archive.open(archiveDir);
        List<RunRecord> runs = new ArrayList<>();
        double[] aes = {100.0, 101.0, 112.3};
        double[] shaScores = {2000.0, 2010.0, 1400.0};
        String[] versions = {"1.4.0", "1.4.0", "1.5.0"};
        for (int i = 0; i < 3; i++) {
            String id = "01RUN" + i + "0000000000000000000000";
            Instant t = T0.plusSeconds(86400L * i);
            Run run = Run.builder(id, t).finishedAt(t.plusSeconds(600)).project("crypto").version(versions[i])
                    .suite("crypto").environment("ci").trigger(Run.TRIGGER_RELEASE).commit("c" + i).branch("main")
                    .host(i == 2 ? "bänch-2" : "bench-1").os("Linux").arch("amd64").cpuModel("Test CPU").cpuCount(4)
                    .memoryBytes(16L << 30).jvmVendor("Eclipse Adoptium").jvmVersion("17.0.12").jvmArgs("-Xmx1g")
                    .harness("jmh").harnessVersion("1.37").build();
            Result r = new Result(id, null, "org.example.crypto.AesGcm.encrypt", new TreeMap<>(Map.of("size", "1024")),
                    Mode.AVERAGE_TIME, Result.PRIMARY, "ns/op", false, 1, 2, 1, "1 s", 3, "1 s", aes[i], 1.0,
                    aes[i] - 1, aes[i] + 1, 6, Optional.empty(), "");
            Result sha = new Result(id, null, "org.example.crypto.Sha256.hash", new TreeMap<>(Map.of("size", "64")),
                    Mode.THROUGHPUT, Result.PRIMARY, "ops/s", true, 1, 2, 1, "1 s", 3, "1 s", shaScores[i], 1.0,
                    shaScores[i] - 1, shaScores[i] + 1, 6, Optional.empty(), "");
            List<Sample> samples = new ArrayList<>();
            for (int f = 0; f < 2; f++) {
                for (int it = 0; it < 3; it++) {
                    samples.add(new Sample(id, r.caseKey(), Result.PRIMARY, f, it, aes[i] + f * 0.2 + it * 0.1, 1));
                    samples.add(new Sample(id, sha.caseKey(), Result.PRIMARY, f, it, shaScores[i] + f * 0.2 + it * 0.1, 1));
                }
            }
            runs.add(new RunRecord(run, List.of(r, sha), samples));
        }
        archive.commit(runs);
    }

    @Test
    void releaseReportComparesTheNewestVersionWithTheOneBefore() throws IOException {
        Path pdf = tmp.resolve("out/release.pdf");
        CliRun o = CliRun.of("report", "--type", "release", "--archive", archiveDir.toString(), "--project", "crypto",
                "--baseline", "1.4.0", "--out", pdf.toString());
        assertThat(o.exit()).as(o.err()).isZero();
        assertThat(o.out()).contains("release.pdf: ", " pages, 2 cases, 1.5.0 (1 run) against 1.4.0 (2 runs)");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper s = new PDFTextStripper();
            s.setSortByPosition(true);
            String text = s.getText(doc);
            // (lines joined: the environment wraps on the title page)
            assertThat(text.replaceAll("\\s+", " ")).contains("Candidate 1.5.0 (1 run)",
                    "Baseline 1.4.0 (2 runs)", "Date 2026-02-03 10:00 UTC",
                    "bänch-2 · Test CPU, 4 CPUs · 16 GiB memory · Linux amd64 · Eclipse Adoptium 17.0.12");
            // baseline: 12 samples 100.0..100.4 and 101.0..101.4, symmetric about 100.7; candidate: 112.3..112.7,
            // about 112.5; (112.5 − 100.7) ÷ 100.7 = +11.7 %: a regression of latency, severity minor (> 10 %)
            assertThat(text).containsPattern("ns/op 100\\.7 112\\.5 \\+11\\.7% \\[\\+1\\d\\.\\d%, \\+1\\d\\.\\d%\\] \\S+ ±\\d+\\.\\d% \\((configured|learned)\\) regressed");
            // throughput: baseline about 2005.2 (2000.0..2000.4 and 2010.0..2010.4), candidate about 1400.2;
            // (1400.2 − 2005.2) ÷ 2005.2 = −30.2 %: a regression, severity major (> 25 %)
            assertThat(text).containsPattern("ops/s 2005 1400 -30\\.2% \\[-\\d\\d\\.\\d%, -\\d\\d\\.\\d%\\] \\S+ ±\\d+\\.\\d% \\((configured|learned)\\) regressed");
            assertThat(text).contains("regressed 2", "total 2", "major", "minor");
            // the appendix holds the two baseline runs and the candidate run
            assertThat(text).contains("Run 01RUN00000000000000000000000 (baseline, 1.4.0)",
                    "Run 01RUN10000000000000000000000 (baseline, 1.4.0)",
                    "Run 01RUN20000000000000000000000 (candidate, 1.5.0)");
            assertThat(text).contains("No budget file was given, so no budget was checked.");
            assertThat(doc.getDocumentInformation().getCreationDate().toInstant())
                    .isEqualTo(Instant.parse("2026-02-03T10:00:00Z"));
        }
    }

    /** Every number of a row is the one 'compare' gives for the same archive and sides. */
    @Test
    void theRowsAreThoseOfTheCompareCommand() throws IOException {
        Path pdf = tmp.resolve("same.pdf");
        CliRun report = CliRun.of("report", "--type", "release", "--archive", archiveDir.toString(), "--project",
                "crypto", "--baseline", "1.4.0", "--candidate", "1.5.0", "--out", pdf.toString());
        assertThat(report.exit()).as(report.err()).isZero();
        CliRun compare = CliRun.of("compare", "1.4.0", "1.5.0", "--archive", archiveDir.toString(), "--project",
                "crypto", "--format", "json");
        assertThat(compare.exit()).as(compare.err()).isZero();
        JsonNode cases = new ObjectMapper().readTree(compare.out()).path("cases");
        assertThat(cases.size()).isEqualTo(2);
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper s = new PDFTextStripper();
            s.setSortByPosition(true);
            text = s.getText(doc);
        }
        for (JsonNode c : cases) {
            String row = c.path("unit").asText() + " " + Formats.number(c.path("baseline_mean").asDouble()) + " "
                    + Formats.number(c.path("candidate_mean").asDouble()) + " " + Formats.percent(c.path("change").asDouble())
                    + " " + Formats.interval(c.path("ci_low").asDouble(), c.path("ci_high").asDouble()) + " "
                    + Formats.probability(c.path("q_value").asDouble()) + " "
                    + Formats.threshold(c.path("threshold").asDouble(), c.path("threshold_source").asText()) + " "
                    + c.path("verdict").asText();
            assertThat(text).contains(row);
        }
    }

    @Test
    void nightlyReportComparesTheLatestRunWithItsRecentRunsAsTheGateDoes() throws IOException {
        Path pdf = tmp.resolve("nightly.pdf");
        CliRun o = CliRun.of("report", "--type", "nightly", "--archive", archiveDir.toString(), "--project", "crypto",
                "--out", pdf.toString());
        assertThat(o.exit()).as(o.err()).isZero();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            // the gate's baseline (recent:20): both earlier runs; two runs of two forks cannot tell the run-to-run noise
            assertThat(text).contains("Nightly benchmark report", "Run 01RUN20000000000000000000000 (candidate, 1.5.0)",
                    "Run 01RUN10000000000000000000000 (baseline, 1.4.0)", "Baseline recent:20 = 2 runs of branch 'main'",
                    "Cases compared 2 (0 regressed, 0 improved, 0 unchanged, 2 inconclusive)");
        }
    }

    @Test
    void nightlyTakesNoSides() {
        CliRun o = CliRun.of("report", "--type", "nightly", "--archive", archiveDir.toString(), "--project", "crypto",
                "--baseline", "1.4.0", "--out", tmp.resolve("x.pdf").toString());
        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.err()).contains("--baseline and --candidate are for --type release");
        assertThat(tmp.resolve("x.pdf")).doesNotExist();
    }

    @Test
    void aReleaseReportNeedsTheVersionsToExist() {
        Path pdf = tmp.resolve("x.pdf");
        CliRun o = CliRun.of("report", "--type", "release", "--archive", archiveDir.toString(), "--project", "crypto",
                "--baseline", "version:0.9.0", "--out", pdf.toString());
        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.err()).contains("0.9.0");
        assertThat(pdf).doesNotExist();
    }
}

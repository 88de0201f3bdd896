package io.benchledger.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.benchledger.archive.model.Mode;
import io.benchledger.archive.model.Result;
import io.benchledger.archive.model.Run;
import io.benchledger.archive.model.RunRecord;
import io.benchledger.archive.model.Sample;
import io.benchledger.archive.store.Archive;
import io.benchledger.cli.CliRun;
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
    String aesKey;

    /** Three runs of project "crypto": 1.4.0 on day 0 and 1, 1.5.0 on day 2 (on a different host). */
    @BeforeEach
    void archive() throws IOException {
        archiveDir = tmp.resolve("archive");
        Archive archive = Archive.open(archiveDir);
        List<RunRecord> runs = new ArrayList<>();
        double[] aes = {100.0, 101.0, 112.3};
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
            aesKey = r.caseKey();
            List<Sample> samples = new ArrayList<>();
            for (int f = 0; f < 2; f++) {
                for (int it = 0; it < 3; it++) {
                    samples.add(new Sample(id, r.caseKey(), Result.PRIMARY, f, it, aes[i] + f * 0.2 + it * 0.1, 1));
                }
            }
            runs.add(new RunRecord(run, List.of(r), samples));
        }
        archive.commit(runs);
    }

    /** A comparison as {@code compare --format json} writes it; 100 → 112.3 is +12.3 %. */
    private Path comparisonJson(String verdict) throws IOException {
        String json = """
                {"cases": [{"case_key": "%s", "benchmark": "org.example.crypto.AesGcm.encrypt",
                  "params": {"size": "1024"}, "metric": "primary", "unit": "ns/op", "higher_is_better": false,
                  "baseline_mean": 100.5, "candidate_mean": 112.3, "change": 0.11741, "ci_low": 0.101, "ci_high": 0.134,
                  "p_value": 0.0011, "q_value": 0.0022, "verdict": "%s", "severity": "minor",
                  "baseline_samples": 12, "candidate_samples": 6}]}
                """.formatted(aesKey, verdict);
        Path p = tmp.resolve("comparison.json");
        Files.writeString(p, json);
        return p;
    }

    private Path changesJson() throws IOException {
        String json = """
                {"change_points": [{"case_key": "%s", "benchmark": "org.example.crypto.AesGcm.encrypt",
                  "metric": "primary", "run_id": "01RUN20000000000000000000000", "version": "1.5.0", "commit": "c2",
                  "time": "2026-02-03T10:00:00Z", "index": 2, "before": 100.5, "after": 112.3, "change": 0.11741,
                  "p_value": 0.004, "direction": "regression"}]}
                """.formatted(aesKey);
        Path p = tmp.resolve("changes.json");
        Files.writeString(p, json);
        return p;
    }

    @Test
    void releaseReportOfTheTwoLastVersions() throws IOException {
        Path pdf = tmp.resolve("out/release.pdf");
        CliRun o = CliRun.of("report", "--type", "release", "--archive", archiveDir.toString(), "--project", "crypto",
                "--comparison", comparisonJson("regressed").toString(), "--changes", changesJson().toString(),
                "--out", pdf.toString());
        assertThat(o.exit()).as(o.err()).isZero();
        assertThat(o.out()).contains("release.pdf: ", " pages, 1 cases, 1.5.0 against 1.4.0");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper s = new PDFTextStripper();
            s.setSortByPosition(true);
            String text = s.getText(doc);
            // defaults: candidate = version measured last, baseline = the one before; date = candidate's run
            // (lines joined: the environment wraps on the title page)
            assertThat(text.replaceAll("\\s+", " ")).contains("Candidate 1.5.0", "Baseline 1.4.0", "Date 2026-02-03 10:00 UTC",
                    "bänch-2 · Test CPU, 4 CPUs · 16 GiB memory · Linux amd64 · Eclipse Adoptium 17.0.12");
            assertThat(text).contains("ns/op 100.5 112.3 +11.7% [+10.1%, +13.4%] 0.002 regressed");
            assertThat(text).contains("regressed 1", "total 1");
            // the change point, and its case's history read from the archive: three runs, 0 to 2
            assertThat(text).contains("History: org.example.crypto.AesGcm.encrypt", "+11.7% at 1.5.0",
                    "run (oldest to newest)");
            // the appendix holds the two baseline runs and the candidate run
            assertThat(text).contains("Run 01RUN00000000000000000000000 (baseline, 1.4.0)",
                    "Run 01RUN10000000000000000000000 (baseline, 1.4.0)",
                    "Run 01RUN20000000000000000000000 (candidate, 1.5.0)");
            assertThat(doc.getDocumentInformation().getCreationDate().toInstant())
                    .isEqualTo(Instant.parse("2026-02-03T10:00:00Z"));
        }
    }

    @Test
    void nightlyReportComparesTheLatestRunWithThePreviousOne() throws IOException {
        Path pdf = tmp.resolve("nightly.pdf");
        CliRun o = CliRun.of("report", "--type", "nightly", "--archive", archiveDir.toString(), "--project", "crypto",
                "--comparison", comparisonJson("regressed").toString(), "--out", pdf.toString());
        assertThat(o.exit()).as(o.err()).isZero();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Nightly benchmark report", "Candidate 1.5.0, run 01RUN20000000000000000000000",
                    "Baseline 1.4.0, run 01RUN10000000000000000000000");
            assertThat(text).doesNotContain("01RUN00000000000000000000000");
        }
    }

    @Test
    void aBadComparisonIsOneLineNamingFileAndFieldAndWritesNothing() throws IOException {
        Path pdf = tmp.resolve("bad.pdf");
        Path json = comparisonJson("worse");
        CliRun o = CliRun.of("report", "--type", "release", "--archive", archiveDir.toString(), "--project", "crypto",
                "--comparison", json.toString(), "--out", pdf.toString());
        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.err().strip()).isEqualTo("benchledger: " + json
                + ": cases[0].verdict: expected one of improved, regressed, unchanged, inconclusive");
        assertThat(pdf).doesNotExist();
    }

    @Test
    void aReleaseReportNeedsTheVersionsToExist() throws IOException {
        CliRun o = CliRun.of("report", "--type", "release", "--archive", archiveDir.toString(), "--project", "crypto",
                "--baseline", "0.9.0", "--comparison", comparisonJson("regressed").toString(),
                "--out", tmp.resolve("x.pdf").toString());
        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.err()).contains("project 'crypto' has no run of version '0.9.0'");
    }
}

package io.benchledger.cli.workflow;

import static io.benchledger.cli.SiteHtml.cells;
import static io.benchledger.cli.SiteHtml.headings;
import static io.benchledger.cli.SiteHtml.page;
import static io.benchledger.cli.SiteHtml.row;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchledger.archive.analysis.AnalysisRuns;
import io.benchledger.archive.analysis.AnalysisRuns.Engine;
import io.benchledger.archive.analysis.changepoint.ChangePointAnalysis;
import io.benchledger.archive.analysis.changepoint.DetectorSettings;
import io.benchledger.archive.model.Mode;
import io.benchledger.archive.model.Result;
import io.benchledger.archive.model.Run;
import io.benchledger.archive.model.RunRecord;
import io.benchledger.archive.model.Sample;
import io.benchledger.archive.store.Archive;
import io.benchledger.cli.CliRun;
import io.benchledger.report.model.Formats;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A nightly computes its findings once and every output renders them: each analysis runs once per
 * nightly (counted by the engines themselves), and {@code compare}, summary.md, summary.json, the
 * site's comparison page and the PDF give the same verdict and threshold for each case.
 */
class FindingsOnceTest {
    static final Instant T0 = Instant.parse("2026-03-01T02:00:00Z");
    static final int RUNS = 9;
    /** One case per benchmark: the last run is 40 % slower in Aes, 40 % faster in Sha, unchanged in Rng. */
    static final String[] BENCHMARKS = {"org.example.Aes.encrypt", "org.example.Sha.hash", "org.example.Rng.next"};
    static final double[] LAST_STEP = {1.4, 1.4, 1.0};

    @TempDir
    static Path dir;
    static Path archive;
    static Path site;
    static Path config;
    static CliRun nightly;
    static Map<Engine, Long> counted;

    @BeforeAll
    static void nightlyOnAnArchiveWithARelease() throws Exception {
        archive = dir.resolve("archive");
        site = dir.resolve("site");
        List<RunRecord> runs = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            runs.add(run(i));
        }
        Archive.open(archive).commit(runs);
        config = dir.resolve("benchledger.yaml");
        // a budget no run meets, so the budget evaluator has work
        Files.writeString(config, """
                defaultSuite: crypto
                suites:
                  crypto:
                    version: 1.0.0
                    include: ['org.example']
                    criteria:
                      - pattern: 'Sha\\.hash'
                        minThroughput: 1.0e15
                profiles:
                  nightly:
                    description: every case
                """);
        Map<Engine, Long> before = AnalysisRuns.snapshot();
        nightly = CliRun.of("nightly", "--no-collect", "--archive", archive.toString(), "--project", "crypto",
                "--site", site.toString(), "--config", config.toString());
        Map<Engine, Long> after = AnalysisRuns.snapshot();
        counted = new java.util.EnumMap<>(Engine.class);
        after.forEach((e, n) -> counted.put(e, n - before.get(e)));
    }

    /**
     * Runs 0 and 1 are the release 0.9.0, the others nightlies of 1.0.0; every run has 3 forks of 4
     * iterations, with a small run-to-run wobble (±0.5 %) so the recent history has a noise level.
     */
    static RunRecord run(int i) {
        String id = String.format("01RUN%02d000000000000000000000", i);
        Instant t = T0.plusSeconds(86400L * i);
        boolean release = i < 2;
        Run run = Run.builder(id, t).finishedAt(t.plusSeconds(600)).project("crypto")
                .version(release ? "0.9.0" : "1.0.0").suite("crypto").environment("ci")
                .trigger(release ? Run.TRIGGER_RELEASE : Run.TRIGGER_NIGHTLY).commit("c" + i).branch("main")
                .host("bench-1").os("Linux").arch("amd64").cpuModel("Test CPU").cpuCount(4).memoryBytes(16L << 30)
                .jvmVendor("Eclipse Adoptium").jvmVersion("17.0.12").jvmArgs("-Xmx1g").harness("jmh")
                .harnessVersion("1.37").build();
        List<Result> results = new ArrayList<>();
        List<Sample> samples = new ArrayList<>();
        for (int b = 0; b < BENCHMARKS.length; b++) {
            boolean throughput = b != 0;
            double level = (b + 1) * 1000.0 * (1 + 0.005 * Math.sin(i * 1.7 + b)) * (i == RUNS - 1 ? LAST_STEP[b] : 1);
            Result r = new Result(id, null, BENCHMARKS[b], new TreeMap<>(), throughput ? Mode.THROUGHPUT : Mode.AVERAGE_TIME,
                    Result.PRIMARY, throughput ? "ops/s" : "ns/op", throughput, 1, 3, 1, "1 s", 4, "1 s", level,
                    level * 0.01, level * 0.99, level * 1.01, 12, Optional.empty(), "");
            results.add(r);
            for (int f = 0; f < 3; f++) {
                for (int it = 0; it < 4; it++) {
                    samples.add(new Sample(id, r.caseKey(), Result.PRIMARY, f, it,
                            level * (1 + 0.002 * (f - 1) + 0.001 * (it - 1.5)), 1));
                }
            }
        }
        return new RunRecord(run, results, samples);
    }

    @Test
    void aNightlyRunsEachAnalysisOnce() throws Exception {
        assertThat(nightly.exit()).as(nightly.err()).isEqualTo(1); // the broken budget and the regression
        assertThat(counted.get(Engine.CHANGE_POINTS_AND_DRIFTS)).isEqualTo(1);
        assertThat(counted.get(Engine.BUDGETS)).isEqualTo(1);
        assertThat(counted.get(Engine.RECOMMENDATIONS)).isEqualTo(1);
        // one trend per series of the history, none twice (the site and the PDF take them from the findings)
        int series = ChangePointAnalysis.run(Archive.openExisting(archive), "crypto", DetectorSettings.DEFAULTS, false)
                .history().series().size();
        assertThat(counted.get(Engine.TREND)).isEqualTo(series);
        // against the recent runs and against the last release (0.9.0), each made once: the gate, the
        // dashboard and the PDF share them, and the site has a page for each and no other
        JsonNode manifest = new ObjectMapper().readTree(site.resolve("site-manifest.json").toFile());
        assertThat(manifest.path("comparisons").size()).isEqualTo(2);
        assertThat(counted.get(Engine.COMPARISON)).isEqualTo(2);
    }

    @Test
    void compareSummariesSiteAndPdfGiveTheSameVerdictsAndThresholds() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode summary = json.readTree(site.resolve("summary.json").toFile());
        String runId = summary.path("run_id").asText();
        assertThat(runId).isEqualTo(String.format("01RUN%02d000000000000000000000", RUNS - 1));
        JsonNode recent = summary.path("comparisons").get(0);
        assertThat(recent.path("name").asText()).isEqualTo("recent");

        CliRun compare = CliRun.of("compare", "recent:20", runId, "--archive", archive.toString(), "--project", "crypto",
                "--config", config.toString(), "--format", "json");
        assertThat(compare.exit()).as(compare.err()).isZero();
        JsonNode cases = json.readTree(compare.out()).path("cases");
        assertThat(cases.size()).isEqualTo(BENCHMARKS.length);

        String md = Files.readString(site.resolve("summary.md"));
        String html = page(site, "Latest run against the recent runs");
        List<String> heads = headings(html);
        String pdf;
        try (PDDocument doc = Loader.loadPDF(site.resolve("reports/nightly.pdf").toFile())) {
            PDFTextStripper s = new PDFTextStripper();
            s.setSortByPosition(true);
            pdf = s.getText(doc);
        }
        List<String> verdicts = new ArrayList<>();
        for (JsonNode c : cases) {
            String key = c.path("case_key").asText();
            String verdict = c.path("verdict").asText();
            String threshold = Formats.threshold(c.path("threshold").asDouble(), c.path("threshold_source").asText());
            verdicts.add(verdict);
            // summary.json: the same case, verdict and threshold
            JsonNode same = null;
            for (JsonNode x : recent.path("cases")) {
                if (x.path("case_key").asText().equals(key)) {
                    same = x;
                }
            }
            assertThat(same).as(key).isNotNull();
            assertThat(same.path("verdict").asText()).as(key).isEqualTo(verdict);
            assertThat(same.path("threshold").asDouble()).as(key).isEqualTo(c.path("threshold").asDouble());
            // summary.md lists the changed cases with their threshold
            if (!verdict.equals("unchanged") && !verdict.equals("inconclusive")) {
                assertThat(md).as(key).containsPattern("\\| " + verdict + " \\|[^\\n]*" + java.util.regex.Pattern.quote(key)
                        + "[^\\n]*" + java.util.regex.Pattern.quote(threshold) + " \\|");
            }
            // the site's comparison page
            List<String> cells = cells(row(html, c.path("benchmark").asText()));
            assertThat(cells.get(heads.indexOf("Verdict"))).as(key).isEqualTo(verdict);
            assertThat(cells.get(heads.indexOf("Threshold"))).as(key).isEqualTo(threshold);
            // the PDF's comparison row ends with the threshold and the verdict
            assertThat(pdf).as(key).contains(Formats.percent(c.path("change").asDouble()) + " "
                    + Formats.interval(c.path("ci_low").asDouble(), c.path("ci_high").asDouble()) + " "
                    + Formats.probability(c.path("q_value").asDouble()) + " " + threshold + " " + verdict);
        }
        // the answer is not trivial: one regression, one improvement, one unchanged case
        assertThat(verdicts).containsExactlyInAnyOrder("regressed", "improved", "unchanged");
        // the PDF's appendix holds each run of both sides, as the findings read them: the recent
        // baseline is the 8 earlier runs, the release runs 0 and 1 (0.9.0) among them
        String text = pdf.replaceAll("\\s+", " ");
        assertThat(text).contains("Run " + runId + " (candidate, 1.0.0)");
        for (int i = 0; i < RUNS - 1; i++) {
            assertThat(text).contains("Run " + String.format("01RUN%02d000000000000000000000", i) + " (baseline, "
                    + (i < 2 ? "0.9.0" : "1.0.0") + ")");
        }
    }

    /** A release is judged against its baseline only: no "vs recent runs: nothing to compare with yet" line. */
    @Test
    void aReleaseSummaryHasOnlyItsOwnComparison() {
        CliRun release = CliRun.of("release", "1.0.0", "--archive", archive.toString(), "--project", "crypto",
                "--site", dir.resolve("release-site").toString(), "--no-publish");
        // exit 1 exactly when the release regressed against 0.9.0
        assertThat(release.exit()).as(release.err()).isEqualTo(release.out().contains(" 0 regressed") ? 0 : 1);
        assertThat(release.out()).contains("vs last-release = 0.9.0 (2 runs): 3 compared")
                .doesNotContain("vs recent runs").doesNotContain("nothing to compare with yet");
    }
}

package io.benchledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.benchledger.archive.model.Mode;
import io.benchledger.archive.model.Result;
import io.benchledger.archive.model.Run;
import io.benchledger.archive.model.RunRecord;
import io.benchledger.archive.model.Sample;
import io.benchledger.archive.store.Archive;
import io.benchledger.archive.store.RunIds;
import io.benchledger.archive.testing.TestRuns;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where a value is unknown, a user reads {@code n/a} (or why), never NaN, Infinity or null: an archive
 * of awkward data (a baseline of zero, cases on one side only, single samples, a secondary metric
 * with no score and no samples, a failed case, NaN scores), and an archive of one run, through
 * {@code nightly --no-collect}, {@code site}, {@code report} and {@code compare}. What the terminal
 * prints, summary.md, the text of every HTML page (scripts and styles left out: chart data may say
 * null) and the text of the PDFs are scanned.
 */
class UnknownValuesTest {
    private static final Pattern UNKNOWN = Pattern.compile("\\b(NaN|-?Infinity|null)\\b|∞");

    @TempDir
    static Path dir;
    static Path archive;
    static Path single;

    @BeforeAll
    static void archives() throws Exception {
        archive = dir.resolve("archive");
        Archive a = Archive.open(archive);
        a.commit(TestRuns.awkward(RunIds.next()));
        a.commit(baseline(RunIds.next()));
        a.commit(candidate(RunIds.next()));
        single = dir.resolve("single");
        Archive.open(single).commit(candidate(RunIds.next()));
    }

    private static Run run(String runId, String version, Instant t) {
        return Run.builder(runId, t).finishedAt(t.plusSeconds(30)).project("proj").version(version).suite("crypto")
                .environment("ci").trigger(Run.TRIGGER_NIGHTLY).branch("main").harness("jmh").build();
    }

    private static Result result(String runId, String bench, String metric, String unit, double score, long n) {
        boolean higher = Result.PRIMARY.equals(metric);
        return new Result(runId, null, bench, new TreeMap<>(), Mode.THROUGHPUT, metric, unit, higher, 1, 1, 1, "1 s",
                3, "1 s", score, Double.NaN, Double.NaN, Double.NaN, n, Optional.empty(), "");
    }

    private static void add(List<Result> results, List<Sample> samples, Result r, double... values) {
        results.add(r);
        for (int i = 0; i < values.length; i++) {
            samples.add(new Sample(r.runId(), r.caseKey(), r.metric(), 0, i, values[i], 1));
        }
    }

    /** Version 1.0.1: a case whose score is zero, one measured only here, one of a single sample. */
    private static RunRecord baseline(String id) {
        List<Result> rs = new ArrayList<>();
        List<Sample> ss = new ArrayList<>();
        add(rs, ss, result(id, "org.x.Zero.base", Result.PRIMARY, "ops/s", 0, 3), 0, 0, 0);
        add(rs, ss, result(id, "org.x.Gone.only", Result.PRIMARY, "ops/s", 50, 3), 49, 50, 51);
        add(rs, ss, result(id, "org.x.One.sample", Result.PRIMARY, "ops/s", 10, 1), 10);
        add(rs, ss, result(id, "org.x.Calc.add", Result.PRIMARY, "ops/s", 100, 3), 99, 100, 101);
        add(rs, ss, result(id, "org.x.Calc.add", "gc.alloc.rate.norm", "B/op", Double.NaN, 0));
        return new RunRecord(run(id, "1.0.1", Instant.parse("2026-03-05T00:00:00Z")), rs, ss);
    }

    /** Version 1.1.0: the same cases but the one gone, a new one, and a failed one. */
    private static RunRecord candidate(String id) {
        List<Result> rs = new ArrayList<>();
        List<Sample> ss = new ArrayList<>();
        add(rs, ss, result(id, "org.x.Zero.base", Result.PRIMARY, "ops/s", 5, 3), 5, 5, 5);
        add(rs, ss, result(id, "org.x.Fresh.only", Result.PRIMARY, "ops/s", 70, 3), 69, 70, 71);
        add(rs, ss, result(id, "org.x.One.sample", Result.PRIMARY, "ops/s", 12, 1), 12);
        add(rs, ss, result(id, "org.x.Calc.add", Result.PRIMARY, "ops/s", 101, 3), 100, 101, 102);
        add(rs, ss, result(id, "org.x.Calc.add", "gc.alloc.rate.norm", "B/op", Double.NaN, 0));
        rs.add(new Result(id, null, "org.x.Throws.boom", new TreeMap<>(), Mode.THROUGHPUT, Result.PRIMARY, "ops/s", true,
                1, 1, 0, "", 0, "", Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, Optional.empty(),
                "java.lang.IllegalStateException: boom"));
        return new RunRecord(run(id, "1.1.0", Instant.parse("2026-03-06T00:00:00Z")), rs, ss);
    }

    /** Runs a command; its exit must be one of {@code allowed}. */
    private static CliRun run(List<String> findings, String what, int[] allowed, String... args) {
        CliRun r = CliRun.of(args);
        assertThat(allowed).as(what + " exit " + r.exit() + ": " + r.err()).contains(r.exit());
        scan(findings, what + " (terminal)", r.out() + "\n" + r.err());
        return r;
    }

    private static void scan(List<String> findings, String where, String text) {
        Matcher m = UNKNOWN.matcher(text);
        while (m.find()) {
            int from = Math.max(0, m.start() - 60);
            int to = Math.min(text.length(), m.end() + 40);
            findings.add(where + ": …" + text.substring(from, to).replaceAll("\\s+", " ") + "…");
        }
    }

    /** The text a reader sees of a page: no scripts, no styles, no tags; title attributes (tooltips) kept. */
    static String visibleText(String html) {
        String s = html.replaceAll("(?is)<script\\b.*?</script>", " ").replaceAll("(?is)<style\\b.*?</style>", " ");
        StringBuilder titles = new StringBuilder();
        Matcher t = Pattern.compile("(?i)\\btitle=\"([^\"]*)\"").matcher(s);
        while (t.find()) {
            titles.append(t.group(1)).append('\n');
        }
        return (s.replaceAll("(?s)<[^>]*>", " ") + "\n" + titles).replace("&amp;", "&").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&quot;", "\"");
    }

    private static void scanTree(List<String> findings, Path root) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (name.endsWith(".html")) {
                scan(findings, root.relativize(f).toString(), visibleText(Files.readString(f, StandardCharsets.UTF_8)));
            } else if (name.endsWith(".md")) {
                scan(findings, root.relativize(f).toString(), Files.readString(f, StandardCharsets.UTF_8));
            } else if (name.endsWith(".pdf")) {
                scanPdf(findings, f);
            }
        }
    }

    private static void scanPdf(List<String> findings, Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            scan(findings, pdf.getFileName().toString(), new PDFTextStripper().getText(doc));
        }
    }

    /** Markdown table rows whose value columns (baseline, candidate, change, interval, q) have an empty cell. */
    private static void emptyCells(List<String> findings, String where, String markdown) {
        List<String> header = List.of();
        for (String line : markdown.split("\n")) {
            if (!line.startsWith("|")) {
                header = List.of();
                continue;
            }
            List<String> cells = List.of(line.substring(1, line.length() - 1).split("\\|", -1)).stream()
                    .map(String::strip).toList();
            if (header.isEmpty()) {
                header = cells;
                continue;
            }
            for (int i = 0; i < Math.min(cells.size(), header.size()); i++) {
                if (List.of("baseline", "candidate", "change", "95% interval", "q").contains(header.get(i))
                        && cells.get(i).isEmpty()) {
                    findings.add(where + ": empty " + header.get(i) + " in " + line);
                }
            }
        }
    }

    private static final int[] GATE = {0, 1};
    private static final int[] OK = {0};

    @Test
    void nightlySiteReportAndCompareSayNotAvailable() throws Exception {
        List<String> findings = new ArrayList<>();
        String a = archive.toString();
        Path nightlySite = dir.resolve("nightly-site");
        CliRun n = run(findings, "nightly", GATE, "nightly", "--no-collect", "--archive", a, "--project", "proj",
                "--site", nightlySite.toString());
        assertThat(n.out()).contains("vs recent runs: 4 compared", "report: ").doesNotContain("nothing to compare with yet\nvs last");
        assertThat(nightlySite.resolve("summary.md")).exists();
        try (Stream<Path> pdfs = Files.walk(nightlySite)) {
            assertThat(pdfs.filter(p -> p.toString().endsWith(".pdf"))).as("the nightly's PDF").isNotEmpty();
        }
        scanTree(findings, nightlySite);

        Path site = dir.resolve("site");
        run(findings, "site", OK, "site", "--archive", a, "--project", "proj", "--out", site.toString(),
                "--compare", "1.0.1..1.1.0");
        scanTree(findings, site);

        Path release = dir.resolve("release.pdf");
        run(findings, "report release", GATE, "report", "--archive", a, "--project", "proj", "--type", "release",
                "--baseline", "1.0.1", "--candidate", "1.1.0", "--out", release.toString());
        scanPdf(findings, release);

        for (String format : List.of("table", "markdown")) {
            run(findings, "compare --format " + format, GATE, "compare", "1.0.1", "1.1.0", "--archive", a,
                    "--project", "proj", "--format", format);
        }
        CliRun md = run(findings, "compare --format markdown", GATE, "compare", "1.0.1", "1.1.0", "--archive", a,
                "--project", "proj", "--format", "markdown");
        assertThat(md.out()).contains("| org.x.Calc.add@thrpt | gc.alloc.rate.norm | n/a | n/a | n/a | n/a | n/a |");
        emptyCells(findings, "compare --format markdown", md.out());
        emptyCells(findings, "summary.md", Files.readString(nightlySite.resolve("summary.md")));
        assertThat(visibleText(Files.readString(site.resolve("index.html"))).replaceAll("\\s+", " "))
                .contains("Commit n/a", "Environment n/a");
        assertThat(findings).as("NaN, Infinity or null where a user reads").isEmpty();
    }

    @Test
    void anArchiveOfOneRunSaysNotAvailable() throws Exception {
        List<String> findings = new ArrayList<>();
        String a = single.toString();
        Path nightlySite = dir.resolve("single-nightly");
        run(findings, "nightly (one run)", GATE, "nightly", "--no-collect", "--archive", a, "--project", "proj",
                "--site", nightlySite.toString());
        scanTree(findings, nightlySite);
        run(findings, "history (one run)", GATE, "history", "*One.sample*", "--archive", a, "--project", "proj");
        assertThat(findings).as("NaN, Infinity or null where a user reads").isEmpty();
    }
}

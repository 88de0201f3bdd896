package io.benchledger.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchledger.archive.BadInputException;
import io.benchledger.archive.query.ArchiveDatabase;
import io.benchledger.archive.store.Archive;
import io.benchledger.site.model.SiteAnalyses;
import io.benchledger.site.pages.BenchmarkPage;
import io.benchledger.site.pages.SafeNames;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SiteGeneratorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path tmp;
    private Archive archive;
    private Path site;

    @BeforeAll
    void generate() throws Exception {
        long t0 = System.nanoTime();
        archive = SiteFixture.create(tmp.resolve("archive"));
        long t1 = System.nanoTime();
        site = tmp.resolve("site");
        generate(site, SiteFixture.knownAnalyses(), false);
        System.err.printf("fixture archive %.1f s, site %.1f s%n", (t1 - t0) / 1e9, (System.nanoTime() - t1) / 1e9);
    }

    private SiteGenerator.Outcome generate(Path out, SiteAnalyses analyses, boolean incremental) throws Exception {
        try (ArchiveDatabase db = ArchiveDatabase.open(archive)) {
            return SiteGenerator.generate(db, analyses, new SiteOptions(out, Optional.empty(), "default", "",
                    "https://example.github.io/repo/", List.of("1.1.0..1.2.0-SNAPSHOT"), incremental, "", true));
        }
    }

    @Test
    void sameArchiveGivesByteIdenticalSites() throws Exception {
        Path again = tmp.resolve("again");
        generate(again, SiteFixture.knownAnalyses(), false);
        assertSameTree(site, again);
    }

    @Test
    void everyLinkIsRelativeAndResolvesInsideTheSite() throws Exception {
        Pattern attr = Pattern.compile("(?:href|src|action)=\"([^\"]*)\"");
        List<String> problems = new ArrayList<>();
        int links = 0;
        for (Path page : files(site, ".html")) {
            String html = Files.readString(page);
            Matcher m = attr.matcher(html);
            while (m.find()) {
                String url = m.group(1).replace("&amp;", "&");
                links++;
                if (url.startsWith("data:")) {
                    continue;
                }
                if (url.contains("://") || url.startsWith("/") || url.startsWith("//")) {
                    problems.add(site.relativize(page) + ": absolute link " + url);
                    continue;
                }
                String path = url.replaceAll("[?#].*$", "");
                String fragment = url.contains("#") ? url.substring(url.indexOf('#') + 1) : "";
                Path target = path.isEmpty() ? page : page.getParent().resolve(URLDecoder.decode(path, StandardCharsets.UTF_8)).normalize();
                if (!target.startsWith(site) || !Files.isRegularFile(target)) {
                    problems.add(site.relativize(page) + ": broken link " + url);
                } else if (!fragment.isEmpty() && !Files.readString(target).contains("id=\"" + fragment + "\"")) {
                    problems.add(site.relativize(page) + ": no anchor for " + url);
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(links).isGreaterThan(500);
        assertThat(site.resolve(".nojekyll")).exists();
        assertThat(site.resolve("assets/echarts.min.js")).exists();
        assertThat(Files.size(site.resolve("assets/echarts.min.js"))).isGreaterThan(500_000);
        assertThat(site.resolve("data/archive.json")).exists();
    }

    @Test
    void chartDataHasAFixedKeyOrder() throws Exception {
        // byte-identical output across processes: no map whose order changes from one JVM to the next
        // (Map.of's does) may reach the JSON
        String chart = Files.readString(site.resolve("charts/" + BenchmarkPage.pageFile(SiteFixture.CRYPTO)
                .substring(2).replace(".html", ".js")));
        assertThat(chart).contains("\"r\":[").contains("{\"label\":\"min throughput limit 900\",\"y\":900,\"level\":\"critical\"}");
    }

    @Test
    void aBenchmarksNameWrapsBetweenItsPartsOnly() throws Exception {
        // a phone wrapped "io.benchledger.synthetic.DataProcessi|ng.sortV23" inside a word
        String page = Files.readString(site.resolve(BenchmarkPage.pageFile(SiteFixture.CRYPTO)));
        assertThat(page).contains("<h1 class=\"benchmark-name\">org.<wbr>example.<wbr>Crypto.<wbr>encrypt</h1>");
    }

    @Test
    void untrustedTextIsEscapedEverywhere() throws Exception {
        for (Path f : files(site, ".html", ".js", ".json", ".xml")) {
            if (f.endsWith("echarts.min.js")) {
                continue;
            }
            String text = Files.readString(f);
            assertThat(text).as(f.toString()).doesNotContain("<img src=x").doesNotContain("<svg onload")
                    .doesNotContain("<script>alert(2)").doesNotContain("</script><script>alert");
        }
        String page = Files.readString(site.resolve(BenchmarkPage.pageFile(SiteFixture.HOSTILE_NAME)));
        assertThat(page).contains("&lt;img src=x onerror=alert(1)&gt;");
        assertThat(Files.readString(site.resolve("index.html")))
                .contains("&lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt;");
        String chart = Files.readString(site.resolve("charts/" + BenchmarkPage.pageFile(SiteFixture.HOSTILE_NAME)
                .substring(2).replace(".html", ".js")));
        assertThat(chart).contains("\\u003cimg src=x onerror=alert(1)\\u003e");
        // page file names are safe whatever the benchmark is called
        try (Stream<Path> s = Files.list(site.resolve("b"))) {
            assertThat(s.map(p -> p.getFileName().toString())).allMatch(n -> n.matches("[a-z0-9-]+\\.html"));
        }
    }

    @Test
    void targetsPageGivesEachBudgetItsLevelsStatusAndTheChangeNeeded() throws Exception {
        // latest run: Crypto size=1024 at 800 ops/s and size=64 at 5000 against min 900; Latency p99 30 us against 25
        JsonNode targets = JSON.readTree(site.resolve("downloads/targets.json").toFile());
        List<String> rows = new ArrayList<>();
        targets.path("rows").forEach(r -> rows.add(r.path("Status").asText() + " | " + r.path("Case").asText() + " | "
                + r.path("Current").asText() + " | " + r.path("Critical").asText() + " | " + r.path("Needed").asText()));
        assertThat(rows).containsExactly(
                "fail | " + SiteFixture.cryptoKey("1024") + " | 800 | 900 | 0.125",
                "fail | " + SiteFixture.LATENCY + "@sample | 30 | 25 | " + (25 - 30) / 30.0,
                "pass | " + SiteFixture.cryptoKey("64") + " | 5000 | 900 | null");
        String page = Files.readString(site.resolve("targets.html"));
        assertThat(page).contains("+13 % to reach the limit").contains("\u221217 % to reach the limit").contains("2 failed").contains("0 beyond their target").contains("1 passed")
                .contains("0 not checked").doesNotContain("NaN");
        assertThat(Files.readString(site.resolve("index.html"))).contains("href=\"targets.html\"");
    }

    @Test
    void comparisonsBudgetsAndDistributionsGiveTheKnownNumbers() throws Exception {
        // 1.1.0 (15 runs at 1000 ops/s) against 1.2.0-SNAPSHOT (10 runs at 800), by the comparison engine: −20 %
        Path csvDir = site.resolve("downloads");
        JsonNode cmp = null;
        try (Stream<Path> s = Files.list(csvDir)) {
            for (Path p : s.filter(p -> p.getFileName().toString().startsWith("compare-1-2-0-snapshot-vs-1-1-0")
                    && p.toString().endsWith(".json")).toList()) {
                cmp = JSON.readTree(p.toFile());
            }
        }
        assertThat(cmp).isNotNull();
        Map<String, JsonNode> rows = new TreeMap<>();
        cmp.path("rows").forEach(r -> rows.put(r.path("Benchmark").asText() + " " + r.path("Parameters").asText(), r));
        JsonNode big = rows.get(SiteFixture.CRYPTO + " size=1024");
        assertThat(big.path("Baseline centre").asDouble()).isEqualTo(1000.0);
        assertThat(big.path("Candidate centre").asDouble()).isEqualTo(800.0);
        assertThat(big.path("Change").asDouble()).isCloseTo(-0.2, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(big.path("CI low").asDouble()).isBetween(-0.21, -0.2);
        assertThat(big.path("CI high").asDouble()).isBetween(-0.2, -0.19);
        assertThat(big.path("Baseline samples").asLong()).isEqualTo(90);
        assertThat(big.path("Candidate samples").asLong()).isEqualTo(60);
        assertThat(big.path("Verdict").asText()).isEqualTo("regressed");
        assertThat(rows.get(SiteFixture.CRYPTO + " size=64").path("Verdict").asText()).isEqualTo("unchanged");
        JsonNode latency = rows.get(SiteFixture.LATENCY + " ");
        assertThat(latency.path("Baseline centre").asDouble()).isEqualTo(17.0); // (10·5 + 20·3 + 30·2) ÷ 10
        assertThat(latency.path("Metric").asText()).isEqualTo("primary");

        // budgets against the latest run: min throughput 900 (800 fails, 5000 passes), max p99 25 (30 fails)
        JsonNode budgets = JSON.readTree(site.resolve("downloads/budgets.json").toFile());
        List<String> outcomes = new ArrayList<>();
        budgets.path("rows").forEach(r -> outcomes.add(r.path("Case").asText() + " " + r.path("Criterion").asText()
                + " " + r.path("Measured").asDouble() + " " + r.path("Result").asText()));
        assertThat(outcomes).containsExactlyInAnyOrder(
                SiteFixture.cryptoKey("1024") + " min_throughput 800.0 fail",
                SiteFixture.cryptoKey("64") + " min_throughput 5000.0 pass",
                SiteFixture.LATENCY + "@sample max_p99 30.0 fail");

        // the recommendation rules over the latest run: the two broken budgets, nothing else
        JsonNode advice = JSON.readTree(site.resolve("downloads/recommendations.json").toFile());
        List<String> fired = new ArrayList<>();
        advice.path("rows").forEach(r -> fired.add(r.path("Rule").asText() + " " + r.path("Case").asText() + " "
                + r.path("Recommendation").asText()));
        assertThat(fired).containsExactlyInAnyOrder(
                "budget " + SiteFixture.cryptoKey("1024") + " budget Crypto: min_throughput broken (800 ops/s below the limit 900 ops/s)",
                "budget " + SiteFixture.LATENCY + "@sample budget Latency: max_p99 broken (30 us/op above the limit 25 us/op)");
        assertThat(Files.readString(site.resolve("index.html"))).contains("Recommendations for the latest run")
                .contains("1 of 2 cases regressed, improved or failed");
        // the dashboard lists the case that regressed against the last release, not the unchanged one
        JsonNode dashboard = JSON.readTree(site.resolve("downloads/dashboard-release.json").toFile());
        assertThat(dashboard.path("rows")).hasSize(1);
        assertThat(dashboard.path("rows").get(0).path("Verdict").asText()).isEqualTo("regressed");
        // the threshold the case was judged with, learned from the case's run-to-run variation
        assertThat(dashboard.path("rows").get(0).path("Threshold").asDouble()).isEqualTo(0.064);
        assertThat(Files.readString(site.resolve("index.html"))).contains("±6.4% (learned)");

        // the latest run's distribution of Latency.get, weighted 5, 3, 2 on 10, 20, 30 (the ten samples
        // 10,10,10,10,10,20,20,20,30,30): median 15, Q1 10, Q3 20, as Centre.weightedQuantile defines them
        String latencySeries = "downloads/b/" + BenchmarkPage.pageFile(SiteFixture.LATENCY).substring(2).replace(".html", "")
                + "-series.json";
        JsonNode series = JSON.readTree(site.resolve(latencySeries).toFile()).path("rows").get(0);
        assertThat(series.path("Latest median").asDouble()).isEqualTo(15.0);
        assertThat(series.path("Latest Q1").asDouble()).isEqualTo(10.0);
        assertThat(series.path("Latest Q3").asDouble()).isEqualTo(20.0);
        assertThat(series.path("Runs").asInt()).isEqualTo(40);

        // A/B: variant B (5500) against A (5000), by the comparison engine: +10 %, improved
        JsonNode ab = JSON.readTree(site.resolve("downloads/ab-" + io.benchledger.site.pages.SafeNames.of(
                "experiment gc: G1 vs ZGC") + "-0.json").toFile());
        assertThat(ab.path("rows").get(0).path("Change").asDouble()).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(ab.path("rows").get(0).path("Verdict").asText()).isEqualTo("improved");
    }

    @Test
    void feedIsAtomWithTheChangePointAndTheRegression() throws Exception {
        var f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(site.resolve("feed.xml").toFile());
        assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
        var entries = doc.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
        assertThat(entries.getLength()).isEqualTo(2);
        var titles = doc.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "title");
        List<String> t = new ArrayList<>();
        for (int i = 0; i < titles.getLength(); i++) {
            t.add(titles.item(i).getTextContent());
        }
        assertThat(t).contains("Regression -20.0\u00a0%: " + SiteFixture.cryptoKey("1024"),
                "Regression -20.0\u00a0%: " + SiteFixture.cryptoKey("1024") + " (Latest run against the last release (1.1.0))");
        String text = Files.readString(site.resolve("feed.xml"));
        assertThat(text).contains("<updated>2026-02-09T02:10:39Z</updated>"); // the latest run's end, not "now"
        assertThat(text).contains("href=\"https://example.github.io/repo/b/");
    }

    @Test
    void incrementalRegeneratesOnlyWhatANewRunChanged() throws Exception {
        Path inc = tmp.resolve("incremental");
        copyTree(site, inc);
        Archive grown = Archive.open(tmp.resolve("grown"));
        copyTree(archive.root(), grown.root());
        grown = Archive.openExisting(grown.root());
        grown.commit(SiteFixture.extraRun());
        SiteGenerator.Outcome o;
        try (ArchiveDatabase db = ArchiveDatabase.open(grown)) {
            o = SiteGenerator.generate(db, SiteFixture.knownAnalyses(), new SiteOptions(inc, Optional.empty(), "default",
                    "", "https://example.github.io/repo/", List.of("1.1.0..1.2.0-SNAPSHOT"), true, ""));
        }
        // the new run measured Crypto only: one of three benchmark pages is rendered
        assertThat(o.benchmarks()).isEqualTo(3);
        assertThat(o.benchmarkPagesRendered()).isEqualTo(1);
        // release 1.1.0 against 1.0.0 is made from the same runs as before: its page is kept
        assertThat(o.comparisonsKept()).isEqualTo(1);
        // the run is of 1.2.0-SNAPSHOT: its page is rendered, and 1.1.0's (the comparisons it links to
        // are made from the new run); 1.0.0's page is kept as it was, without rendering
        assertThat(o.versionPagesRendered()).isEqualTo(2);
        assertThat(inc.resolve(versionPage("1.0.0"))).hasSameBinaryContentAs(site.resolve(versionPage("1.0.0")));
        assertThat(Files.readString(inc.resolve(versionPage("1.2.0-SNAPSHOT"))))
                .contains(SiteFixture.runId(SiteFixture.NIGHTLY))
                .isNotEqualTo(Files.readString(site.resolve(versionPage("1.2.0-SNAPSHOT"))));
        Path full = tmp.resolve("full");
        try (ArchiveDatabase db = ArchiveDatabase.open(grown)) {
            SiteGenerator.generate(db, SiteFixture.knownAnalyses(), new SiteOptions(full, Optional.empty(), "default",
                    "", "https://example.github.io/repo/", List.of("1.1.0..1.2.0-SNAPSHOT"), false, ""));
        }
        assertSameTree(full, inc);
        // without --publish-samples the raw samples stay in the archive (the incremental one removed the copy)
        assertThat(full.resolve("data/samples")).doesNotExist();
        assertThat(Files.readString(full.resolve("data/setup.sql"))).contains("VIEW results").doesNotContain("samples");
        assertThat(Files.readString(full.resolve("data.html"))).contains("site --publish-samples");
    }

    @Test
    void aVersionPageIsRenderedAgainWhenTheComparisonsItLinksToChange() throws Exception {
        Path inc = tmp.resolve("other-comparisons");
        copyTree(site, inc);
        List<String> compare = List.of("1.0.0..1.1.0");
        SiteGenerator.Outcome o;
        try (ArchiveDatabase db = ArchiveDatabase.open(archive)) {
            o = SiteGenerator.generate(db, SiteFixture.knownAnalyses(), new SiteOptions(inc, Optional.empty(), "default",
                    "", "https://example.github.io/repo/", compare, true, "", true));
        }
        // 1.0.0 and 1.1.0 gain the new comparison, 1.1.0 and 1.2.0-SNAPSHOT lose the one no longer asked for
        assertThat(o.versionPagesRendered()).isEqualTo(3);
        assertThat(Files.readString(inc.resolve(versionPage("1.0.0")))).contains(">1.1.0 against 1.0.0<");
        // a version page is as of its version's own latest run (run 14 for 1.0.0)
        assertThat(Files.readString(site.resolve(versionPage("1.0.0")))).doesNotContain(">1.1.0 against 1.0.0<")
                .contains("data as of the newest run it shows, <span>" + io.benchledger.site.pages.Fmt.time(
                        SiteFixture.START.plus(java.time.Duration.ofDays(14)).plusSeconds(614)) + "</span>");
        assertThat(JSON.readTree(inc.resolve(SiteManifest.FILE).toFile()).path("versions").size()).isEqualTo(3);
        Path full = tmp.resolve("other-comparisons-full");
        try (ArchiveDatabase db = ArchiveDatabase.open(archive)) {
            SiteGenerator.generate(db, SiteFixture.knownAnalyses(), new SiteOptions(full, Optional.empty(), "default",
                    "", "https://example.github.io/repo/", compare, false, "", true));
        }
        assertSameTree(full, inc);
        // nothing changed since: every version page is kept
        try (ArchiveDatabase db = ArchiveDatabase.open(archive)) {
            o = SiteGenerator.generate(db, SiteFixture.knownAnalyses(), new SiteOptions(inc, Optional.empty(), "default",
                    "", "https://example.github.io/repo/", compare, true, "", true));
        }
        assertThat(o.versionPagesRendered()).isZero();
        assertSameTree(full, inc);
    }

    /** A release with one run: its comparison with the last release is the dashboard's, written once. */
    @Test
    void aComparisonIsWrittenOnceWhenTheNewestReleaseIsTheLatestRun() throws Exception {
        Archive released = Archive.open(tmp.resolve("released"));
        copyTree(archive.root(), released.root());
        released = Archive.openExisting(released.root());
        released.commit(SiteFixture.releaseRunOf("1.3.0"));
        Path out = tmp.resolve("released-site");
        try (ArchiveDatabase db = ArchiveDatabase.open(released)) {
            SiteGenerator.generate(db, SiteFixture.knownAnalyses(), new SiteOptions(out, Optional.empty(), "default",
                    "", "https://example.github.io/repo/", List.of(), false, ""));
        }
        String versions = Files.readString(out.resolve("versions.html"));
        assertThat(versions).contains("Latest run against the last release (1.1.0)")
                .doesNotContain("Release 1.3.0 against 1.1.0");
        try (var pages = Files.list(out.resolve("compare"))) {
            // the latest run against the previous run and against the last release; no copy of the second
            assertThat(pages.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".html")).toList())
                    .hasSize(2).noneMatch(n -> n.startsWith("1-3-0-vs-1-1-0"));
        }
        assertThat(Files.readString(out.resolve(versionPage("1.3.0"))))
                .contains("Latest run against the last release (1.1.0)");
    }

    private static String versionPage(String version) {
        return "v/" + SafeNames.of("version " + version) + ".html";
    }

    @Test
    void theDataPagesSetupScriptOpensThePublishedArchive() throws Exception {
        // DuckDB here has no httpfs: point the published address at the site's folder instead
        String setup = Files.readString(site.resolve("data/setup.sql"))
                .replace("https://example.github.io/repo/", site.toUri().getPath());
        try (var c = java.sql.DriverManager.getConnection("jdbc:duckdb:"); var st = c.createStatement()) {
            for (String statement : setup.split(";\n")) {
                if (!statement.replaceAll("(?m)^--.*$", "").isBlank()) {
                    st.execute(statement);
                }
            }
            // 40 nightly runs of 4 results (21 samples) and 6 A/B runs of 1 result (6 samples)
            assertThat(count(st, "SELECT count(*) FROM runs")).isEqualTo(46);
            assertThat(count(st, "SELECT count(*) FROM results")).isEqualTo(40 * 4 + 6);
            assertThat(count(st, "SELECT count(*) FROM samples")).isEqualTo(40 * 21 + 6 * 6);
            assertThat(count(st, "SELECT count(DISTINCT version) FROM results")).isEqualTo(3);
        }
    }

    private static long count(java.sql.Statement st, String sql) throws java.sql.SQLException {
        try (var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aBadComparisonIsBadInput() throws Exception {
        try (ArchiveDatabase db = ArchiveDatabase.open(archive)) {
            assertThatThrownBy(() -> SiteGenerator.generate(db, SiteFixture.engineOnly(), new SiteOptions(tmp.resolve("bad"),
                    Optional.empty(), "default", "", "", List.of("1.0.0..9.9.9"), false, "")))
                    .isInstanceOf(BadInputException.class)
                    .hasMessage("--compare 1.0.0..9.9.9: '9.9.9' is neither a version nor a run id of project 'default'");
        }
    }

    @Test
    void userTemplatesOverrideTheBuiltInOnesFileByFile() throws Exception {
        Path mine = tmp.resolve("my-templates");
        Files.createDirectories(mine.resolve("assets"));
        Files.writeString(mine.resolve("assets/style.css"), "body { color: rebeccapurple; }\n");
        Path out = tmp.resolve("custom");
        Files.createDirectories(out.resolve("reports"));
        Files.write(out.resolve("reports/nightly.pdf"), new byte[2048]); // as the nightly workflow leaves it
        try (ArchiveDatabase db = ArchiveDatabase.open(archive)) {
            SiteGenerator.generate(db, SiteFixture.engineOnly(), new SiteOptions(out, Optional.of(mine), "default", "Mine",
                    "", List.of(), false, ""));
        }
        assertThat(Files.readString(out.resolve("assets/style.css"))).isEqualTo("body { color: rebeccapurple; }\n");
        assertThat(Files.readString(out.resolve("index.html"))).contains("<title>Mine · Mine</title>")
                .contains("<a href=\"reports/nightly.pdf\">nightly.pdf</a> (<span>2.0 KiB</span>, PDF)");
        assertThat(out.resolve("reports/nightly.pdf")).exists(); // not the site's to remove
    }

    static void assertSameTree(Path a, Path b) throws IOException {
        List<String> fa = relative(a);
        List<String> fb = relative(b);
        assertThat(fb).isEqualTo(fa);
        for (String f : fa) {
            assertThat(Files.readAllBytes(b.resolve(f))).as(f).isEqualTo(Files.readAllBytes(a.resolve(f)));
        }
    }

    static List<String> relative(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    static List<Path> files(Path root, String... suffixes) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).filter(p -> {
                for (String x : suffixes) {
                    if (p.toString().endsWith(x)) {
                        return true;
                    }
                }
                return false;
            }).sorted().toList();
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}

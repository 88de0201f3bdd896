package io.benchledger.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.benchledger.report.model.ReportModel;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfReportRendererTest {
    @TempDir
    Path tmp;

    private Path render(ReportModel model, String name) throws IOException {
        Path out = tmp.resolve(name);
        new PdfReportRenderer().render(model, out);
        return out;
    }

    private static String text(PDDocument doc) throws IOException {
        PDFTextStripper s = new PDFTextStripper();
        s.setSortByPosition(true);
        return s.getText(doc);
    }

    private static String pageText(PDDocument doc, int page) throws IOException {
        PDFTextStripper s = new PDFTextStripper();
        s.setSortByPosition(true);
        s.setStartPage(page);
        s.setEndPage(page);
        return s.getText(doc);
    }

    /** The text inside the comparison table's Case column, pages {@code from} to {@code to}. */
    private static String caseColumn(PDDocument doc, int from, int to) throws IOException {
        float width = ComparisonTable.COLUMNS.get(0).width();
        StringBuilder column = new StringBuilder();
        for (int p = from; p <= to; p++) {
            PDFTextStripperByArea area = new PDFTextStripperByArea();
            area.setSortByPosition(true);
            area.addRegion("case", new Rectangle2D.Float(PageFlow.LEFT, 0, width, PageFlow.LANDSCAPE.getHeight()));
            area.extractRegions(doc.getPage(p - 1));
            column.append(area.getTextForRegion("case"));
        }
        return column.toString();
    }

    private static List<String> lines(String text) {
        return text.lines().map(String::strip).toList();
    }

    @Test
    void theComparisonNumbersAndVerdictsAreInTheText() throws IOException {
        try (PDDocument doc = Loader.loadPDF(render(ReportFixtures.small(), "small.pdf").toFile())) {
            List<String> lines = lines(text(doc));
            // 100.0 → 112.3 ns/op is +12.3 % with interval [+10.1 %, +14.6 %], q 0.002, a minor regression
            assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("org.example.crypto.AesGcm.encrypt")
                    .contains("ns/op 100.0 112.3 +12.3% [+10.1%, +14.6%] 0.002 ±2.0% (configured) regressed"));
            assertThat(lines).contains("org.example.crypto.AesGcm.encrypt [size=1024] +12.3% [+10.1%, +14.6%] minor 0.002");
            // 2000 → 1400 ops/s is −30.0 %, q below 0.001, a major regression
            assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("org.example.crypto.Sha256.hash")
                    .contains("ops/s 2000 1400 -30.0% [-34.0%, -26.0%] <0.001 ±2.0% (configured) regressed"));
            assertThat(lines).contains("org.example.crypto.Sha256.hash [size=64] -30.0% [-34.0%, -26.0%] major <0.001");
            // 50 → 40 us/op is −20.0 %, an improvement
            assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("org.example.crypto.Rsa.sign")
                    .contains("us/op 50.00 40.00 -20.0% [-23.0%, -17.0%] 0.001 ±2.0% (configured) improved"));
            // summary counts: two regressed, one improved, two unchanged, one inconclusive, six in all
            assertThat(lines).contains("regressed 2", "improved 1", "unchanged 2", "inconclusive 1", "total 6");
            assertThat(String.join("\n", lines)).contains("6 (2 regressed, 1 improved, 2 unchanged, 1 inconclusive)");
            // the worst regression first: −30 % throughput is worse than +12.3 % latency
            String all = String.join("\n", lines);
            int worst = all.indexOf("Worst regressions");
            assertThat(all.indexOf("Sha256.hash", worst)).isLessThan(all.indexOf("AesGcm.encrypt", worst));
            // the failed budget, the change point, the trend and the recommendation with its evidence
            assertThat(all).contains("1 budget checks failed, 0 missed their target, 1 passed, 0 could not be checked.");
            assertThat(lines).anySatisfy(l -> assertThat(l).contains("max p99 171.5 \u2013 150.0 ns/op fail"));
            assertThat(lines).anySatisfy(l -> assertThat(l).contains("1.5.0 2026-04-13 00:00 101.0 113.0 +11.9% 0.001"));
            assertThat(lines).anySatisfy(l -> assertThat(l).contains("primary 20 +0.6% 0.72 <0.001 degrading"));
            assertThat(all).contains("Evidence: fork means 9.1, 10.9, 10.2 ops/ms");
            // title page: versions, the candidate's date, the environment; appendix: both runs
            assertThat(pageText(doc, 1)).contains("Candidate 1.5.0", "Baseline 1.4.0", "Date 2026-05-06 07:08 UTC",
                    "Intel Xeon, 2 CPUs");
            assertThat(all).contains("Run 01BASELINE0000000000000000 (baseline, 1.4.0)",
                    "Run 01CANDIDATE000000000000000 (candidate, 1.5.0)", "-Xmx2g -XX:+UseG1GC");
        }
    }

    @Test
    void namesWithNonAsciiCharactersSurvive() throws IOException {
        try (PDDocument doc = Loader.loadPDF(render(ReportFixtures.small(), "unicode.pdf").toFile())) {
            // the name wraps inside its cell: read the Case column on its own
            String column = caseColumn(doc, 1, doc.getNumberOfPages()).replaceAll("\\s+", "");
            assertThat(column).contains("bench.Ünïcode.çafé[α=β,язык=русский]");
            String all = text(doc);
            assertThat(all).contains("µs/op");
            // CJK is outside DejaVu Sans: shown as U+FFFD rather than failing the report
            assertThat(all).contains("bench.Kanji\uFFFD\uFFFD");
        }
    }

    @Test
    void aLongTableBreaksAcrossPagesWithItsHeaderRepeatedAndNamesWrappedWhole() throws IOException {
        ReportModel model = ReportFixtures.large(300);
        try (PDDocument doc = Loader.loadPDF(render(model, "large.pdf").toFile())) {
            String header = "Case Unit Baseline Candidate Change 95 % interval q Threshold Verdict";
            List<Integer> tablePages = new ArrayList<>();
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                // only the comparison table has a unit column
                if (pageText(doc, p).contains("ns/op")) {
                    tablePages.add(p);
                }
            }
            // 300 rows of 4 to 5 lines do not fit on a few pages
            assertThat(tablePages.size()).isGreaterThan(10);
            for (int p : tablePages) {
                assertThat(lines(pageText(doc, p))).as("page %d", p).contains(header);
            }
            // the Case column, read on its own, holds every name whole (wrapped, never cut)
            String flat = caseColumn(doc, tablePages.get(0), tablePages.get(tablePages.size() - 1))
                    .replaceAll("\\s+", "");
            for (var c : model.comparisons()) {
                String name = ComparisonTable.caseLabel(c);
                assertThat(name.length()).isGreaterThan(140);
                assertThat(flat).contains(name.replaceAll("\\s+", ""));
            }
        }
    }

    @Test
    void outlineAndMetadataNameTheReport() throws IOException {
        try (PDDocument doc = Loader.loadPDF(render(ReportFixtures.small(), "meta.pdf").toFile())) {
            var info = doc.getDocumentInformation();
            assertThat(info.getTitle()).isEqualTo("Release comparison report: crypto-service");
            assertThat(info.getSubject()).isEqualTo("1.5.0 compared with 1.4.0");
            assertThat(info.getProducer()).startsWith("benchledger 0.1.0-test");
            Calendar created = info.getCreationDate();
            assertThat(created.toInstant()).isEqualTo(ReportFixtures.DATE);
            List<String> top = new ArrayList<>();
            for (PDOutlineItem item : doc.getDocumentCatalog().getDocumentOutline().children()) {
                top.add(item.getTitle());
                assertThat(item.getDestination()).isNotNull();
            }
            assertThat(top).containsExactly("Title page", "Summary", "Largest changes", "Comparison", "Targets", "Change points",
                    "Trends", "Recommendations", "Appendix: run environments");
        }
        assertThat(ReportFixtures.DATE.atOffset(ZoneOffset.UTC).getYear()).isEqualTo(2026);
    }

    @Test
    void fontsAreEmbeddedSubsetsAndChartsAreVectorsWithoutImages() throws IOException {
        try (PDDocument doc = Loader.loadPDF(render(ReportFixtures.small(), "vector.pdf").toFile())) {
            int forms = 0;
            for (PDPage page : doc.getPages()) {
                forms += inspect(page.getResources());
            }
            // two charts: the changes and one history
            assertThat(forms).isEqualTo(2);
        }
    }

    /** Checks fonts and XObjects of a resource dictionary, recursing into forms; returns the forms seen. */
    private static int inspect(PDResources res) throws IOException {
        int forms = 0;
        for (COSName n : res.getFontNames()) {
            PDFont f = res.getFont(n);
            assertThat(f).isInstanceOf(PDType0Font.class);
            assertThat(f.isEmbedded()).isTrue();
            assertThat(f.getName()).matches("[A-Z]{6}\\+DejaVuSans(-Bold)?");
        }
        for (COSName n : res.getXObjectNames()) {
            PDXObject x = res.getXObject(n);
            assertThat(x).isNotInstanceOf(PDImageXObject.class);
            if (x instanceof PDFormXObject form) {
                forms++;
                if (form.getResources() != null) {
                    inspect(form.getResources());
                }
            }
        }
        return forms;
    }

    @Test
    void theSameModelGivesTheSameBytes() throws IOException {
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        new PdfReportRenderer().render(ReportFixtures.small(), a);
        new PdfReportRenderer().render(ReportFixtures.small(), b);
        assertThat(a.toByteArray()).isEqualTo(b.toByteArray());
    }

    @Test
    void popplerRendersEveryPage() throws Exception {
        assumeTrue(onPath("pdftoppm"), "pdftoppm (poppler-utils) is not installed");
        for (ReportModel model : List.of(ReportFixtures.small(), ReportFixtures.large(120))) {
            Path pdf = render(model, "poppler.pdf");
            int pages;
            try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
                pages = doc.getNumberOfPages();
            }
            Path dir = Files.createDirectories(tmp.resolve("png-" + pages));
            Process p = new ProcessBuilder("pdftoppm", "-r", "40", "-png", pdf.toString(), dir.resolve("page").toString())
                    .redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(output).isZero();
            // poppler prints "Syntax Error" and the like for a damaged file, even when it exits 0
            assertThat(output).isEmpty();
            try (Stream<Path> files = Files.list(dir)) {
                List<Path> pngs = files.filter(f -> f.toString().endsWith(".png")).toList();
                assertThat(pngs).hasSize(pages);
                for (Path png : pngs) {
                    assertThat(Files.size(png)).isGreaterThan(500);
                }
            }
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void resourcesSectionAndTailNotes() throws Exception {
        ReportModel base = ReportFixtures.small();
        String key = base.comparisons().get(0).caseKey();
        java.util.TreeMap<String, String> size = new java.util.TreeMap<>(Map.of("size", "1024"));
        List<io.benchledger.site.data.ResourceData.Row> rows = List.of(
                new io.benchledger.site.data.ResourceData.Row("default", "r1", "a@thrpt", "org.x.crypto.AesGcm.encrypt", size,
                        "thrpt", 1, 40_000, "ops/s", 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                        40_960_000, Double.NaN, 96 * 1048576.0, 80 * 1048576.0, 1.25),
                new io.benchledger.site.data.ResourceData.Row("default", "r1", "a@sample", "org.x.crypto.AesGcm.encrypt", size,
                        "sample", 1, 25, "us/op", 2000, 22, 24, 26, 31, 45, Double.NaN, Double.NaN, Double.NaN,
                        Double.NaN, Double.NaN));
        ReportModel model = base.withResources(rows, Map.of(key, "p99 regressed +35.2 % (regression: tail)"));
        try (PDDocument doc = Loader.loadPDF(render(model, "resources.pdf").toFile())) {
            String text = text(doc);
            assertThat(text).contains("Resources").contains("41.0 MB/s").contains("96 MiB").contains("80 MiB")
                    .contains("1.25").contains("22.00 us").contains("31.00 us").contains("AesGcm.encrypt [size=1024] @thrpt");
            assertThat(text.replaceAll("\\s+", " ")).contains("(regression: tail)");
        }
    }
}

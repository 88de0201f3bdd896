package io.benchledger.report.pdf;

import io.benchledger.archive.analysis.changepoint.ChangePoint;
import io.benchledger.archive.analysis.compare.CaseComparison;
import io.benchledger.archive.analysis.compare.Severity;
import io.benchledger.archive.analysis.compare.Verdict;
import io.benchledger.report.model.BudgetResult;
import io.benchledger.report.model.CaseHistory;
import io.benchledger.report.model.Formats;
import io.benchledger.report.model.ReportModel;
import io.benchledger.report.model.RunEnvironment;
import io.benchledger.report.model.Summary;
import io.benchledger.report.model.TitlePage;
import io.benchledger.report.pdf.Table.Column;
import io.benchledger.report.pdf.Table.Row;
import java.awt.Color;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Comparator;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PageMode;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;

/**
 * Lays a {@link ReportModel} out as a PDF: title page, summary, chart of changes, comparison table,
 * change points and trends, recommendations, and an appendix of run environments. Only layout
 * happens here; every number comes from the model.
 */
public final class PdfReportRenderer {
    /** How many cases the chart of changes shows at most (the largest changes). */
    static final int CHART_CASES = 30;
    /** How many history charts at most (the worst regressions that have change points first). */
    static final int HISTORY_CHARTS = 6;

    /** The comparison table's columns (758 points: the text width of a landscape A4 page). */
    static final List<Column> COMPARISON_COLUMNS = List.of(Column.left("Case", 290), Column.left("Unit", 40),
            Column.right("Baseline", 52), Column.right("Candidate", 52), Column.right("Change", 42),
            Column.right("95 % interval", 82), Column.right("q", 36),
            Column.right("Threshold", 76), Column.left("Verdict", 88));

    /**
     * Writes the report to {@code out}, through a temporary file so a failed run leaves no half PDF.
     *
     * @return the number of pages
     */
    public int render(ReportModel model, Path out) throws IOException {
        Path dir = out.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path tmp = out.toAbsolutePath().resolveSibling("." + out.getFileName() + ".tmp");
        try {
            int pages;
            try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp))) {
                pages = render(model, os);
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return pages;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Writes the report to a stream and returns the number of pages. */
    public int render(ReportModel model, OutputStream out) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            ReportFonts fonts = ReportFonts.load(doc);
            try (PageFlow flow = new PageFlow(doc, fonts)) {
                Charts charts = new Charts(flow);
                titlePage(flow, model);
                summary(flow, model);
                changeChart(flow, charts, model);
                comparisonTable(flow, model);
                WorkloadSection.render(flow, model);
                budgets(flow, model);
                changePoints(flow, charts, model);
                TrendTable.draw(flow, model.trends());
                RecommendationList.draw(flow, model.recommendations());
                ResourcesSection.draw(flow, model.resources());
                appendix(flow, model);
                flow.footers(model.title().title() + " · " + model.title().subject());
            }
            metadata(doc, model);
            doc.save(out);
            return doc.getNumberOfPages();
        }
    }

    private static void titlePage(PageFlow flow, ReportModel model) throws IOException {
        TitlePage t = model.title();
        ReportFonts f = flow.fonts;
        flow.newPage();
        flow.bookmark("Title page");
        flow.moveDown(150);
        flow.paragraph(f.bold, 24, PageFlow.ACCENT, t.type().title());
        flow.moveDown(6);
        flow.paragraph(f.bold, 16, PageFlow.TEXT, t.project());
        flow.moveDown(24);
        keyValues(flow, List.of(
                new String[] {"Candidate", t.candidate()},
                new String[] {"Baseline", t.baseline()},
                new String[] {"Date", Formats.dateTime(t.date())},
                new String[] {"Environment", t.environment()},
                new String[] {"Cases compared", countsLine(model.summary())}), 115, 11);
        flow.moveDown(30);
        flow.paragraph(f.regular, 9, PageFlow.MUTED, "Made by benchledger " + t.toolVersion()
                + ". Changes are relative to the baseline, in the metric's own direction; a change counts only when"
                + " it is significant after Benjamini–Hochberg correction and its whole confidence interval lies"
                + " beyond the noise threshold. The date is the candidate run's start time.");
    }

    private static String countsLine(Summary s) {
        StringBuilder b = new StringBuilder();
        for (Verdict v : verdictOrder()) {
            if (s.count(v) > 0 || isCoreVerdict(v)) {
                b.append(b.length() == 0 ? "" : ", ").append(s.count(v)).append(' ').append(v.json());
            }
        }
        return s.total() + " (" + b + ")";
    }

    /** Verdicts in the order a reader looks for them: what got worse first. */
    private static List<Verdict> verdictOrder() {
        List<Verdict> order = new ArrayList<>(List.of(Verdict.REGRESSED, Verdict.IMPROVED, Verdict.UNCHANGED,
                Verdict.INCONCLUSIVE));
        for (Verdict v : Verdict.values()) {
            if (!order.contains(v)) {
                order.add(v);
            }
        }
        return order;
    }

    private static boolean isCoreVerdict(Verdict v) {
        return v == Verdict.REGRESSED || v == Verdict.IMPROVED || v == Verdict.UNCHANGED || v == Verdict.INCONCLUSIVE;
    }

    private static void keyValues(PageFlow flow, List<String[]> pairs, float keyWidth, float size)
            throws IOException {
        float leading = size * 1.4f;
        for (String[] kv : pairs) {
            List<String> lines = TextWrap.wrap(flow.fonts.regular, size, ReportFonts.drawable(kv[1]),
                    flow.width() - keyWidth);
            flow.ensure(leading * lines.size());
            float baseline = flow.y() - size;
            flow.text(PageFlow.LEFT, baseline, flow.fonts.bold, size, PageFlow.MUTED, ReportFonts.drawable(kv[0]));
            for (String line : lines) {
                flow.text(PageFlow.LEFT + keyWidth, baseline, flow.fonts.regular, size, PageFlow.TEXT, line);
                baseline -= leading;
            }
            flow.moveDown(leading * lines.size());
        }
    }

    private static void summary(PageFlow flow, ReportModel model) throws IOException {
        Summary s = model.summary();
        flow.newPage();
        PDOutlineItem section = flow.heading("Summary", 80);
        Table counts = new Table(flow, List.of(Column.left("Verdict", 120), Column.right("Cases", 60)));
        List<Row> rows = new ArrayList<>();
        for (Verdict v : verdictOrder()) {
            if (s.count(v) > 0 || isCoreVerdict(v)) {
                rows.add(new Row(List.of(v.json(), Integer.toString(s.count(v))), Arrays.asList(Charts.color(v), null)));
            }
        }
        rows.add(Row.of("total", Integer.toString(s.total())));
        counts.draw(rows);

        if (!model.notes().isEmpty()) {
            flow.subheading(section, "About this report", 20);
            for (String note : model.notes()) {
                flow.paragraph(flow.fonts.regular, 9, PageFlow.TEXT, "• " + note);
            }
        }

        flow.subheading(section, "Worst regressions", 40);
        if (s.worstRegressions().isEmpty()) {
            flow.paragraph(flow.fonts.regular, 9, PageFlow.TEXT, "No case regressed.");
        } else {
            Table worst = new Table(flow, List.of(Column.left("Case", 261), Column.right("Change", 50),
                    Column.right("95 % interval", 80), Column.left("Severity", 55), Column.right("q", 40)));
            List<Row> w = new ArrayList<>();
            for (CaseComparison c : s.worstRegressions()) {
                w.add(Row.of(caseLabel(c), Formats.percent(c.change()), Formats.interval(c.ciLow(), c.ciHigh()),
                        c.severity().json(), Formats.probability(c.qValue())));
            }
            worst.draw(w);
        }

        flow.subheading(section, "Budgets", 40);
        if (model.budgets().isEmpty()) {
            flow.paragraph(flow.fonts.regular, 9, PageFlow.TEXT,
                    "No budget applies to these cases (budgets come from the suite configuration).");
        } else {
            flow.paragraph(flow.fonts.regular, 9, PageFlow.TEXT, s.budgetsFailed() + " budget checks failed, "
                    + s.budgetsWarned() + " missed their target, " + s.budgetsPassed() + " passed, "
                    + s.budgetsNotChecked() + " could not be checked." + (s.budgetsFailed() > 0 ? " The failures:" : "")
                    + " Every check is listed in the section Targets.");
            flow.moveDown(4);
            List<BudgetResult> failed = model.budgets().stream().filter(BudgetResult::failed).toList();
            if (!failed.isEmpty()) {
                budgetTable(flow, failed);
            }
        }
    }

    private static void budgets(PageFlow flow, ReportModel model) throws IOException {
        if (model.budgets().isEmpty()) {
            return;
        }
        flow.heading("Targets", 60);
        flow.paragraph(flow.fonts.regular, 9, PageFlow.TEXT, "Every budget checked against the candidate: the current"
                + " value, the target (beyond it: warn) and the critical level (beyond it: fail), and the change still"
                + " needed. Not checked (no matching case, no baseline) is counted apart, never as a pass.");
        flow.moveDown(4);
        budgetTable(flow, model.budgets().stream()
                .sorted(Comparator.comparing((BudgetResult b) -> STATUS_ORDER.indexOf(b.status())).thenComparing(BudgetResult::benchmark)
                        .thenComparing(BudgetResult::caseKey).thenComparing(BudgetResult::criterion))
                .toList());
    }

    private static final List<String> STATUS_ORDER = List.of("fail", "warn", "not checked", "pass");

    private static void budgetTable(PageFlow flow, List<BudgetResult> budgets) throws IOException {
        Table t = new Table(flow, List.of(Column.left("Case", 171), Column.left("Criterion", 70),
                Column.right("Current", 50), Column.right("Target", 50), Column.right("Critical", 50),
                Column.left("Unit", 35), Column.left("Status", 40), Column.left("Needed", 45)));
        List<Row> rows = new ArrayList<>();
        for (BudgetResult b : budgets) {
            Color c = b.failed() ? Charts.BAD : b.passed() ? Charts.GOOD : null;
            rows.add(new Row(List.of(b.benchmark(), b.criterion(), Formats.number(b.actual()), Formats.number(b.target()),
                    Formats.number(b.critical()), b.unit(), b.status(),
                    b.needed().replace(" to reach the target", "").replace(" to reach the limit", "")),
                    Arrays.asList(null, null, null, null, null, null, c, null)));
        }
        t.draw(rows);
    }

    private static void changeChart(PageFlow flow, Charts charts, ReportModel model) throws IOException {
        // the largest regressions and the largest improvements, half the chart each when both have enough
        List<CaseComparison> regressed = largest(model, Verdict.REGRESSED);
        List<CaseComparison> improved = largest(model, Verdict.IMPROVED);
        int half = CHART_CASES / 2;
        int nRegressed = Math.min(regressed.size(), Math.max(half, CHART_CASES - improved.size()));
        int nImproved = Math.min(improved.size(), CHART_CASES - nRegressed);
        List<CaseComparison> changed = new ArrayList<>(regressed.subList(0, nRegressed));
        changed.addAll(improved.subList(0, nImproved));
        changed.sort(Comparator.comparingDouble(CaseComparison::change).thenComparing(CaseComparison::caseKey));
        float height = Charts.changeChartHeight(changed.size());
        flow.heading("Largest changes", changed.isEmpty() ? 20 : Math.min(height + 30, 600));
        if (changed.isEmpty()) {
            flow.paragraph(flow.fonts.regular, 9, PageFlow.TEXT,
                    "No case improved or regressed significantly, so there is no change to chart.");
            return;
        }
        flow.paragraph(flow.fonts.regular, 9, PageFlow.TEXT, "The largest significant changes (" + nRegressed
                + " regressions, " + nImproved + " improvements), in percent of the baseline, with their 95 %"
                + " bootstrap intervals. Colour is the verdict: green improved, red regressed.");
        flow.moveDown(6);
        flow.ensure(height);
        PDFormXObject form = charts.changes(changed, flow.width(), height);
        flow.form(form, PageFlow.LEFT, flow.y(), height);
        flow.moveDown(height + 8);
    }

    /** Cases of one verdict, the largest change (in the direction that matters) first. */
    private static List<CaseComparison> largest(ReportModel model, Verdict verdict) {
        return model.comparisons().stream()
                .filter(c -> c.verdict() == verdict && Double.isFinite(c.change()))
                .sorted(Comparator.comparingDouble((CaseComparison c) -> -Math.abs(c.change()))
                        .thenComparing(CaseComparison::caseKey).thenComparing(CaseComparison::metric))
                .toList();
    }

    private static void comparisonTable(PageFlow flow, ReportModel model) throws IOException {
        flow.landscape(true);
        flow.newPage();
        flow.heading("Comparison", 60);
        flow.paragraph(flow.fonts.regular, 9, PageFlow.TEXT, "Every case and metric, by name. Baseline and"
                + " candidate are the centres the comparison used (by default the 10 % trimmed mean of the"
                + " iteration scores), so change = candidate ÷ baseline − 1; q is the"
                + " p-value after Benjamini–Hochberg correction across the " + model.comparisons().size() + " rows;"
                + " threshold is the noise threshold each case was judged with, configured or learned from its run-to-run"
                + " variation.");
        flow.moveDown(4);
        Table t = new Table(flow, COMPARISON_COLUMNS);
        List<Row> rows = new ArrayList<>(model.comparisons().size());
        for (CaseComparison c : model.comparisons()) {
            rows.add(new Row(List.of(caseLabel(c), c.unit(), ResourcesSection.value(c.baselineCentre(), c.unit()),
                    ResourcesSection.value(c.candidateCentre(), c.unit()), Formats.percent(c.change()),
                    Formats.interval(c.ciLow(), c.ciHigh()), Formats.probability(c.qValue()),
                    Formats.threshold(c.threshold(), c.basis().thresholdSource()),
                    verdictText(c) + ("primary".equals(c.metric()) ? ResourcesSection.tail(model, c.caseKey()) : "")),
                    Arrays.asList(null, null, null, null, null, null, null, null, Charts.color(c.verdict()))));
        }
        if (rows.isEmpty()) {
            flow.paragraph(flow.fonts.regular, 9, PageFlow.TEXT, "No case was measured in both runs.");
        } else {
            t.draw(rows);
        }
        flow.landscape(false);
    }

    private static String verdictText(CaseComparison c) {
        String v = c.verdict().json();
        if (c.severity() != Severity.NONE) {
            v += " (" + c.severity().json() + ")";
        }
        if (c.verdict() == Verdict.INCONCLUSIVE && c.samplesNeeded() > 0) {
            v += ", " + c.samplesNeeded() + " samples needed";
        }
        return v;
    }

    static String caseLabel(CaseComparison c) {
        String name = Formats.caseName(c.benchmark(), c.params());
        return "primary".equals(c.metric()) ? name : name + " · " + c.metric();
    }

    private static void changePoints(PageFlow flow, Charts charts, ReportModel model) throws IOException {
        flow.newPage();
        PDOutlineItem section = flow.heading("Change points", 40);
        List<ChangePoint> points = model.changePoints();
        if (points.isEmpty()) {
            flow.paragraph(flow.fonts.regular, 9, PageFlow.TEXT, "No change point was found in the history of these cases.");
        } else {
            Table t = new Table(flow, List.of(Column.left("Case", 136), Column.left("Metric", 45),
                    Column.left("Version", 45), Column.left("Run time", 80), Column.right("Before", 40),
                    Column.right("After", 40), Column.right("Change", 40), Column.right("p", 30),
                    Column.left("Direction", 55)));
            List<Row> rows = new ArrayList<>();
            for (ChangePoint cp : points) {
                Color c = ChangePoint.REGRESSION.equals(cp.direction()) ? Charts.BAD : Charts.GOOD;
                rows.add(new Row(List.of(cp.benchmark(), cp.metric(), cp.version(), Formats.dateTime(cp.time()),
                        Formats.number(cp.before()), Formats.number(cp.after()), Formats.percent(cp.change()),
                        Formats.probability(cp.pValue()), cp.direction()),
                        Arrays.asList(null, null, null, null, null, null, c, null, c)));
            }
            t.draw(rows);
        }
        DriftTable.draw(flow, section, model.drifts());
        int shown = 0;
        for (CaseHistory h : model.histories()) {
            if (shown == HISTORY_CHARTS) {
                break;
            }
            float height = 190;
            flow.subheading(section, "History: " + h.benchmark() + (h.metric().equals("primary") ? "" : " · " + h.metric()),
                    height);
            PDFormXObject form = charts.history(h, flow.width(), height);
            flow.form(form, PageFlow.LEFT, flow.y(), height);
            flow.moveDown(height + 6);
            shown++;
        }
    }

    private static void appendix(PageFlow flow, ReportModel model) throws IOException {
        flow.newPage();
        PDOutlineItem section = flow.heading("Appendix: run environments", 60);
        if (model.environments().isEmpty()) {
            flow.paragraph(flow.fonts.regular, 9, PageFlow.TEXT, "No run environment is recorded.");
            return;
        }
        for (RunEnvironment measured : model.environments()) {
            io.benchledger.archive.model.Run e = measured.run();
            flow.subheading(section, "Run " + e.runId() + " (" + measured.role() + (e.version().isEmpty() ? "" : ", " + e.version())
                    + ")", 60);
            List<String[]> kv = new ArrayList<>();
            add(kv, "Started", Formats.dateTime(e.startedAt()));
            add(kv, "Suite", e.suite());
            add(kv, "Environment", e.environment());
            add(kv, "Trigger", e.trigger());
            add(kv, "Commit", (e.commit() + (e.branch().isEmpty() ? "" : " on " + e.branch())).trim());
            add(kv, "Host", e.host());
            add(kv, "OS", (e.os() + " " + e.arch()).trim());
            add(kv, "CPU", (e.cpuModel() + (e.cpuCount() > 0 ? " (" + e.cpuCount() + " CPUs)" : "")).trim());
            add(kv, "Memory", e.memoryBytes() > 0 ? Formats.bytes(e.memoryBytes()) : "");
            add(kv, "JVM", (e.jvmVendor() + " " + e.jvmVersion()).trim());
            add(kv, "JVM arguments", e.jvmArgs());
            add(kv, "Harness", (e.harness() + " " + e.harnessVersion()).trim());
            keyValues(flow, kv, 90, 8.5f);
        }
    }

    private static void add(List<String[]> kv, String key, String value) {
        if (!value.isBlank()) {
            kv.add(new String[] {key, value});
        }
    }

    private static void metadata(PDDocument doc, ReportModel model) {
        TitlePage t = model.title();
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(t.title());
        info.setSubject(t.subject());
        info.setAuthor("benchledger");
        info.setCreator("benchledger report --type " + t.type().json());
        info.setProducer("benchledger " + t.toolVersion() + " (Apache PDFBox)");
        info.setKeywords("benchmark, " + t.project() + ", " + t.candidate() + ", " + t.baseline());
        Calendar date = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
        date.setTimeInMillis(t.date().toEpochMilli());
        info.setCreationDate(date);
        info.setModificationDate(date);
        doc.getDocumentCatalog().setPageMode(PageMode.USE_OUTLINES);
        doc.getDocumentCatalog().setLanguage("en");
        // the file identifier is derived from the content, so the same model gives the same bytes
        byte[] id = fingerprint(model);
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        doc.getDocument().getTrailer().setItem(COSName.ID, ids);
    }

    private static byte[] fingerprint(ReportModel model) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] d = md.digest(model.toString().getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(d, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

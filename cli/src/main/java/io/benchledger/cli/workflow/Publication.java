package io.benchledger.cli.workflow;

import io.benchledger.archive.analysis.budget.Budget;
import io.benchledger.archive.analysis.compare.ComparisonOptions;
import io.benchledger.archive.analysis.compare.ComparisonReport;
import io.benchledger.archive.analysis.compare.Side;
import io.benchledger.archive.query.ArchiveDatabase;
import io.benchledger.archive.store.Archive;
import io.benchledger.cli.ToolVersion;
import io.benchledger.report.ReportAnalyses;
import io.benchledger.report.ReportAnalysis;
import io.benchledger.report.ReportBuilder;
import io.benchledger.report.model.ReportModel;
import io.benchledger.report.model.ReportType;
import io.benchledger.report.pdf.PdfReportRenderer;
import io.benchledger.site.SiteGenerator;
import io.benchledger.site.SiteOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Publishes what a nightly or release run found: the site (incremental) and the PDF report, which
 * goes into the site's {@code reports/} folder so the site links it.
 */
public final class Publication {
    public static final String REPORTS = "reports";

    private Publication() {
    }

    public static List<String> nightly(Archive archive, String project, Path site, Gate gate, ComparisonOptions options,
                                       List<Budget> budgets) throws Exception {
        EngineAnalyses analyses = new EngineAnalyses(options, budgets);
        List<String> out = new ArrayList<>();
        try (ArchiveDatabase db = ArchiveDatabase.open(archive)) {
            out.add(site(db, project, site, analyses, List.of()));
            if (gate.againstRecent().isPresent()) {
                // the gate's own baseline (recent:N), so the PDF gives the verdicts the summary gives
                ReportAnalyses found = ReportAnalysis.run(archive, db, gate.againstRecent().get().baseline().side(),
                        new Side(Side.Kind.RUN, gate.runId()), options, Optional.of(budgets));
                out.add(pdf(new ReportBuilder(db, project).build(ReportType.NIGHTLY, found, ToolVersion.version()),
                        site.resolve(REPORTS).resolve("nightly.pdf")));
            } else {
                out.add("report: none yet (the first run has nothing to compare with)");
            }
        }
        return out;
    }

    public static List<String> release(Archive archive, String project, Path site, ComparisonReport report,
                                       ComparisonOptions options) throws Exception {
        EngineAnalyses analyses = new EngineAnalyses(options, List.of());
        List<String> out = new ArrayList<>();
        String baseline = String.join("+", report.baseline().versions());
        String candidate = String.join("+", report.candidate().versions());
        try (ArchiveDatabase db = ArchiveDatabase.open(archive)) {
            out.add(site(db, project, site, analyses, List.of(baseline + ".." + candidate)));
            ReportAnalyses found = ReportAnalysis.run(archive, db, report.baseline().side(), report.candidate().side(),
                    options, Optional.empty());
            ReportModel model = new ReportBuilder(db, project).build(ReportType.RELEASE, found, ToolVersion.version());
            out.add(pdf(model, site.resolve(REPORTS).resolve("release-" + candidate + ".pdf")));
        }
        return out;
    }

    private static String site(ArchiveDatabase db, String project, Path site, EngineAnalyses analyses,
                               List<String> compare) throws Exception {
        boolean incremental = Files.exists(site.resolve(SiteGenerator.MANIFEST));
        SiteOptions options = new SiteOptions(site, Optional.empty(), project, "", "", compare, incremental, "");
        SiteGenerator.Outcome o = SiteGenerator.generate(db, analyses, options);
        return "site: " + site.resolve("index.html") + " (" + o.benchmarks() + " benchmarks, "
                + o.benchmarkPagesRendered() + " pages rendered)";
    }

    private static String pdf(ReportModel model, Path file) throws Exception {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true"); // charts use AWT classes; CI has no display
        }
        Files.createDirectories(file.getParent());
        int pages = new PdfReportRenderer().render(model, file);
        return "report: " + file + " (" + pages + " pages)";
    }

}

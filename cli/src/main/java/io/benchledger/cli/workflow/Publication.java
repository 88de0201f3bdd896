package io.benchledger.cli.workflow;

import io.benchledger.archive.analysis.budget.Budget;
import io.benchledger.archive.analysis.compare.ComparisonReport;
import io.benchledger.archive.analysis.findings.Findings;
import io.benchledger.archive.analysis.findings.FindingsBuilder;
import io.benchledger.cli.ToolVersion;
import io.benchledger.report.ReportAnalyses;
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
 * Publishes what a nightly or release run found, from its {@link Findings}: the site (incremental)
 * and the PDF report, which goes into the site's {@code reports/} folder so the site links it.
 */
public final class Publication {
    public static final String REPORTS = "reports";

    private Publication() {
    }

    public static List<String> nightly(FindingsBuilder builder, Findings findings, Path site, List<Budget> budgets)
            throws Exception {
        List<String> out = new ArrayList<>();
        out.add(site(builder, findings, site, budgets, List.of()));
        Optional<ComparisonReport> recent = findings.comparison(Findings.RECENT);
        if (recent.isPresent()) {
            // the gate's own comparison, so the PDF gives the verdicts the summary gives
            out.add(pdf(builder, ReportType.NIGHTLY, ReportAnalyses.of(findings, recent.get()),
                    site.resolve(REPORTS).resolve("nightly.pdf")));
        } else {
            out.add("report: none yet (the first run has nothing to compare with)");
        }
        return out;
    }

    public static List<String> release(FindingsBuilder builder, Findings findings, Path site) throws Exception {
        ComparisonReport report = findings.comparison(Findings.RELEASE).orElseThrow();
        String baseline = String.join("+", report.baseline().versions());
        String candidate = String.join("+", report.candidate().versions());
        List<String> out = new ArrayList<>();
        out.add(site(builder, findings, site, List.of(), List.of(baseline + ".." + candidate)));
        out.add(pdf(builder, ReportType.RELEASE, ReportAnalyses.of(findings, report),
                site.resolve(REPORTS).resolve("release-" + candidate + ".pdf")));
        return out;
    }

    private static String site(FindingsBuilder builder, Findings findings, Path site, List<Budget> budgets,
                               List<String> compare) throws Exception {
        boolean incremental = Files.exists(site.resolve(SiteGenerator.MANIFEST));
        SiteOptions options = new SiteOptions(site, Optional.empty(), findings.project(), "", "", compare, incremental, "");
        SiteGenerator.Outcome o = SiteGenerator.generate(builder.db(), new EngineAnalyses(builder, findings, budgets),
                options);
        return "site: " + site.resolve("index.html") + " (" + o.benchmarks() + " benchmarks, "
                + o.benchmarkPagesRendered() + " pages rendered)";
    }

    private static String pdf(FindingsBuilder builder, ReportType type, ReportAnalyses found, Path file)
            throws Exception {
        ReportModel model = new ReportBuilder(builder.db(), builder.options().project()).build(type, found,
                ToolVersion.version());
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true"); // charts use AWT classes; CI has no display
        }
        Files.createDirectories(file.getParent());
        int pages = new PdfReportRenderer().render(model, file);
        return "report: " + file + " (" + pages + " pages)";
    }
}

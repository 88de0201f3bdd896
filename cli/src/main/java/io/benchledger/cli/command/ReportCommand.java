package io.benchledger.cli.command;

import io.benchledger.archive.BadInputException;
import io.benchledger.archive.analysis.changepoint.ChangePoint;
import io.benchledger.archive.analysis.compare.CaseComparison;
import io.benchledger.archive.query.ArchiveDatabase;
import io.benchledger.archive.store.Archive;
import io.benchledger.cli.ArchiveOptions;
import io.benchledger.cli.GlobalOptions;
import io.benchledger.cli.ToolVersion;
import io.benchledger.report.AnalysisJson;
import io.benchledger.report.ReportAnalyses;
import io.benchledger.report.ReportBuilder;
import io.benchledger.report.model.ReportModel;
import io.benchledger.report.model.ReportType;
import io.benchledger.report.pdf.PdfReportRenderer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Writes a PDF report: title page, summary (verdict counts, worst regressions, budgets),",
                "a chart of the largest changes, the comparison table, change points with history charts,",
                "trends, recommendations, and each run's environment.",
                "  nightly: the project's latest run against the run before it;",
                "  release: every run of --candidate against every run of --baseline",
                "           (default: the two versions measured last).",
                "The numbers come from a saved comparison (--comparison, the output of",
                "'benchledger compare --format json') and, optionally, saved change points (--changes).",
                "The report's date is the candidate run's start time, so the same data gives the same file.",
                "See docs/reports.md."})
public final class ReportCommand implements Callable<Integer> {
    @Mixin
    ArchiveOptions archiveOptions;
    @Mixin
    GlobalOptions global;

    @Option(names = "--type", required = true, paramLabel = "TYPE",
            description = "nightly or release.")
    ReportType type;

    @Option(names = "--out", required = true, paramLabel = "FILE.pdf", description = "Where to write the PDF.")
    Path out;

    @Option(names = "--baseline", paramLabel = "VERSION", defaultValue = "",
            description = "Release report: the version compared against (default: the one measured before the candidate).")
    String baseline;

    @Option(names = "--candidate", paramLabel = "VERSION", defaultValue = "",
            description = "Release report: the version being released (default: the version measured last).")
    String candidate;

    @Option(names = "--comparison", paramLabel = "FILE.json", required = true,
            description = "The comparison of candidate against baseline: output of 'benchledger compare --format json'.")
    Path comparison;

    @Option(names = "--changes", paramLabel = "FILE.json",
            description = "Change points to show: output of 'benchledger changes --format json'.")
    Path changes;

    @Override
    public Integer call() throws Exception {
        if (System.getProperty("java.awt.headless") == null) {
            // charts are drawn with AWT classes; a report is made on servers without a display
            System.setProperty("java.awt.headless", "true");
        }
        if (type == ReportType.NIGHTLY && (!baseline.isEmpty() || !candidate.isEmpty())) {
            throw new BadInputException("--baseline and --candidate are for --type release; a nightly report compares"
                    + " the latest run with the one before it");
        }
        List<CaseComparison> cases = AnalysisJson.comparisons(comparison);
        List<ChangePoint> points = changes == null ? List.of() : AnalysisJson.changePoints(changes);
        Archive archive = archiveOptions.openExisting();
        ReportModel model;
        try (ArchiveDatabase db = ArchiveDatabase.open(archive)) {
            ReportBuilder builder = new ReportBuilder(db, archiveOptions.project);
            ReportBuilder.Sides sides = type == ReportType.NIGHTLY ? builder.nightly()
                    : builder.release(baseline, candidate);
            model = builder.build(type, sides,
                    new ReportAnalyses(cases, List.of(), points, List.of(), List.of()), ToolVersion.version());
        }
        int pages = new PdfReportRenderer().render(model, out);
        System.out.println(out + ": " + pages + " pages, " + model.comparisons().size() + " cases, "
                + model.title().candidate() + " against " + model.title().baseline());
        return 0;
    }
}

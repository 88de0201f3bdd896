package io.benchledger.cli.command;

import io.benchledger.archive.BadInputException;
import io.benchledger.archive.analysis.budget.Budget;
import io.benchledger.archive.analysis.budget.BudgetSyntax;
import io.benchledger.archive.analysis.compare.ComparisonOptions;
import io.benchledger.archive.analysis.compare.Side;
import io.benchledger.archive.query.ArchiveDatabase;
import io.benchledger.archive.store.Archive;
import io.benchledger.cli.ArchiveOptions;
import io.benchledger.cli.GlobalOptions;
import io.benchledger.cli.ToolVersion;
import io.benchledger.report.ReportAnalyses;
import io.benchledger.archive.analysis.compare.SideResolver;
import io.benchledger.archive.analysis.findings.Findings;
import io.benchledger.archive.analysis.findings.FindingsBuilder;
import io.benchledger.report.ReportBuilder;
import io.benchledger.report.model.ReportModel;
import io.benchledger.report.model.ReportType;
import io.benchledger.report.pdf.PdfReportRenderer;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Writes a PDF report: title page, summary (verdict counts, worst regressions, budgets),",
                "a chart of the largest changes, the comparison table, budgets, change points with history",
                "charts, trends, and each run's environment.",
                "  nightly: the latest run against its recent history, as nightly's gate judges it (baseline",
                "           'recent:20', candidate 'latest');",
                "  release: --candidate (default: every run of the newest run's version) against",
                "           --baseline (default: last-release).",
                "BASELINE and CANDIDATE are named as in 'compare': a version (all its runs), a run id, latest,",
                "previous, last-release, recent[:N], branch:NAME, variant:NAME. The comparison uses compare's",
                "defaults (the suite configuration's noise threshold, 5%% for the bundled suites; alpha 0.05;",
                "severity 10%%/25%%/50%%). Change points and trends are those",
                "'changes' and 'history' find. The report's date is the candidate's newest run's start time, so",
                "the same archive gives the same file. See docs/reports.md."})
public final class ReportCommand implements Callable<Integer> {
    @Mixin
    ArchiveOptions archiveOptions;
    @Mixin
    GlobalOptions global;

    @Option(names = "--type", required = true, paramLabel = "TYPE", description = "nightly or release.")
    ReportType type;

    @Option(names = "--out", required = true, paramLabel = "FILE.pdf", description = "Where to write the PDF.")
    Path out;

    @Option(names = "--baseline", paramLabel = "SIDE",
            description = "What the candidate is compared against (nightly: recent:20; release: last-release).")
    String baseline;

    @Option(names = "--candidate", paramLabel = "SIDE",
            description = "What is reported on (nightly: latest; release: the version of the newest run).")
    String candidate;

    @Option(names = "--suite", paramLabel = "NAME", description = "Only runs of this suite.")
    String suite = "";

    @Option(names = "--threshold", paramLabel = "FRACTION",
            description = "Noise threshold of the comparison (default: the suite configuration's, as nightly uses it).")
    String threshold;

    @Option(names = "--replicates", paramLabel = "B",
            description = "Bootstrap replicates of the comparison (default: as compare); fewer is faster for"
                    + " thousands of cases, with less stable interval ends.")
    Integer replicates;

    @Option(names = "--budgets", paramLabel = "FILE",
            description = "YAML list of budgets to check on the candidate (as 'check --budgets').")
    Path budgets;

    @Override
    public Integer call() throws Exception {
        if (System.getProperty("java.awt.headless") == null) {
            // charts are drawn with AWT classes; reports are made on servers without a display
            System.setProperty("java.awt.headless", "true");
        }
        if (type == ReportType.NIGHTLY && (baseline != null || candidate != null)) {
            throw new BadInputException("--baseline and --candidate are for --type release; a nightly report compares"
                    + " the latest run with the one before it");
        }
        Optional<List<Budget>> budgetList = budgets == null ? Optional.empty() : Optional.of(BudgetSyntax.read(budgets));
        ComparisonOptions.Builder configured = io.benchledger.cli.workflow.ConfiguredComparison
                .of(archiveOptions.project, null, suite).toBuilder().suite(suite);
        if (threshold != null) {
            configured.threshold(Fractions.parse("--threshold", threshold)).caseThresholds(java.util.Map.of());
        }
        if (replicates != null) {
            if (replicates < 100) {
                throw new BadInputException("--replicates: at least 100, got " + replicates);
            }
            configured.replicates(replicates);
        }
        ComparisonOptions options = configured.build();
        Archive archive = archiveOptions.openExisting();
        ReportModel model;
        try (ArchiveDatabase db = ArchiveDatabase.open(archive)) {
            // the findings as nightly and release build them; a report leaves the archive as it was (no cache written)
            FindingsBuilder builder = new FindingsBuilder(db, options, budgetList, false, ReportCommand::took);
            ReportAnalyses analyses;
            if (type == ReportType.NIGHTLY) {
                String latest = SideResolver.of(db, archiveOptions.project, suite).resolveOne(Side.parse("latest"), "candidate")
                        .runIds().get(0);
                Findings findings = builder.nightly(latest, Side.recent(Side.DEFAULT_RECENT)); // the nightly gate's baseline
                Findings.Compared recent = findings.comparisons().get(0);
                analyses = ReportAnalyses.of(findings, recent.report().orElseThrow(() -> new BadInputException(
                        "baseline '" + Side.recent(Side.DEFAULT_RECENT).spec() + "': " + recent.missing())));
            } else {
                Side cand = candidate != null ? Side.parse(candidate) : latestVersion(db);
                Side base = Side.parse(baseline != null ? baseline : "last-release");
                Findings findings = builder.release(base, cand);
                analyses = ReportAnalyses.of(findings, findings.comparison(Findings.RELEASE).orElseThrow());
            }
            long t0 = System.nanoTime();
            model = new ReportBuilder(db, archiveOptions.project).build(type, analyses, ToolVersion.version());
            took("runs and histories", System.nanoTime() - t0);
        }
        long t0 = System.nanoTime();
        int pages = new PdfReportRenderer().render(model, out);
        took("PDF", System.nanoTime() - t0);
        System.out.println(out + ": " + pages + " pages, " + model.comparisons().size() + " cases, "
                + model.title().candidate() + " against " + model.title().baseline());
        return 0;
    }

    private static void took(String step, long nanos) {
        if (GlobalOptions.verbose()) {
            System.err.printf(java.util.Locale.ROOT, "report: %s took %.1f s%n", step, nanos / 1e9);
        }
    }

    /** A release is about a version: by default every run of the version of the project's newest run. */
    private Side latestVersion(ArchiveDatabase db) throws java.sql.SQLException {
        String v = new ReportBuilder(db, archiveOptions.project).newestVersion();
        if (v.isEmpty()) {
            throw new BadInputException("project '" + archiveOptions.project + "' has no run with a version in "
                    + archiveOptions.archive + "; give --candidate");
        }
        return Side.parse(v);
    }
}

package io.benchledger.cli.workflow;

import io.benchledger.archive.analysis.budget.Budget;
import io.benchledger.archive.analysis.budget.BudgetReport;
import io.benchledger.archive.analysis.changepoint.ChangePoint;
import io.benchledger.archive.analysis.changepoint.Drift;
import io.benchledger.archive.analysis.compare.ComparisonReport;
import io.benchledger.archive.analysis.compare.ResolvedSide;
import io.benchledger.archive.analysis.compare.Side;
import io.benchledger.archive.analysis.findings.Findings;
import io.benchledger.archive.analysis.findings.FindingsBuilder;
import io.benchledger.archive.analysis.recommend.Recommendation;
import io.benchledger.archive.analysis.trend.Trend;
import io.benchledger.archive.query.ArchiveDatabase;
import io.benchledger.site.model.RunSelection;
import io.benchledger.site.model.SiteAnalyses;
import io.benchledger.site.model.SiteComparison;
import java.util.List;
import java.util.Optional;

/**
 * The site's analyses, answered from a publication's {@link Findings}: the dashboard's comparisons
 * are the findings' own (the gate's), and a comparison the findings do not hold (release against
 * release, {@code --compare}) is made once by the same {@link FindingsBuilder}.
 */
public final class EngineAnalyses implements SiteAnalyses {
    private static final String LAST_RELEASE = "last-release";

    private final FindingsBuilder builder;
    private final Findings findings;
    private final List<Budget> budgets;

    public EngineAnalyses(FindingsBuilder builder, Findings findings, List<Budget> budgets) {
        this.builder = builder;
        this.findings = findings;
        this.budgets = List.copyOf(budgets);
    }

    @Override
    public SiteComparison compare(ArchiveDatabase db, String project, RunSelection baseline,
                                  RunSelection candidate) throws Exception {
        // one of the findings' own comparisons (its candidate may hold the night's re-measurement too)
        for (Findings.Compared c : findings.comparisons()) {
            if (c.report().isPresent() && c.report().get().baseline().runIds().equals(baseline.runIds())
                    && c.report().get().candidate().runIds().equals(candidate.runIds())) {
                return SiteComparison.of(c.report().get());
            }
        }
        return SiteComparison.of(builder.compare(db, resolved(baseline), resolved(candidate)));
    }

    @Override
    public String comparisonKey() {
        return comparisonKey(builder.options());
    }

    /** {@link #comparisonKey()} of an engine with these options (known before any findings are built). */
    public static String comparisonKey(io.benchledger.archive.analysis.compare.ComparisonOptions options) {
        return "comparison engine|" + options;
    }

    @Override
    public RunSelection judged(RunSelection latest) {
        if (!latest.runIds().equals(List.of(findings.candidateRun()))) {
            return latest;
        }
        return findings.comparisons().stream().flatMap(c -> c.report().stream())
                .map(r -> r.candidate().runIds())
                .filter(ids -> ids.size() > 1 && ids.contains(findings.candidateRun()))
                .findFirst()
                .map(ids -> new RunSelection(latest.label() + " and its re-measurement", ids))
                .orElse(latest);
    }

    @Override
    public Optional<RunSelection> recentBaseline(ArchiveDatabase db, String project, RunSelection candidate) {
        // the page counts the runs itself
        return baseline(Findings.RECENT, candidate, r -> r.baseline().side().spec());
    }

    @Override
    public Optional<RunSelection> releaseBaseline(ArchiveDatabase db, String project, RunSelection candidate) {
        return baseline(Findings.LAST_RELEASE, candidate, r -> LAST_RELEASE + " " + String.join("+", r.baseline().versions()));
    }

    /** The baseline of one of the findings' comparisons, when the site's candidate is the findings' run. */
    private Optional<RunSelection> baseline(String name, RunSelection candidate,
                                            java.util.function.Function<ComparisonReport, String> label) {
        if (!candidate.runIds().contains(findings.candidateRun())) {
            return Optional.empty();
        }
        return findings.comparison(name).map(r -> new RunSelection(label.apply(r), r.baseline().runIds()));
    }

    /** A selection as a side; a {@code recent:N} or last-release one keeps its kind, so it is judged as the gate judges it. */
    private static ResolvedSide resolved(RunSelection s) {
        if (s.label().startsWith("recent:")) {
            return new ResolvedSide(Side.parse(s.label().split(" ")[0]), s.runIds(), List.of());
        }
        if (s.label().startsWith(LAST_RELEASE + " ")) {
            return new ResolvedSide(new Side(Side.Kind.LAST_RELEASE, ""), s.runIds(), List.of());
        }
        return new ResolvedSide(new Side(Side.Kind.VERSION_OR_RUN, s.label()), s.runIds(), List.of());
    }

    @Override
    public Optional<List<ChangePoint>> changePoints(ArchiveDatabase db, String project) {
        return Optional.of(findings.changePoints());
    }

    @Override
    public Optional<List<Drift>> drifts(ArchiveDatabase db, String project) {
        return Optional.of(findings.drifts());
    }

    @Override
    public List<Budget> budgets() {
        return budgets;
    }

    @Override
    public Optional<BudgetReport> budgetReport(ArchiveDatabase db, String project, String runId) {
        return findings.budgets();
    }

    @Override
    public List<Recommendation> recommendations(ArchiveDatabase db, String project, String runId) {
        return findings.recommendations();
    }

    @Override
    public Optional<Trend> trend(String caseKey, String metric) {
        return findings.trend(caseKey, metric);
    }
}

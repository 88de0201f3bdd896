package io.benchledger.cli.workflow;

import io.benchledger.archive.analysis.budget.Budget;
import io.benchledger.archive.analysis.changepoint.ChangePoint;
import io.benchledger.archive.analysis.changepoint.ChangePointAnalysis;
import io.benchledger.archive.analysis.changepoint.DetectorSettings;
import io.benchledger.archive.analysis.changepoint.Drift;
import io.benchledger.archive.analysis.compare.Comparison;
import io.benchledger.archive.analysis.compare.ComparisonOptions;
import io.benchledger.archive.analysis.compare.ResolvedSide;
import io.benchledger.archive.analysis.compare.Side;
import io.benchledger.archive.analysis.compare.SideResolver;
import io.benchledger.archive.query.ArchiveDatabase;
import io.benchledger.site.model.RunSelection;
import io.benchledger.site.model.SiteAnalyses;
import io.benchledger.site.model.SiteComparison;
import java.util.List;
import java.util.Optional;

/** The analysis engines behind the site: the comparison engine, the change-point detector, the budgets. */
public final class EngineAnalyses implements SiteAnalyses {
    private final ComparisonOptions options;
    private final List<Budget> budgets;
    private ChangePointAnalysis.Outcome changes;

    public EngineAnalyses(ComparisonOptions options, List<Budget> budgets) {
        this.options = options;
        this.budgets = List.copyOf(budgets);
    }

    @Override
    public Optional<SiteComparison> compare(ArchiveDatabase db, String project, RunSelection baseline,
                                            RunSelection candidate) throws Exception {
        return Optional.of(SiteComparison.of(Comparison.run(db, resolved(baseline), resolved(candidate), options)));
    }

    @Override
    public String comparisonKey() {
        return "comparison engine|" + options;
    }

    @Override
    public Optional<RunSelection> recentBaseline(ArchiveDatabase db, String project, RunSelection candidate)
            throws Exception {
        try {
            SideResolver resolver = SideResolver.of(db, project, options.suite());
            ResolvedSide cand = new ResolvedSide(new Side(Side.Kind.RUN, candidate.runIds().get(0)), candidate.runIds(), List.of());
            ResolvedSide r = resolver.resolveRelativeTo(Side.recent(Side.DEFAULT_RECENT), cand, "baseline");
            return Optional.of(new RunSelection(r.side().spec() + " (" + r.runIds().size() + " runs)", r.runIds()));
        } catch (io.benchledger.archive.BadInputException noComparableRuns) {
            return Optional.empty();
        }
    }

    /** A selection as a side; a {@code recent:N} one keeps its kind, so the history model judges it as the gate does. */
    private static ResolvedSide resolved(RunSelection s) {
        if (s.label().startsWith("recent:")) {
            return new ResolvedSide(Side.parse(s.label().split(" ")[0]), s.runIds(), List.of());
        }
        return new ResolvedSide(new Side(Side.Kind.VERSION_OR_RUN, s.label()), s.runIds(), List.of());
    }

    /** Computed once per site: every page asks for the same list. */
    @Override
    public Optional<List<ChangePoint>> changePoints(ArchiveDatabase db, String project) throws Exception {
        return Optional.of(changes(db, project).changePoints());
    }

    @Override
    public Optional<List<Drift>> drifts(ArchiveDatabase db, String project) throws Exception {
        return Optional.of(changes(db, project).drifts());
    }

    private ChangePointAnalysis.Outcome changes(ArchiveDatabase db, String project) throws Exception {
        if (changes == null) {
            changes = ChangePointAnalysis.run(db.archive(), project, DetectorSettings.DEFAULTS, true);
        }
        return changes;
    }

    @Override
    public List<Budget> budgets() {
        return budgets;
    }
}

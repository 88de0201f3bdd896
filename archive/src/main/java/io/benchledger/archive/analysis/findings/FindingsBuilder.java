package io.benchledger.archive.analysis.findings;

import io.benchledger.archive.BadInputException;
import io.benchledger.archive.analysis.budget.Budget;
import io.benchledger.archive.analysis.budget.BudgetEvaluator;
import io.benchledger.archive.analysis.budget.BudgetReport;
import io.benchledger.archive.analysis.changepoint.ChangePointAnalysis;
import io.benchledger.archive.analysis.changepoint.DetectorSettings;
import io.benchledger.archive.analysis.changepoint.EDivisive;
import io.benchledger.archive.analysis.changepoint.SeriesDetector;
import io.benchledger.archive.analysis.compare.Comparison;
import io.benchledger.archive.analysis.compare.ComparisonOptions;
import io.benchledger.archive.analysis.compare.ComparisonReport;
import io.benchledger.archive.analysis.compare.Confirmation;
import io.benchledger.archive.analysis.compare.ResolvedSide;
import io.benchledger.archive.analysis.compare.Side;
import io.benchledger.archive.analysis.compare.SideResolver;
import io.benchledger.archive.analysis.history.CaseSeries;
import io.benchledger.archive.analysis.history.History;
import io.benchledger.archive.analysis.recommend.Recommendation;
import io.benchledger.archive.analysis.recommend.RunMeasurements;
import io.benchledger.archive.analysis.recommend.Thresholds;
import io.benchledger.archive.analysis.trend.Trend;
import io.benchledger.archive.analysis.trend.TrendAnalysis;
import io.benchledger.archive.model.Run;
import io.benchledger.archive.query.ArchiveDatabase;
import io.benchledger.archive.query.RunRows;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Builds the {@link Findings} of a publication in one database session: each comparison, the
 * change-point and drift detection, the trends, the budgets and the recommendations run once
 * here, and nowhere else. {@code nightly} hands the findings to every output; {@code site},
 * {@code report} and {@code release} build theirs with this class too.
 *
 * <p>Comparisons beyond the findings' own (the site's release-against-release and {@code --compare}
 * pages) go through {@link #compare}, which makes each comparison of the session once.
 */
public final class FindingsBuilder {
    /** Change points in this many newest runs of the project count as recent. */
    public static final int RECENT_RUNS = 10;

    /** Where the time of one analysis went, for {@code --verbose}. */
    public interface Timing {
        void took(String step, long nanos);
    }

    private final ArchiveDatabase db;
    private final ComparisonOptions options;
    private final Optional<List<Budget>> budgets;
    private final boolean writeCache;
    private final Timing timing;
    /** Comparisons made so far (the site makes some on a second thread). */
    private final Map<String, ComparisonReport> made = new ConcurrentHashMap<>();
    /** The project's runs as sides can be made of, read once per session (one snapshot: they cannot change). */
    private SideResolver resolver;

    /**
     * @param budgets the budgets to check on the candidate; empty when none were given
     * @param writeCache whether change-point detection refreshes its cache in the archive (a report
     *     leaves the archive as it was)
     */
    public FindingsBuilder(ArchiveDatabase db, ComparisonOptions options, Optional<List<Budget>> budgets,
                           boolean writeCache, Timing timing) {
        this.db = db;
        this.options = options;
        this.budgets = budgets.map(List::copyOf);
        this.writeCache = writeCache;
        this.timing = timing;
    }

    public FindingsBuilder(ArchiveDatabase db, ComparisonOptions options, List<Budget> budgets, boolean writeCache) {
        this(db, options, Optional.of(budgets), writeCache, (step, nanos) -> { });
    }

    public ArchiveDatabase db() {
        return db;
    }

    public ComparisonOptions options() {
        return options;
    }

    /**
     * A nightly's findings: the run against its recent history ({@code recent}, such as recent:20)
     * and against the last release when the project has a release run.
     */
    public Findings nightly(String runId, Side recent) throws SQLException, IOException {
        return nightly(runId, judged(runId), recent);
    }

    /**
     * The run as its nightly's gate judged it: with the night's re-measurement when there was one
     * ({@code run:RUN+AGAIN}), so a site or report made later gives the gate's verdicts.
     */
    public Side judged(String runId) throws SQLException {
        List<String> again = db.query("run_remeasurements", runId).rows().stream().map(r -> (String) r.get(0)).toList();
        return Confirmation.candidate(runId, again);
    }

    /** As above, judging {@code run}: the night's run, or the run and its re-measurement ({@code run:RUN+AGAIN}). */
    public Findings nightly(String runId, Side run, Side recent) throws SQLException, IOException {
        return detectingBeside(changes -> {
            List<Findings.Compared> compared = new ArrayList<>();
            compared.add(compared(Findings.RECENT, "vs recent runs", recent, run));
            if (db.query("release_versions", options.project()).rows().isEmpty()) {
                compared.add(new Findings.Compared(Findings.LAST_RELEASE, "vs last release", Optional.empty(),
                        "no release run yet"));
            } else {
                compared.add(compared(Findings.LAST_RELEASE, "vs last release", new Side(Side.Kind.LAST_RELEASE, ""),
                        run));
            }
            // the growth rules look back at the last release, else at the newest earlier run
            Optional<ComparisonReport> back = compared.get(1).report().or(() -> compared.get(0).report());
            return build(runId, run, compared, back.map(r -> r.baseline().runIds().get(0)), changes.get());
        });
    }

    /** A release's findings: {@code candidate} (a version) against {@code baseline} (the last release by default). */
    public Findings release(Side baseline, Side candidate) throws SQLException, IOException {
        return detectingBeside(changes -> {
            ResolvedSide[] sides = resolver().resolve(baseline, candidate);
            ComparisonReport r = compare(sides[0], sides[1]);
            List<Findings.Compared> compared = List.of(
                    new Findings.Compared(Findings.RELEASE, "vs " + sides[0].label(), Optional.of(r), ""));
            return build(sides[1].runIds().get(0), candidate, compared, Optional.of(sides[0].runIds().get(0)),
                    changes.get());
        });
    }

    /** The change points being detected beside the comparisons; {@link #get} waits for them. */
    private interface Detecting {
        ChangePointAnalysis.Outcome get() throws SQLException, IOException;
    }

    private interface Work<T> {
        T run(Detecting changes) throws SQLException, IOException;
    }

    /**
     * Runs {@code work} while the change points are detected on a thread and a database connection of
     * their own ({@link ArchiveDatabase#second}): detection reads the history and works on every core,
     * while a comparison waits for its samples' query much of its time, so the two overlap.
     */
    private <T> T detectingBeside(Work<T> work) throws SQLException, IOException {
        ExecutorService beside = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "change-points");
            t.setDaemon(true);
            return t;
        });
        try (ArchiveDatabase second = db.second()) {
            try {
                Future<ChangePointAnalysis.Outcome> detection = beside.submit(() -> {
                    long t0 = System.nanoTime();
                    // drifts judged against each case's threshold: an alert, or information (DriftAlerts)
                    ChangePointAnalysis.Outcome o = ChangePointAnalysis.run(second, options.project(),
                            DetectorSettings.DEFAULTS, writeCache).judged(options);
                    timing.took("change points", System.nanoTime() - t0);
                    return o;
                });
                return work.run(() -> result(detection));
            } finally {
                // the detection's queries end before its connection closes, also when the work failed
                beside.shutdown();
                try {
                    if (!beside.awaitTermination(10, TimeUnit.MINUTES)) {
                        throw new IllegalStateException("change-point detection did not end within 10 minutes");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private static ChangePointAnalysis.Outcome result(Future<ChangePointAnalysis.Outcome> detection)
            throws SQLException, IOException {
        try {
            return detection.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while detecting change points", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException sql) {
                throw sql;
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** A comparison of two resolved sides, made once per session whoever asks for it. */
    public ComparisonReport compare(ResolvedSide baseline, ResolvedSide candidate) throws SQLException {
        return compare(db, baseline, candidate);
    }

    /**
     * As {@link #compare(ResolvedSide, ResolvedSide)}, querying {@code on}: another connection to the
     * same archive ({@link ArchiveDatabase#second}), for a comparison made on another thread.
     */
    public ComparisonReport compare(ArchiveDatabase on, ResolvedSide baseline, ResolvedSide candidate)
            throws SQLException {
        String key = baseline.side().kind() + "|" + baseline.runIds() + "|" + candidate.runIds();
        ComparisonReport r = made.get(key);
        if (r == null) {
            long t0 = System.nanoTime();
            r = Comparison.run(on, baseline, candidate, options);
            timing.took("comparison", System.nanoTime() - t0);
            // two threads asking at once both compute it, to the same report: keep the first
            ComparisonReport first = made.putIfAbsent(key, r);
            r = first == null ? r : first;
        }
        return r;
    }

    private synchronized SideResolver resolver() throws SQLException {
        if (resolver == null) {
            resolver = SideResolver.of(db, options.project(), options.suite());
        }
        return resolver;
    }

    private Findings.Compared compared(String name, String label, Side baseline, Side candidate) throws SQLException {
        try {
            ResolvedSide[] sides = resolver().resolve(baseline, candidate);
            return new Findings.Compared(name, label, Optional.of(compare(sides[0], sides[1])), "");
        } catch (BadInputException noRunsYet) {
            // the first night, no release so far: nothing to compare with, which is no error
            return new Findings.Compared(name, label, Optional.empty(), "nothing to compare with yet");
        }
    }

    private Findings build(String candidateRun, Side candidate, List<Findings.Compared> compared,
                           Optional<String> lookBackRun, ChangePointAnalysis.Outcome changes)
            throws SQLException, IOException {
        String project = options.project();
        long t0 = System.nanoTime();
        Map<String, Trend> trends = trends(changes);
        timing.took("trends", System.nanoTime() - t0);
        Optional<BudgetReport> budgetReport = Optional.empty();
        if (budgets.isPresent() && !budgets.get().isEmpty()) {
            t0 = System.nanoTime();
            budgetReport = Optional.of(BudgetEvaluator.evaluate(db, candidate, budgets.get(), options));
            timing.took("budgets", System.nanoTime() - t0);
        }
        List<Recommendation> recommendations = RunMeasurements.recommendations(db, candidateRun,
                lookBackRun.orElse(null), budgetReport, Thresholds.defaults());
        Set<String> recent = new HashSet<>();
        db.query("recent_runs", project, RECENT_RUNS).rows().forEach(r -> recent.add((String) r.get(0)));
        return new Findings(project, candidateRun, compared, changes, trends, budgetReport,
                recommendations, recent, runs(candidateRun, compared));
    }

    /** The candidate run and the runs of both sides of each comparison, by run id, in one query. */
    private Map<String, Run> runs(String candidateRun, List<Findings.Compared> compared) throws SQLException {
        Set<String> ids = new java.util.TreeSet<>(List.of(candidateRun));
        for (Findings.Compared c : compared) {
            c.report().ifPresent(r -> {
                ids.addAll(r.baseline().runIds());
                ids.addAll(r.candidate().runIds());
            });
        }
        Map<String, Run> out = new HashMap<>();
        for (Run r : RunRows.runs(db.query("findings_runs", options.project(), String.join("\n", ids)))) {
            out.put(r.runId(), r);
        }
        return out;
    }

    /** Each series' trend since its last step (the history command's), by series key. */
    private static Map<String, Trend> trends(ChangePointAnalysis.Outcome changes) {
        History history = changes.history();
        Map<String, Trend> out = new HashMap<>();
        for (CaseSeries s : history.series()) {
            Instant[] times = new Instant[s.size()];
            for (int i = 0; i < s.size(); i++) {
                times[i] = history.runs().get(s.runIndexes()[i]).time();
            }
            SeriesDetector.Detection d = changes.detections().get(s.key());
            int segment = d == null ? 0 : TrendAnalysis.lastSegmentStart(EDivisive.indexes(d.changePoints()));
            TrendAnalysis.sinceLastStep(times, s.values(), s.higherIsBetter(), segment).ifPresent(t -> out.put(s.key(), t));
        }
        return out;
    }
}

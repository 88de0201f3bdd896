package io.benchledger.archive.analysis.changepoint;

import io.benchledger.archive.analysis.AnalysisRuns;
import io.benchledger.archive.analysis.history.CaseSeries;
import io.benchledger.archive.analysis.history.History;
import io.benchledger.archive.analysis.history.RunPoint;
import io.benchledger.archive.query.ArchiveDatabase;
import io.benchledger.archive.store.Archive;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Change points of every case of a project: loads the history, detects per series (in parallel:
 * series are independent), reuses and refreshes the {@link AnalysisCache}, and sets acknowledged
 * change points apart.
 */
public final class ChangePointAnalysis {
    private ChangePointAnalysis() {
    }

    /**
     * @param changePoints not acknowledged, largest |change| first
     * @param acknowledged acknowledged ones, same order
     * @param drifts drifts of every series, largest |change| first, acknowledged ones marked; not yet
     *        judged against thresholds (see {@link #drifts(io.benchledger.archive.analysis.compare.ComparisonOptions)})
     * @param detections per series key ({@link CaseSeries#key()})
     * @param incrementalSeries series whose split restarted from the cache, or whose findings were
     *        taken from it
     * @param windowsExamined split windows computed in total (the work done)
     * @param cacheWritten whether the cache in the archive holds this analysis (written now, or already
     *        holding it when nothing changed)
     * @param reusedSeries series the new runs did not measure, whose findings were taken from the cache
     */
    public record Outcome(History history, List<ChangePoint> changePoints, List<ChangePoint> acknowledged,
                          List<Drift> drifts, Map<String, SeriesDetector.Detection> detections, int incrementalSeries,
                          int windowsExamined, boolean cacheWritten, int reusedSeries) {

        /** The drifts judged against each case's comparison threshold ({@link DriftAlerts}). */
        public List<Drift> drifts(io.benchledger.archive.analysis.compare.ComparisonOptions options) {
            return DriftAlerts.judge(drifts, options);
        }

        /** This outcome with its drifts judged against each case's comparison threshold. */
        public Outcome judged(io.benchledger.archive.analysis.compare.ComparisonOptions options) {
            return new Outcome(history, changePoints, acknowledged, drifts(options), detections, incrementalSeries,
                    windowsExamined, cacheWritten, reusedSeries);
        }
    }

    public static Outcome run(Archive archive, String project, DetectorSettings settings, boolean useCache)
            throws IOException, SQLException {
        try (ArchiveDatabase db = ArchiveDatabase.open(archive)) {
            return run(db, project, settings, useCache);
        }
    }

    /** As above, in an open session (the findings of a publication read one snapshot). */
    public static Outcome run(ArchiveDatabase db, String project, DetectorSettings settings, boolean useCache)
            throws IOException, SQLException {
        Archive archive = db.archive();
        Optional<AnalysisCache.Content> cache = useCache ? AnalysisCache.read(archive, project, settings) : Optional.empty();
        History history;
        List<RunPoint> runs = History.loadRuns(db, project);
        if (cache.isPresent() && startsWith(runs, cache.get().runIds())) {
            // only the runs the last analysis has not seen are read from the archive
            List<CaseSeries> fresh = History.loadSince(db, project, cache.get().runIds().size());
            history = new History(project, runs, combine(cache.get(), fresh));
        } else {
            cache = Optional.empty();
            history = History.load(db, project);
        }
        return analyse(archive, history, settings, cache, useCache);
    }

    private static boolean startsWith(List<RunPoint> runs, List<String> ids) {
        if (ids.size() > runs.size()) {
            return false;
        }
        for (int i = 0; i < ids.size(); i++) {
            if (!runs.get(i).runId().equals(ids.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** The cached series with the new runs' values appended; series of new cases start there. */
    private static List<CaseSeries> combine(AnalysisCache.Content cache, List<CaseSeries> fresh) {
        Map<String, CaseSeries> byKey = new TreeMap<>();
        for (AnalysisCache.Entry e : cache.series().values()) {
            byKey.put(e.series().key(), e.series());
        }
        for (CaseSeries f : fresh) {
            CaseSeries old = byKey.get(f.key());
            if (old == null) {
                byKey.put(f.key(), f);
                continue;
            }
            int n = old.size();
            int[] idx = Arrays.copyOf(old.runIndexes(), n + f.size());
            double[] val = Arrays.copyOf(old.values(), n + f.size());
            System.arraycopy(f.runIndexes(), 0, idx, n, f.size());
            System.arraycopy(f.values(), 0, val, n, f.size());
            byKey.put(f.key(), new CaseSeries(f.caseKey(), f.metric(), f.benchmark(), f.unit(), f.higherIsBetter(), idx, val));
        }
        return new ArrayList<>(byKey.values());
    }

    private static Outcome analyse(Archive archive, History history, DetectorSettings settings,
                                   Optional<AnalysisCache.Content> cache, boolean writeCache) throws IOException {
        AnalysisRuns.count(AnalysisRuns.Engine.CHANGE_POINTS_AND_DRIFTS);
        Map<String, AnalysisCache.Entry> cached = cache.map(AnalysisCache.Content::series).orElse(Map.of());
        List<SeriesDetector.Detection> results = history.series().parallelStream()
                .map(s -> {
                    AnalysisCache.Entry prev = cached.get(s.key());
                    if (prev == null) {
                        return SeriesDetector.detect(s.values(), settings);
                    }
                    // a series no new run measured: the same values, so the same findings
                    return unchanged(prev, s) ? prev.detection()
                            : SeriesDetector.detect(s.values(), settings, prev.state(), prev.filtered());
                })
                .toList();
        Acknowledgements acks = Acknowledgements.read(archive);
        Map<String, RunPoint> runsById = history.runsById();
        List<ChangePoint> open = new ArrayList<>();
        List<ChangePoint> acked = new ArrayList<>();
        List<Drift> drifts = new ArrayList<>();
        Map<String, SeriesDetector.Detection> detections = new HashMap<>();
        List<AnalysisCache.Entry> entries = new ArrayList<>();
        int incremental = 0;
        int windows = 0;
        int reused = 0;
        for (int i = 0; i < results.size(); i++) {
            CaseSeries s = history.series().get(i);
            SeriesDetector.Detection d = results.get(i);
            detections.put(s.key(), d);
            entries.add(new AnalysisCache.Entry(s, d));
            AnalysisCache.Entry prev = cached.get(s.key());
            reused += prev != null && prev.detection() == d ? 1 : 0;
            incremental += d.incremental() ? 1 : 0;
            windows += d.windowsExamined();
            for (EDivisive.Split split : d.changePoints()) {
                ChangePoint cp = changePoint(history, s, split);
                (acks.covers(s, split.index(), history, runsById) ? acked : open).add(cp);
            }
            for (DriftDetector.Drift dr : d.drifts()) {
                Drift drift = drift(history, s, dr, d.noise());
                OptionalDouble ack = acks.acknowledgedDrift(s, dr.start(), dr.end(), runsById);
                drifts.add(ack.isPresent() ? drift.withAcknowledgedChange(ack.getAsDouble()) : drift);
            }
        }
        open.sort(LARGEST_FIRST);
        acked.sort(LARGEST_FIRST);
        drifts.sort(LARGEST_DRIFT_FIRST);
        // the same runs and every series found again from the cache: the file already holds this analysis
        boolean current = cache.isPresent() && cache.get().runIds().size() == history.runs().size()
                && cached.size() == results.size() && reused == results.size();
        boolean written = writeCache && (current || AnalysisCache.write(archive, history.project(), settings,
                history.runs().stream().map(RunPoint::runId).toList(), entries));
        return new Outcome(history, open, acked, drifts, detections, incremental, windows, written, reused);
    }

    /** Whether a series has exactly the values its cached analysis saw (no new run measured it). */
    private static boolean unchanged(AnalysisCache.Entry prev, CaseSeries s) {
        SeriesDetector.SplitState state = prev.state();
        return state.length() == s.size() && prev.series().size() == s.size()
                && state.fingerprint() == SeriesDetector.fingerprint(s.values(), s.size());
    }

    /** Largest relative change first; ties by case, metric and position, so the order is stable. */
    public static final Comparator<ChangePoint> LARGEST_FIRST = Comparator
            .comparingDouble((ChangePoint c) -> -Math.abs(c.change()))
            .thenComparing(ChangePoint::caseKey).thenComparing(ChangePoint::metric).thenComparingInt(ChangePoint::index);

    /** Largest relative change first; ties by case, metric and start, so the order is stable. */
    public static final Comparator<Drift> LARGEST_DRIFT_FIRST = Comparator
            .comparingDouble((Drift d) -> -Math.abs(d.change()))
            .thenComparing(Drift::caseKey).thenComparing(Drift::metric).thenComparingInt(Drift::startIndex);

    /** The contract record of one drift. */
    public static Drift drift(History history, CaseSeries s, DriftDetector.Drift d) {
        return drift(history, s, d, Double.NaN);
    }

    /** The contract record of one drift, with the noise σ̂ of its series (NaN when unknown). */
    public static Drift drift(History history, CaseSeries s, DriftDetector.Drift d, double noise) {
        RunPoint first = history.runs().get(s.runIndexes()[d.start()]);
        RunPoint last = history.runs().get(s.runIndexes()[d.end()]);
        double before = d.levelBefore();
        double change = d.relativeChange();
        int span = Math.max(1, d.end() - d.start());
        boolean better = (d.change() > 0) == s.higherIsBetter();
        return new Drift(s.caseKey(), s.benchmark(), s.metric(), d.start(), d.end(), first.runId(), last.runId(),
                first.version(), last.version(), first.commit(), last.commit(), first.time(), last.time(), before,
                d.levelAfter(), change, change / span, Drift.perDay(change, first.time(), last.time()), d.pValue(),
                better ? ChangePoint.IMPROVEMENT : ChangePoint.REGRESSION,
                before == 0 ? Double.NaN : noise / Math.abs(before), Double.NaN, "", Double.NaN);
    }

    /** The contract record of one detected change. */
    public static ChangePoint changePoint(History history, CaseSeries s, EDivisive.Split split) {
        RunPoint run = history.runs().get(s.runIndexes()[split.index()]);
        double before = split.meanBefore();
        double after = split.meanAfter();
        double change = before == 0 ? 0 : (after - before) / Math.abs(before);
        boolean better = (after > before) == s.higherIsBetter();
        return new ChangePoint(s.caseKey(), s.benchmark(), s.metric(), run.runId(), run.version(), run.commit(),
                run.time(), split.index(), before, after, change, split.pValue(),
                better ? ChangePoint.IMPROVEMENT : ChangePoint.REGRESSION);
    }
}

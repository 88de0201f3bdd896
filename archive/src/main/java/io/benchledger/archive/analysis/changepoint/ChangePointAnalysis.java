package io.benchledger.archive.analysis.changepoint;

import io.benchledger.archive.analysis.history.CaseSeries;
import io.benchledger.archive.analysis.history.History;
import io.benchledger.archive.analysis.history.RunPoint;
import io.benchledger.archive.query.ArchiveDatabase;
import io.benchledger.archive.store.Archive;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
     * @param detections per series key ({@link CaseSeries#key()})
     * @param incrementalSeries series whose split restarted from the cache
     * @param windowsExamined split windows computed in total (the work done)
     */
    public record Outcome(History history, List<ChangePoint> changePoints, List<ChangePoint> acknowledged,
                          Map<String, SeriesDetector.Detection> detections, int incrementalSeries,
                          int windowsExamined, boolean cacheWritten) {
    }

    public static Outcome run(Archive archive, String project, DetectorSettings settings, boolean useCache)
            throws IOException, SQLException {
        History history;
        try (ArchiveDatabase db = ArchiveDatabase.open(archive)) {
            history = History.load(db, project);
        }
        return analyse(archive, history, settings, useCache);
    }

    public static Outcome analyse(Archive archive, History history, DetectorSettings settings, boolean useCache)
            throws IOException {
        Map<String, SeriesDetector.SplitState> cached = useCache
                ? AnalysisCache.read(archive, history.project(), settings) : Map.of();
        List<SeriesDetector.Detection> results = history.series().parallelStream()
                .map(s -> SeriesDetector.detect(s.values(), settings, cached.get(s.key())))
                .toList();
        Acknowledgements acks = Acknowledgements.read(archive);
        Map<String, RunPoint> runsById = history.runsById();
        List<ChangePoint> open = new ArrayList<>();
        List<ChangePoint> acked = new ArrayList<>();
        Map<String, SeriesDetector.Detection> detections = new HashMap<>();
        List<AnalysisCache.Entry> entries = new ArrayList<>();
        int incremental = 0;
        int windows = 0;
        for (int i = 0; i < results.size(); i++) {
            CaseSeries s = history.series().get(i);
            SeriesDetector.Detection d = results.get(i);
            detections.put(s.key(), d);
            entries.add(AnalysisCache.entry(s.caseKey(), s.metric(), d.state()));
            incremental += d.incremental() ? 1 : 0;
            windows += d.windowsExamined();
            for (EDivisive.Split split : d.changePoints()) {
                ChangePoint cp = changePoint(history, s, split);
                (acks.covers(s, split.index(), history, runsById) ? acked : open).add(cp);
            }
        }
        open.sort(LARGEST_FIRST);
        acked.sort(LARGEST_FIRST);
        boolean written = false;
        if (useCache) {
            List<RunPoint> runs = history.runs();
            written = AnalysisCache.write(archive, history.project(), settings, runs.size(),
                    runs.isEmpty() ? "" : runs.get(runs.size() - 1).runId(), entries);
        }
        return new Outcome(history, open, acked, detections, incremental, windows, written);
    }

    /** Largest relative change first; ties by case, metric and position, so the order is stable. */
    public static final Comparator<ChangePoint> LARGEST_FIRST = Comparator
            .comparingDouble((ChangePoint c) -> -Math.abs(c.change()))
            .thenComparing(ChangePoint::caseKey).thenComparing(ChangePoint::metric).thenComparingInt(ChangePoint::index);

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

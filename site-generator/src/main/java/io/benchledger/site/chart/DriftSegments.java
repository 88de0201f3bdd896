package io.benchledger.site.chart;

import io.benchledger.archive.analysis.changepoint.Drift;
import io.benchledger.site.model.RunInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A case's drifts as the benchmark chart draws them: a sloped segment from the drift's first run at
 * its starting level to its last run at its final level, coloured by direction, with a label.
 */
public final class DriftSegments {
    private DriftSegments() {
    }

    /**
     * The drifts of the primary metric (the one the chart shows), placed by their runs.
     *
     * @param runById the project's runs by id (the chart's x is a run's start time or index)
     */
    public static List<Object> chartData(List<Drift> drifts, Function<String, RunInfo> runById) {
        List<Object> out = new ArrayList<>();
        for (Drift d : drifts) {
            RunInfo first = runById.apply(d.startRunId());
            RunInfo last = runById.apply(d.endRunId());
            if (!"primary".equals(d.metric()) || first == null || last == null) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("t0", first.run().startedAt().toEpochMilli());
            m.put("ri0", first.index());
            m.put("t1", last.run().startedAt().toEpochMilli());
            m.put("ri1", last.index());
            m.put("y0", d.before());
            m.put("y1", d.after());
            m.put("direction", d.direction());
            // a drift below its case's threshold is information, and says so
            m.put("label", String.format(java.util.Locale.ROOT, "drift %+.1f%% over %d runs%s", 100 * d.change(), d.runs(),
                    d.alert() ? "" : d.acknowledged() ? " (acknowledged)" : " (below the case's threshold)"));
            out.add(m);
        }
        return out;
    }

    /** The first series position of the current level: the last change point's position, 0 without one. */
    public static int segmentStart(List<Integer> changePositions) {
        int start = 0;
        for (int p : changePositions) {
            start = Math.max(start, p);
        }
        return start;
    }
}

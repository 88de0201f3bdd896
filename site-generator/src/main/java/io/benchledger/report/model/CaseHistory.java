package io.benchledger.report.model;

import io.benchledger.archive.analysis.changepoint.ChangePoint;
import io.benchledger.archive.analysis.changepoint.Drift;
import java.util.List;

/**
 * A case's series over runs, with the change points and drifts found in it: the data of one history
 * chart (a drift is drawn as a sloped segment, as on the site).
 */
public record CaseHistory(
        String caseKey,
        String benchmark,
        String metric,
        String unit,
        List<HistoryPoint> points,
        List<ChangePoint> changePoints,
        List<Drift> drifts) {

    public CaseHistory {
        points = List.copyOf(points);
        changePoints = List.copyOf(changePoints);
        drifts = List.copyOf(drifts);
    }

    /** A history without drifts. */
    public CaseHistory(String caseKey, String benchmark, String metric, String unit, List<HistoryPoint> points,
                       List<ChangePoint> changePoints) {
        this(caseKey, benchmark, metric, unit, points, changePoints, List.of());
    }
}

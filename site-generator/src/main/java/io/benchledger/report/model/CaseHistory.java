package io.benchledger.report.model;

import io.benchledger.archive.analysis.changepoint.ChangePoint;
import java.util.List;

/**
 * A case's series over runs, with the change points found in it: the data of one history chart.
 */
public record CaseHistory(
        String caseKey,
        String benchmark,
        String metric,
        String unit,
        List<HistoryPoint> points,
        List<ChangePoint> changePoints) {

    public CaseHistory {
        points = List.copyOf(points);
        changePoints = List.copyOf(changePoints);
    }
}

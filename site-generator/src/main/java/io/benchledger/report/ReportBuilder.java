package io.benchledger.report;

import io.benchledger.archive.analysis.changepoint.ChangePoint;
import io.benchledger.archive.analysis.changepoint.Drift;
import io.benchledger.archive.analysis.compare.CaseComparison;
import io.benchledger.archive.analysis.compare.ComparisonReport;
import io.benchledger.archive.format.Table;
import io.benchledger.archive.model.Run;
import io.benchledger.archive.query.ArchiveDatabase;
import io.benchledger.report.model.CaseHistory;
import io.benchledger.report.model.HistoryPoint;
import io.benchledger.report.model.ReportModel;
import io.benchledger.report.model.ReportType;
import io.benchledger.report.model.RunEnvironment;
import io.benchledger.report.model.Summary;
import io.benchledger.report.model.TitlePage;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link ReportModel} from what the findings hold ({@link ReportAnalyses}: comparison,
 * analyses, the runs of both sides) and the archive (case histories and resources, by SQL).
 */
public final class ReportBuilder {
    /** History charts drawn at most: one per worst case that has change points. */
    public static final int HISTORIES = 6;

    private final ArchiveDatabase db;
    private final String project;

    public ReportBuilder(ArchiveDatabase db, String project) {
        this.db = db;
        this.project = project;
    }

    /** The version of the project's newest run that has one; empty when none has. */
    public String newestVersion() throws SQLException {
        Table t = db.query("report_newest_version", project);
        return t.size() == 0 ? "" : text(t.rows().get(0).get(0));
    }

    /** The runs of a side (as the findings read them) with their role, oldest first. */
    static List<RunEnvironment> environments(List<Run> runs, String role) {
        List<RunEnvironment> out = new ArrayList<>();
        for (Run r : runs) {
            out.add(new RunEnvironment(role, r));
        }
        out.sort(Comparator.comparing((RunEnvironment e) -> e.run().startedAt()).thenComparing(e -> e.run().runId()));
        return out;
    }

    /**
     * One case's series over the project's history (the runs and results the change points were
     * found in, so a change point's index is a position in it), with its change points and drifts.
     */
    CaseHistory history(String caseKey, String benchmark, String metric, String unit,
                        List<ChangePoint> changePoints, List<Drift> drifts) throws SQLException {
        Table t = db.query("report_case_history", project, caseKey, metric);
        List<HistoryPoint> points = new ArrayList<>(t.size());
        String shownUnit = unit;
        for (int i = 0; i < t.size(); i++) {
            Map<String, Object> r = row(t, i);
            if (shownUnit.isEmpty()) {
                shownUnit = text(r.get("unit"));
            }
            points.add(new HistoryPoint(i, text(r.get("run_id")), text(r.get("version")),
                    Instant.parse(text(r.get("started_at"))), number(r.get("score")), number(r.get("ci_low")),
                    number(r.get("ci_high"))));
        }
        return new CaseHistory(caseKey, benchmark, metric, shownUnit, points, changePoints, drifts);
    }

    /**
     * The whole model: sides and title from the comparison's resolved runs (the date is the
     * candidate's latest run), histories of the worst changed cases from the archive.
     */
    public ReportModel build(ReportType type, ReportAnalyses analyses, String toolVersion) throws SQLException {
        ComparisonReport comparison = analyses.comparison();
        List<RunEnvironment> baseline = environments(analyses.baselineRuns(), RunEnvironment.BASELINE);
        List<RunEnvironment> candidate = environments(analyses.candidateRuns(), RunEnvironment.CANDIDATE);
        RunEnvironment latest = candidate.stream().max(Comparator.comparing((RunEnvironment e) -> e.run().startedAt())
                .thenComparing(e -> e.run().runId())).orElseThrow();
        TitlePage title = new TitlePage(project, type, comparison.baseline().label(), comparison.candidate().label(),
                latest.run().startedAt(), latest.oneLine(), toolVersion);
        List<CaseHistory> histories = histories(comparison.cases(), analyses.changePoints(), analyses.drifts());
        List<RunEnvironment> environments = new ArrayList<>(baseline);
        environments.addAll(candidate);
        java.util.Map<String, String> tails = new java.util.TreeMap<>();
        for (io.benchledger.archive.analysis.compare.CaseComparison c : comparison.cases()) {
            String note = io.benchledger.archive.analysis.compare.TailText.note(c, comparison);
            if (!note.isEmpty()) {
                tails.put(c.caseKey(), note);
            }
        }
        return ReportModel.of(title, comparison.cases(), analyses.budgets(), analyses.changePoints(), histories,
                analyses.trends(), analyses.recommendations(), environments, analyses.notes())
                .withResources(io.benchledger.site.data.ResourceData.load(db, comparison.candidate().runIds()), tails)
                .withDrifts(analyses.drifts());
    }

    /**
     * Cases whose history is charted: those with change points or drifts that alert (past their case's
     * threshold), the worst regressions of the comparison first, then by the size of their largest change.
     */
    private List<CaseHistory> histories(List<CaseComparison> cases, List<ChangePoint> changePoints, List<Drift> drifts)
            throws SQLException {
        Map<String, List<ChangePoint>> byCase = new LinkedHashMap<>();
        Map<String, List<Drift>> driftsByCase = new LinkedHashMap<>();
        Map<String, String[]> names = new LinkedHashMap<>(); // case key, benchmark, metric
        Map<String, Double> largest = new LinkedHashMap<>();
        for (ChangePoint cp : changePoints) {
            String k = cp.caseKey() + "\u0000" + cp.metric();
            byCase.computeIfAbsent(k, x -> new ArrayList<>()).add(cp);
            names.putIfAbsent(k, new String[] {cp.caseKey(), cp.benchmark(), cp.metric()});
            largest.merge(k, Math.abs(cp.change()), Math::max);
        }
        for (Drift d : drifts) {
            String k = d.caseKey() + "\u0000" + d.metric();
            if (d.alert() || byCase.containsKey(k)) {
                driftsByCase.computeIfAbsent(k, x -> new ArrayList<>()).add(d);
                names.putIfAbsent(k, new String[] {d.caseKey(), d.benchmark(), d.metric()});
                largest.merge(k, Math.abs(d.change()), Math::max);
            }
        }
        if (names.isEmpty()) {
            return List.of();
        }
        Map<String, CaseComparison> compared = new LinkedHashMap<>();
        for (CaseComparison c : cases) {
            compared.put(c.caseKey() + "\u0000" + c.metric(), c);
        }
        List<String> order = new ArrayList<>(names.keySet());
        order.sort(Comparator.comparingDouble((String k) -> compared.containsKey(k)
                        ? -Summary.badness(compared.get(k)) : Double.MAX_VALUE)
                .thenComparingDouble(k -> -largest.get(k))
                .thenComparing(k -> k));
        List<CaseHistory> out = new ArrayList<>();
        for (String k : order.subList(0, Math.min(HISTORIES, order.size()))) {
            String[] n = names.get(k);
            CaseComparison c = compared.get(k);
            out.add(history(n[0], n[1], n[2], c == null ? "" : c.unit(), byCase.getOrDefault(k, List.of()),
                    driftsByCase.getOrDefault(k, List.of())));
        }
        return out;
    }

    private static Map<String, Object> row(Table t, int i) {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Object> r = t.rows().get(i);
        for (int c = 0; c < t.columns().size(); c++) {
            m.put(t.columns().get(c), r.get(c));
        }
        return m;
    }

    private static String text(Object o) {
        return o == null ? "" : o.toString();
    }

    private static double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}

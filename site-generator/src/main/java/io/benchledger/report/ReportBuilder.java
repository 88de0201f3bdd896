package io.benchledger.report;

import io.benchledger.archive.BadInputException;
import io.benchledger.archive.analysis.changepoint.ChangePoint;
import io.benchledger.archive.analysis.compare.CaseComparison;
import io.benchledger.archive.format.Table;
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
 * Builds a {@link ReportModel} from the archive (runs, environments, case histories, by SQL) and
 * from what the analyses found ({@link ReportAnalyses}).
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

    /** The runs on each side of a report. */
    public record Sides(String baselineLabel, List<RunEnvironment> baseline, String candidateLabel,
                        List<RunEnvironment> candidate) {
        public Sides {
            baseline = List.copyOf(baseline);
            candidate = List.copyOf(candidate);
        }

        public List<String> baselineRunIds() {
            return baseline.stream().map(RunEnvironment::runId).toList();
        }

        public List<String> candidateRunIds() {
            return candidate.stream().map(RunEnvironment::runId).toList();
        }
    }

    /** Release report: every run of each version; versions default to the two last measured. */
    public Sides release(String baselineVersion, String candidateVersion) throws SQLException {
        List<String> versions = versions();
        String candidate = candidateVersion.isEmpty() ? (versions.isEmpty() ? "" : versions.get(0)) : candidateVersion;
        String baseline = baselineVersion;
        if (baseline.isEmpty()) {
            baseline = versions.stream().filter(v -> !v.equals(candidate)).findFirst().orElse("");
        }
        if (candidate.isEmpty() || baseline.isEmpty()) {
            throw new BadInputException("project '" + project + "' has " + versions.size()
                    + " version(s) in the archive; a release report needs two (give --baseline and --candidate)");
        }
        List<RunEnvironment> b = runsOfVersion(baseline, RunEnvironment.BASELINE);
        List<RunEnvironment> c = runsOfVersion(candidate, RunEnvironment.CANDIDATE);
        return new Sides(baseline, b, candidate, c);
    }

    /** Nightly report: the latest run against the run before it. */
    public Sides nightly() throws SQLException {
        Table t = db.query("report_latest_runs", project, 2);
        if (t.size() < 2) {
            throw new BadInputException("project '" + project + "' has " + t.size()
                    + " run(s) in the archive; a nightly report needs two");
        }
        RunEnvironment candidate = environment(t, 0, RunEnvironment.CANDIDATE);
        RunEnvironment baseline = environment(t, 1, RunEnvironment.BASELINE);
        return new Sides(label(baseline), List.of(baseline), label(candidate), List.of(candidate));
    }

    private static String label(RunEnvironment r) {
        return (r.version().isEmpty() ? "" : r.version() + ", ") + "run " + r.runId();
    }

    /** Versions of the project, the last measured first. */
    public List<String> versions() throws SQLException {
        Table t = db.query("report_versions", project);
        List<String> out = new ArrayList<>();
        for (List<Object> row : t.rows()) {
            out.add(text(row.get(0)));
        }
        return out;
    }

    List<RunEnvironment> runsOfVersion(String version, String role) throws SQLException {
        Table t = db.query("report_runs_of_version", project, version);
        if (t.size() == 0) {
            throw new BadInputException("project '" + project + "' has no run of version '" + version + "'");
        }
        List<RunEnvironment> out = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            out.add(environment(t, i, role));
        }
        return out;
    }

    private static RunEnvironment environment(Table t, int i, String role) {
        Map<String, Object> r = row(t, i);
        return new RunEnvironment(text(r.get("run_id")), role, text(r.get("version")),
                Instant.parse(text(r.get("started_at"))), text(r.get("suite")), text(r.get("environment")),
                text(r.get("trigger")), text(r.get("commit")), text(r.get("branch")), text(r.get("host")),
                text(r.get("os")), text(r.get("arch")), text(r.get("cpu_model")),
                r.get("cpu_count") == null ? 0 : ((Number) r.get("cpu_count")).intValue(),
                r.get("memory_bytes") == null ? 0 : ((Number) r.get("memory_bytes")).longValue(),
                text(r.get("jvm_vendor")), text(r.get("jvm_version")), text(r.get("jvm_args")),
                text(r.get("harness")), text(r.get("harness_version")));
    }

    /** One case's series over every run of the project, with its change points. */
    public CaseHistory history(String caseKey, String benchmark, String metric, String unit,
                               List<ChangePoint> changePoints) throws SQLException {
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
        return new CaseHistory(caseKey, benchmark, metric, shownUnit, points, changePoints);
    }

    /** The whole model: title from the candidate's latest run, histories of the worst changed cases. */
    public ReportModel build(ReportType type, Sides sides, ReportAnalyses analyses, String toolVersion)
            throws SQLException {
        RunEnvironment latest = sides.candidate().stream().max(Comparator.comparing(RunEnvironment::startedAt)
                .thenComparing(RunEnvironment::runId)).orElseThrow();
        TitlePage title = new TitlePage(project, type, sides.baselineLabel(), sides.candidateLabel(),
                latest.startedAt(), latest.oneLine(), toolVersion);
        List<CaseHistory> histories = histories(analyses);
        List<RunEnvironment> environments = new ArrayList<>(sides.baseline());
        environments.addAll(sides.candidate());
        return ReportModel.of(title, analyses.comparisons(), analyses.budgets(), analyses.changePoints(), histories,
                analyses.trends(), analyses.recommendations(), environments);
    }

    /**
     * Cases whose history is charted: those with change points, the worst regressions of the
     * comparison first, then by the size of their largest change point.
     */
    private List<CaseHistory> histories(ReportAnalyses analyses) throws SQLException {
        Map<String, List<ChangePoint>> byCase = new LinkedHashMap<>();
        for (ChangePoint cp : analyses.changePoints()) {
            byCase.computeIfAbsent(cp.caseKey() + "\u0000" + cp.metric(), k -> new ArrayList<>()).add(cp);
        }
        if (byCase.isEmpty()) {
            return List.of();
        }
        Map<String, CaseComparison> compared = new LinkedHashMap<>();
        for (CaseComparison c : analyses.comparisons()) {
            compared.put(c.caseKey() + "\u0000" + c.metric(), c);
        }
        List<String> order = new ArrayList<>(byCase.keySet());
        order.sort(Comparator.comparingDouble((String k) -> compared.containsKey(k)
                        ? -Summary.badness(compared.get(k)) : Double.MAX_VALUE)
                .thenComparingDouble(k -> -byCase.get(k).stream().mapToDouble(cp -> Math.abs(cp.change())).max()
                        .orElse(0))
                .thenComparing(k -> k));
        List<CaseHistory> out = new ArrayList<>();
        for (String k : order.subList(0, Math.min(HISTORIES, order.size()))) {
            List<ChangePoint> cps = byCase.get(k);
            ChangePoint first = cps.get(0);
            CaseComparison c = compared.get(k);
            out.add(history(first.caseKey(), first.benchmark(), first.metric(), c == null ? "" : c.unit(), cps));
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

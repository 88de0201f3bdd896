package io.benchledger.archive.analysis.recommend;

import io.benchledger.archive.analysis.AnalysisRuns;
import io.benchledger.archive.BadInputException;
import io.benchledger.archive.analysis.budget.Budget;
import io.benchledger.archive.analysis.budget.BudgetEvaluator;
import io.benchledger.archive.analysis.budget.BudgetReport;
import io.benchledger.archive.analysis.compare.ComparisonOptions;
import io.benchledger.archive.analysis.compare.Side;
import io.benchledger.archive.analysis.scalability.ScalabilityAnalysis;
import io.benchledger.archive.analysis.scalability.ScalePoint;
import io.benchledger.archive.format.Table;
import io.benchledger.archive.model.Mode;
import io.benchledger.archive.model.Percentiles;
import io.benchledger.archive.query.ArchiveDatabase;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/** Reads one run's measurements from the archive for the scalability and recommendation commands. */
public final class RunMeasurements {
    private static final String ALLOC = "gc.alloc.rate.norm";

    private RunMeasurements() {
    }

    /** The run to look at: the given id, or the newest of the project (of the version when given). */
    public static String resolveRun(ArchiveDatabase db, String project, String runId, String version) throws SQLException {
        if (runId != null && !runId.isEmpty()) {
            return runId;
        }
        String v = version == null ? "" : version;
        Table t = db.query("latest_run", project, v, v);
        if (t.size() == 0) {
            throw new BadInputException("no run of project '" + project + "'" + (v.isEmpty() ? "" : " version '" + v + "'")
                    + " in the archive");
        }
        return (String) t.rows().get(0).get(0);
    }

    /** Every recommendation rule over one run, against a baseline run for the growth rules (may be null). */
    public static List<Recommendation> recommendations(ArchiveDatabase db, String runId, String baselineRunId,
                                                       List<Budget> budgets, Thresholds t) throws SQLException {
        return recommendations(db, runId, baselineRunId, budgets, new AdviceRules(t, List.of()));
    }

    /**
     * Every recommendation over one run: the measurement rules (thresholds of {@code rules}), the
     * budgets as {@code check} judges them, and the domain rules; sorted by priority, then impact.
     */
    public static List<Recommendation> recommendations(ArchiveDatabase db, String runId, String baselineRunId,
                                                       List<Budget> budgets, AdviceRules rules) throws SQLException {
        Optional<BudgetReport> checked = budgets.isEmpty() ? Optional.empty()
                : Optional.of(BudgetEvaluator.evaluate(db, new Side(Side.Kind.RUN, runId), budgets,
                        ComparisonOptions.defaults(project(db, runId))));
        return recommendations(db, runId, baselineRunId, checked, rules);
    }

    /** As above, with the budgets already checked (the findings of a publication check them once). */
    public static List<Recommendation> recommendations(ArchiveDatabase db, String runId, String baselineRunId,
                                                       Optional<BudgetReport> checked, Thresholds t) throws SQLException {
        return recommendations(db, runId, baselineRunId, checked, new AdviceRules(t, List.of()));
    }

    private static List<Recommendation> recommendations(ArchiveDatabase db, String runId, String baselineRunId,
                                                        Optional<BudgetReport> checked, AdviceRules rules)
            throws SQLException {
        AnalysisRuns.count(AnalysisRuns.Engine.RECOMMENDATIONS);
        Thresholds t = rules.thresholds();
        String project = project(db, runId);
        List<ScalabilityAnalysis.Curve> curves = ScalabilityAnalysis.analyse(scalePoints(db, runId), t.efficiency(),
                processors(db, runId));
        List<Recommendation> out = new ArrayList<>(Recommender.recommend(cases(db, runId, baselineRunId), curves, t));
        Side run = new Side(Side.Kind.RUN, runId);
        ComparisonOptions options = ComparisonOptions.defaults(project);
        checked.ifPresent(r -> out.addAll(Recommender.budgets(r)));
        List<Budget> ruleBudgets = rules.rules().stream().filter(r -> r.budget() != null).map(AdviceRules.DomainRule::budget).toList();
        BudgetReport ruleReport = ruleBudgets.isEmpty() ? null : BudgetEvaluator.evaluate(db, run, ruleBudgets, options);
        for (AdviceRules.DomainRule r : rules.rules()) {
            if (r.budget() != null) {
                out.addAll(Recommender.domain(r, ruleReport));
                continue;
            }
            java.util.regex.Pattern p = java.util.regex.Pattern.compile(r.pattern());
            for (ScalabilityAnalysis.Curve c : curves) {
                if (p.matcher(c.family()).find()) {
                    Recommender.scalability(c, r.efficiency(), r.name(), r.priority(), r.advice()).ifPresent(out::add);
                }
            }
        }
        out.sort(Recommendation.ORDER);
        return out;
    }

    private static String project(ArchiveDatabase db, String runId) throws SQLException {
        Table context = db.query("run_context", runId);
        if (context.size() == 0) {
            throw new BadInputException("no run '" + runId + "' in the archive");
        }
        return (String) context.rows().get(0).get(0);
    }

    /** The processors of the machine a run was measured on ({@code runs.cpu_count}); 0 when unknown. */
    public static int processors(ArchiveDatabase db, String runId) throws SQLException {
        List<List<Object>> rows = db.query("run_cpu_count", runId).rows();
        return rows.isEmpty() || rows.get(0).get(0) == null ? 0 : ((Number) rows.get(0).get(0)).intValue();
    }

    public static List<ScalePoint> scalePoints(ArchiveDatabase db, String runId) throws SQLException {
        List<ScalePoint> out = new ArrayList<>();
        for (List<Object> r : db.queryOfRuns("run_case_results", List.of(runId), runId).rows()) {
            if (!"primary".equals(r.get(3))) {
                continue;
            }
            String key = (String) r.get(0);
            out.add(new ScalePoint(ScalabilityAnalysis.family(key), key, ((Number) r.get(6)).intValue(),
                    ((Number) r.get(7)).doubleValue(), (String) r.get(2), str(r.get(4)), Boolean.TRUE.equals(r.get(5))));
        }
        return out;
    }

    public static List<CaseMeasurements> cases(ArchiveDatabase db, String runId, String baselineRunId) throws SQLException {
        Map<String, List<Object>> primary = new TreeMap<>();
        Map<String, Double> alloc = new TreeMap<>();
        for (List<Object> r : db.queryOfRuns("run_case_results", List.of(runId), runId).rows()) {
            if ("primary".equals(r.get(3))) {
                primary.put((String) r.get(0), r);
            } else if (ALLOC.equals(r.get(3))) {
                alloc.put((String) r.get(0), ((Number) r.get(7)).doubleValue());
            }
        }
        Map<String, Double> baseAlloc = new TreeMap<>();
        Map<String, Double> baseScore = new TreeMap<>();
        if (baselineRunId != null) {
            for (List<Object> r : db.queryOfRuns("run_case_results", List.of(baselineRunId), baselineRunId).rows()) {
                if ("primary".equals(r.get(3))) {
                    baseScore.put((String) r.get(0), ((Number) r.get(7)).doubleValue());
                } else if (ALLOC.equals(r.get(3))) {
                    baseAlloc.put((String) r.get(0), ((Number) r.get(7)).doubleValue());
                }
            }
        }
        Map<String, Map<Integer, List<Double>>> iterations = new LinkedHashMap<>();
        for (List<Object> r : db.queryOfRuns("run_fork_scores", List.of(runId), runId).rows()) {
            iterations.computeIfAbsent((String) r.get(0), k -> new TreeMap<>())
                    .computeIfAbsent(((Number) r.get(1)).intValue(), k -> new ArrayList<>())
                    .add(((Number) r.get(3)).doubleValue());
        }
        List<CaseMeasurements> out = new ArrayList<>();
        for (Map.Entry<String, List<Object>> e : primary.entrySet()) {
            List<Object> r = e.getValue();
            List<Double> forkMeans = new ArrayList<>();
            List<Double> all = new ArrayList<>();
            for (List<Double> it : iterations.getOrDefault(e.getKey(), Map.of()).values()) {
                forkMeans.add(it.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN));
                all.addAll(it);
            }
            // per-operation percentiles only from sample mode: elsewhere they are of iteration scores
            Optional<Percentiles> pct = r.get(8) == null || !Mode.SAMPLE_TIME.equals(r.get(2)) ? Optional.empty() : Optional.of(new Percentiles(Double.NaN,
                    num(r.get(8)), Double.NaN, Double.NaN, num(r.get(9)), num(r.get(10)), Double.NaN));
            out.add(new CaseMeasurements(e.getKey(), (String) r.get(1), (String) r.get(2), str(r.get(4)),
                    Boolean.TRUE.equals(r.get(5)), ((Number) r.get(6)).intValue(), num(r.get(7)), forkMeans, all, pct,
                    opt(alloc.get(e.getKey())), opt(baseAlloc.get(e.getKey())), opt(baseScore.get(e.getKey()))));
        }
        return out;
    }

    private static OptionalDouble opt(Double d) {
        return d == null ? OptionalDouble.empty() : OptionalDouble.of(d);
    }

    private static double num(Object o) {
        return o == null ? Double.NaN : ((Number) o).doubleValue();
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }
}

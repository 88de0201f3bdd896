package io.benchledger.cli.workflow;

import io.benchledger.archive.analysis.budget.BudgetCheck;
import io.benchledger.archive.analysis.budget.BudgetReport;
import io.benchledger.archive.analysis.compare.CaseComparison;
import io.benchledger.archive.analysis.compare.ComparisonOutput;
import io.benchledger.archive.analysis.compare.ComparisonReport;
import io.benchledger.archive.analysis.compare.Verdict;
import io.benchledger.cli.command.ChangePointJson;
import io.benchledger.cli.command.DriftJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code summary.json}: what {@code summary.md} says, for machines (fields in docs/statistics.md,
 * "summary.json"). Every comparison carries every case with the JSON fields of {@code compare --format json}.
 */
public final class SummaryJson {
    private SummaryJson() {
    }

    public static Map<String, Object> of(String project, String title, Gate g, int crashed, List<String> outputs) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("project", project);
        doc.put("title", title);
        doc.put("run_id", g.runId());
        Map<String, Object> runs = new LinkedHashMap<>();
        runs.put("candidate", g.runId());
        g.againstRecent().ifPresent(r -> runs.put("recent_baseline", r.baseline().runIds()));
        g.againstRelease().ifPresent(r -> runs.put("release_baseline", r.baseline().runIds()));
        doc.put("runs", runs);
        List<Map<String, Object>> comparisons = new ArrayList<>();
        g.comparisons().forEach(c -> comparison(c.name(), c.report()).ifPresent(comparisons::add));
        doc.put("comparisons", comparisons);
        doc.put("budgets", budgets(g.budgets()));
        doc.put("change_points", g.recentChangePoints().stream().map(ChangePointJson::of).toList());
        doc.put("drifts", g.recentDrifts().stream().map(DriftJson::of).toList());
        Map<String, Object> gate = new LinkedHashMap<>();
        gate.put("result", g.failed() ? "failed" : "passed");
        gate.put("fail_on", g.failOn().json());
        gate.put("crashed_benchmarks", crashed);
        gate.put("reasons", reasons(g));
        doc.put("gate", gate);
        doc.put("outputs", outputs);
        return doc;
    }

    /** One line per thing that fails the gate: each failing case and each broken budget. */
    static List<String> reasons(Gate g) {
        List<String> out = new ArrayList<>();
        for (CaseComparison c : g.regressions()) {
            out.add((c.verdict() == Verdict.FAILED ? "crashed: " : "regressed: ") + GateSummary.describe(c));
        }
        for (BudgetCheck b : g.brokenBudgets()) {
            out.add("budget: " + GateSummary.describe(b));
        }
        return out;
    }

    private static Optional<Map<String, Object>> comparison(String name, Optional<ComparisonReport> r) {
        return r.map(report -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            m.putAll(ComparisonOutput.json(report));
            return m;
        });
    }

    private static Map<String, Object> budgets(Optional<BudgetReport> r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("checked", r.map(b -> b.checks().size()).orElse(0));
        m.put("failed", r.map(b -> b.failures().size()).orElse(0));
        m.put("warnings", r.map(b -> b.warnings().size()).orElse(0));
        List<Map<String, Object>> checks = new ArrayList<>();
        r.ifPresent(b -> b.checks().forEach(c -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("case_key", c.caseKey());
            x.put("metric", c.metric());
            x.put("criterion", c.criterion());
            x.put("limit", Double.isFinite(c.limit()) ? c.limit() : null);
            x.put("actual", Double.isFinite(c.actual()) ? c.actual() : null);
            x.put("unit", c.unit());
            x.put("status", c.status().json());
            x.put("note", c.note());
            checks.add(x);
        }));
        m.put("checks", checks);
        return m;
    }
}

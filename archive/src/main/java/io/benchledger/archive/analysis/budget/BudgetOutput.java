package io.benchledger.archive.analysis.budget;

import io.benchledger.archive.format.OutputFormat;
import io.benchledger.archive.format.Table;
import io.benchledger.archive.format.TableFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders a {@link BudgetReport}: the table lists what fails or warns (every check with --format json/csv). */
public final class BudgetOutput {
    private BudgetOutput() {
    }

    public static String format(BudgetReport r, OutputFormat f) {
        return switch (f) {
            case TABLE -> (r.failures().isEmpty() && r.warnings().isEmpty() ? ""
                    : TableFormatter.format(table(notable(r)), OutputFormat.TABLE)) + summaryLine(r) + "\n";
            case MARKDOWN -> TableFormatter.format(table(notable(r)), OutputFormat.MARKDOWN) + "\n" + summaryLine(r) + "\n";
            case CSV -> TableFormatter.format(table(r.checks()), OutputFormat.CSV);
            case JSON -> TableFormatter.json(json(r));
        };
    }

    private static List<BudgetCheck> notable(BudgetReport r) {
        return r.checks().stream().filter(c -> c.status() != BudgetStatus.PASS).toList();
    }

    public static String summaryLine(BudgetReport r) {
        long pass = r.checks().size() - r.failures().size() - r.warnings().size();
        return r.checks().size() + " budget checks on " + r.run().label() + ": " + r.failures().size() + " failed, "
                + r.warnings().size() + " close to the limit or not applicable, " + pass + " passed";
    }

    static Table table(List<BudgetCheck> checks) {
        List<List<Object>> rows = new ArrayList<>();
        for (BudgetCheck c : checks) {
            rows.add(List.of(c.status().json(), c.caseKey(), c.criterion(), c.limit(),
                    Double.isNaN(c.actual()) ? "" : (Object) c.actual(), c.unit(), c.pattern(), c.note()));
        }
        return new Table(List.of("status", "case", "criterion", "limit", "actual", "unit", "budget", "note"), rows);
    }

    public static Map<String, Object> json(BudgetReport r) {
        Map<String, Object> doc = new LinkedHashMap<>();
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("spec", r.run().side().spec());
        run.put("versions", r.run().versions());
        run.put("runs", r.run().runIds());
        doc.put("run", run);
        List<Map<String, Object>> checks = new ArrayList<>();
        for (BudgetCheck c : r.checks()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("status", c.status().json());
            m.put("case_key", c.caseKey());
            m.put("benchmark", c.benchmark());
            m.put("metric", c.metric());
            m.put("criterion", c.criterion());
            m.put("limit", c.limit());
            m.put("actual", Double.isFinite(c.actual()) ? c.actual() : null);
            m.put("unit", c.unit());
            m.put("budget", c.pattern());
            m.put("note", c.note());
            checks.add(m);
        }
        doc.put("checks", checks);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("failed", r.failures().size());
        s.put("warnings", r.warnings().size());
        s.put("passed", r.checks().size() - r.failures().size() - r.warnings().size());
        s.put("ok", r.passed());
        doc.put("summary", s);
        return doc;
    }
}

package io.benchledger.archive.analysis.budget;

import io.benchledger.archive.format.ByteRate;
import io.benchledger.archive.format.OutputFormat;
import io.benchledger.archive.format.Table;
import io.benchledger.archive.format.TableFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a {@link BudgetReport}: the table lists what fails, warns, is not checked or is close to
 * its level (every check with --format json/csv), then one line of counts.
 */
public final class BudgetOutput {
    private BudgetOutput() {
    }

    public static String format(BudgetReport r, OutputFormat f) {
        return switch (f) {
            case TABLE -> (notable(r).isEmpty() ? "" : TableFormatter.format(table(notable(r), true), OutputFormat.TABLE))
                    + summaryLine(r) + "\n";
            case MARKDOWN -> TableFormatter.format(table(notable(r), true), OutputFormat.MARKDOWN) + "\n" + summaryLine(r) + "\n";
            case CSV -> TableFormatter.format(table(r.checks(), false), OutputFormat.CSV);
            case JSON -> TableFormatter.json(json(r));
        };
    }

    private static List<BudgetCheck> notable(BudgetReport r) {
        return r.checks().stream().filter(c -> c.status() != BudgetStatus.PASS || c.close()).toList();
    }

    /** "12 budget checks on …: 1 failed, 2 warned, 8 passed (1 close to its limit), 1 not checked". */
    public static String summaryLine(BudgetReport r) {
        return r.checks().size() + " budget checks on " + r.run().label() + ": " + counts(r);
    }

    /** "1 failed, 2 warned, 8 passed (1 close to its limit), 1 not checked". */
    public static String counts(BudgetReport r) {
        return r.failures().size() + " failed, " + r.warnings().size() + " warned, " + r.passes().size() + " passed"
                + (r.close().isEmpty() ? "" : " (" + r.close().size() + " close to the limit)") + ", "
                + r.notChecked().size() + " not checked";
    }

    /** @param readable bytes per second as people read them (MB/s), for the terminal and Markdown; CSV keeps the number */
    static Table table(List<BudgetCheck> checks, boolean readable) {
        List<List<Object>> rows = new ArrayList<>();
        for (BudgetCheck c : checks) {
            boolean rate = readable && ByteRate.UNIT.equals(c.unit());
            rows.add(Arrays.asList(c.status().words() + (c.close() ? " (close)" : ""), c.caseKey().isEmpty() ? "—" : c.caseKey(),
                    c.criterion(), value(c.actual(), rate), value(c.target(), rate), value(c.critical(), rate), c.unit(), c.neededText(),
                    c.budget(), c.note()));
        }
        return new Table(List.of("status", "case", "criterion", "current", "target", "critical", "unit", "needed",
                "budget", "note"), rows);
    }

    private static Object value(double v, boolean byteRate) {
        return Double.isNaN(v) ? "n/a" : byteRate ? ByteRate.format(v) : (Object) v;
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
            m.put("close", c.close());
            m.put("case_key", c.caseKey());
            m.put("benchmark", c.benchmark());
            m.put("metric", c.metric());
            m.put("criterion", c.criterion());
            m.put("current", finite(c.actual()));
            m.put("target", finite(c.target()));
            m.put("critical", finite(c.critical()));
            m.put("unit", c.unit());
            m.put("needed", finite(c.needed()));
            m.put("budget", c.budget());
            m.put("pattern", c.pattern());
            m.put("defined_at", c.where());
            m.put("note", c.note());
            checks.add(m);
        }
        doc.put("checks", checks);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("failed", r.failures().size());
        s.put("warned", r.warnings().size());
        s.put("passed", r.passes().size());
        s.put("close", r.close().size());
        s.put("not_checked", r.notChecked().size());
        s.put("ok", r.passed());
        doc.put("summary", s);
        return doc;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}

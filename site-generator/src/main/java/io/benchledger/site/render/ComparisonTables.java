package io.benchledger.site.render;

import io.benchledger.site.chart.Json;
import io.benchledger.site.model.ComparisonView;
import io.benchledger.site.pages.BenchmarkPage;
import io.benchledger.site.pages.DataTable;
import io.benchledger.site.pages.DataTable.Cell;
import io.benchledger.site.pages.DataTable.Col;
import io.benchledger.site.pages.Fmt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How a comparison reads on any page: its table, its verdict counts, its forest-plot data. */
public final class ComparisonTables {

    /** How many cases of a comparison got each verdict. */
    public record VerdictCounts(long regressed, long improved, long unchanged, long inconclusive) {
        static VerdictCounts of(ComparisonView cv) {
            return new VerdictCounts(cv.count("regressed"), cv.count("improved"), cv.count("unchanged"),
                    cv.count("inconclusive"));
        }
    }

    private ComparisonTables() {
    }

    static DataTable table(ComparisonView cv, String id, String root) {
        return table(cv, cv.rows(), cv.title(), id, root);
    }

    static DataTable table(ComparisonView cv, List<ComparisonView.Row> shown, String caption, String id, String root) {
        // what regressed (mean, tail, both) and the p99's change only where a tail was compared, so
        // that other comparisons keep their width
        boolean tails = cv.hasTails();
        Map<String, String> names = displayNames(shown);
        List<List<Cell>> rows = new ArrayList<>();
        for (ComparisonView.Row r : shown) {
            String css = r.verdict();
            // Class.method on the page (the link leads to the whole name), the whole name in the downloads
            List<Cell> row = new ArrayList<>(List.of(
                    Cell.link(names.get(r.benchmark()), root + BenchmarkPage.pageFile(r.benchmark())).raw(r.benchmark()),
                    Cell.of(paramsText(r.params())),
                    Cell.of(r.metric()),
                    Cell.of(r.unit()),
                    Cell.num(r.baselineCentre(), Fmt.num(r.baselineCentre())),
                    Cell.num(r.candidateCentre(), Fmt.num(r.candidateCentre())),
                    Cell.num(r.change(), Fmt.pct(r.change())).css(css),
                    Cell.num(r.ciLow(), Fmt.pct(r.ciLow())),
                    Cell.num(r.ciHigh(), Fmt.pct(r.ciHigh())),
                    Cell.num(r.pValue(), Fmt.p(r.pValue())),
                    Cell.num(r.qValue(), Fmt.p(r.qValue())),
                    Cell.of(r.verdict()).css(css)));
            if (tails) {
                row.add(Cell.of(r.regressionType()).css(r.regressionType().equals("none") ? "" : "regressed"));
                row.add(Cell.num(r.tailChange(), Fmt.pct(r.tailChange())).css(r.tailVerdict()));
            }
            row.addAll(List.of(
                    Cell.of(r.severity()),
                    Cell.num(r.threshold(), io.benchledger.report.model.Formats.threshold(r.threshold(), r.thresholdSource())),
                    Cell.num(r.baselineSamples(), Long.toString(r.baselineSamples())),
                    Cell.num(r.candidateSamples(), Long.toString(r.candidateSamples()))));
            rows.add(row);
        }
        List<Col> cols = new ArrayList<>(List.of(Col.text("Benchmark"), Col.text("Parameters"), Col.text("Metric"),
                Col.text("Unit"),
                Col.num("Baseline centre"), Col.num("Candidate centre"), Col.num("Change"), Col.num("CI low"),
                Col.num("CI high"), Col.num("p-value"), Col.num("q-value"), Col.text("Verdict")));
        if (tails) {
            cols.add(Col.text("Type"));
            cols.add(Col.num("p99 change"));
        }
        cols.addAll(List.of(Col.text("Severity"), Col.num("Threshold"), Col.num("Baseline samples"), Col.num("Candidate samples")));
        return new DataTable(id, caption, cols, rows, "downloads/" + id);
    }

    /** Each benchmark's name as a table shows it: Class.method, or the whole name where two share that. */
    static Map<String, String> displayNames(List<ComparisonView.Row> rows) {
        Map<String, java.util.Set<String>> byShort = new HashMap<>();
        for (ComparisonView.Row r : rows) {
            byShort.computeIfAbsent(shortName(r.benchmark()), k -> new java.util.HashSet<>()).add(r.benchmark());
        }
        Map<String, String> out = new HashMap<>();
        for (ComparisonView.Row r : rows) {
            String s = shortName(r.benchmark());
            out.put(r.benchmark(), byShort.get(s).size() > 1 ? r.benchmark() : s);
        }
        return out;
    }

    static String paramsText(Map<String, String> params) {
        StringBuilder sb = new StringBuilder();
        params.forEach((k, v) -> sb.append(sb.length() > 0 ? ", " : "").append(k).append('=').append(v));
        return sb.toString();
    }

    /** A benchmark's class and method without the package: {@code a.b.Crypto.encrypt} is {@code Crypto.encrypt}. */
    static String shortName(String benchmark) {
        int method = benchmark.lastIndexOf('.');
        int cls = method > 0 ? benchmark.lastIndexOf('.', method - 1) : -1;
        return cls >= 0 ? benchmark.substring(cls + 1) : benchmark;
    }

    /**
     * The forest plot's data script: one item per case and metric, its change and interval. Each
     * label tells its row apart from the others: Class.method with the parameters, the mode and threads
     * of the case key ({@code @sample}, {@code @thrpt/t8}: one benchmark may run in several), the metric
     * when it is not the primary score, and the whole benchmark name where two classes share a simple name.
     */
    static String chart(ComparisonView cv) {
        List<String> shortLabels = new ArrayList<>();
        Map<String, Integer> uses = new HashMap<>();
        for (ComparisonView.Row r : cv.rows()) {
            String label = shortName(r.benchmark()) + paramsSuffix(r) + modeSuffix(r) + metricSuffix(r);
            shortLabels.add(label);
            uses.merge(label, 1, Integer::sum);
        }
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < cv.rows().size(); i++) {
            ComparisonView.Row r = cv.rows().get(i);
            Map<String, Object> m = new LinkedHashMap<>();
            String full = r.benchmark() + paramsSuffix(r) + modeSuffix(r) + metricSuffix(r);
            // the axis shows Class.method [params] · metric, the part that tells cases apart; the tooltip the whole name
            m.put("label", uses.get(shortLabels.get(i)) > 1 ? full : shortLabels.get(i));
            m.put("full", full);
            m.put("change", r.change());
            m.put("lo", r.ciLow());
            m.put("hi", r.ciHigh());
            m.put("verdict", r.verdict());
            items.add(m);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("kind", "comparison");
        doc.put("items", items);
        return "window.BL_DATA = " + Json.of(doc) + ";\n";
    }

    private static String paramsSuffix(ComparisonView.Row r) {
        return r.params().isEmpty() ? "" : " [" + paramsText(r.params()) + "]";
    }

    /** The case key's mode and threads after its '@' ({@code @thrpt/t8}), or nothing for a key without one. */
    private static String modeSuffix(ComparisonView.Row r) {
        int at = r.caseKey().lastIndexOf('@');
        return at < 0 ? "" : " " + r.caseKey().substring(at);
    }

    private static String metricSuffix(ComparisonView.Row r) {
        return r.primary() ? "" : " \u00b7 " + r.metric();
    }
}

package io.benchledger.site.render;

import io.benchledger.site.SiteContext;
import io.benchledger.site.chart.Json;
import io.benchledger.site.data.WorkloadResults;
import io.benchledger.site.pages.DataTable;
import io.benchledger.site.pages.DataTable.Cell;
import io.benchledger.site.pages.DataTable.Col;
import io.benchledger.site.pages.Fmt;
import io.benchledger.site.pages.SafeNames;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code workloads.html}: the open-loop load workloads of the newest load runs. Per workload a
 * table of its cases by target rate (target and achieved rate, request latency percentiles from the
 * intended start, errors, timeouts, each stage's p99), a latency-over-rate chart and the percentile
 * spectrum of each rate; a sweep's saturation point in words. Metric names are those the collector's
 * load harness writes (collector/…/load/LoadResults).
 */
public final class WorkloadsPage {
    static final String PREFIX = "workload.";
    static final String SATURATION = ".saturation";
    static final String[] LABELS = {"p0", "p50", "p90", "p95", "p99", "p99.9", "max"};

    /** The page as workloads.html reads it. */
    public record View(List<Section> workloads) {
    }

    /** One workload: its name, anchor, saturation sentence (or empty), its table and chart elements' ids. */
    public record Section(String name, String anchor, String saturation, DataTable table, String rateChart,
                          String spectrumChart, boolean belowTarget) {
    }

    private WorkloadsPage() {
    }

    public static void render(SiteContext ctx) throws IOException, java.sql.SQLException {
        List<WorkloadResults.Case> cases = WorkloadResults.load(ctx.data().db(), ctx.options().project());
        Map<String, List<WorkloadResults.Case>> byWorkload = new LinkedHashMap<>();
        Map<String, String> saturation = new LinkedHashMap<>();
        for (WorkloadResults.Case c : cases) {
            String name = c.benchmark().startsWith(PREFIX) ? c.benchmark().substring(PREFIX.length()) : c.benchmark();
            if (name.endsWith(SATURATION)) {
                String w = name.substring(0, name.length() - SATURATION.length());
                saturation.put(w, c.failure().isEmpty()
                        ? "Saturation point: " + Fmt.num(c.score("primary")) + " req/s, the highest rate of the sweep whose request p99 stayed at or under "
                        + c.params().getOrDefault("max_p99", "the limit") + " with no timeouts."
                        : "Saturation point: none (" + c.failure() + ").");
                continue;
            }
            if (c.failure().isEmpty()) {
                byWorkload.computeIfAbsent(name, k -> new ArrayList<>()).add(c);
            }
        }
        List<Section> sections = new ArrayList<>();
        List<Object> charts = new ArrayList<>();
        List<DataTable> tables = new ArrayList<>();
        for (Map.Entry<String, List<WorkloadResults.Case>> e : byWorkload.entrySet()) {
            List<WorkloadResults.Case> list = new ArrayList<>(e.getValue());
            list.sort(Comparator.comparingDouble(c -> c.score("rate.target")));
            String anchor = anchor(e.getKey());
            DataTable t = table(e.getKey(), anchor, list);
            tables.add(t);
            boolean below = list.stream().anyMatch(WorkloadsPage::belowTarget);
            sections.add(new Section(e.getKey(), anchor, saturation.getOrDefault(e.getKey(), ""), t, anchor + "-rate",
                    anchor + "-spectrum", below));
            charts.add(chart(e.getKey(), anchor, list));
        }
        ctx.writer().write("assets/workloads.js", ctx.templates().resource("assets/workloads.js"));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("kind", "workloads");
        doc.put("workloads", charts);
        ctx.writer().write("charts/workloads.js", "window.BL_DATA = " + Json.of(doc) + ";\n");
        ctx.page("workloads.html", "workloads.html", ctx.frame("", "Workloads", "workloads").withCharts("charts/workloads.js"),
                new View(sections), tables);
    }

    /** An id for the workload's section, table and downloads: its name when plain, else a hash of it. */
    static String anchor(String name) {
        return "workload-" + (name.matches("[0-9A-Za-z_-]{1,64}") ? name : SafeNames.hash(name).substring(0, 16));
    }

    /** Achieved below 95 % of the target: the service did not keep up. */
    static boolean belowTarget(WorkloadResults.Case c) {
        return c.score("rate.achieved") < 0.95 * c.score("rate.target");
    }

    private static DataTable table(String name, String anchor, List<WorkloadResults.Case> list) {
        TreeSet<String> stages = new TreeSet<>();
        for (WorkloadResults.Case c : list) {
            c.metrics().keySet().stream().filter(m -> m.startsWith("stage.")).forEach(stages::add);
        }
        List<Col> cols = new ArrayList<>(List.of(Col.text("Rate"), Col.num("Target req/s"), Col.num("Achieved req/s"),
                Col.num("p50 ms"), Col.num("p90 ms"), Col.num("p99 ms"), Col.num("p99.9 ms"), Col.num("Max ms"),
                Col.num("Queue p99 ms"), Col.num("Errors"), Col.num("Timeouts")));
        for (String s : stages) {
            cols.add(Col.num(s.substring("stage.".length()) + " p99 ms"));
        }
        List<List<Cell>> rows = new ArrayList<>();
        for (WorkloadResults.Case c : list) {
            List<Cell> row = new ArrayList<>();
            row.add(Cell.of(c.params().entrySet().stream().map(p -> p.getKey() + "=" + p.getValue())
                    .reduce((a, b) -> a + ", " + b).orElse("")));
            row.add(num(c.score("rate.target")));
            double achieved = c.score("rate.achieved");
            Cell a = num(achieved);
            row.add(belowTarget(c) ? new Cell(Fmt.num(achieved) + " (below target)", a.raw(), a.href(), "regressed") : a);
            List<Double> p = percentiles(c, "primary");
            for (int i : new int[] {1, 2, 4, 5, 6}) {
                row.add(num(p.isEmpty() ? Double.NaN : p.get(i)));
            }
            List<Double> q = percentiles(c, "latency.queue");
            row.add(num(q.isEmpty() ? Double.NaN : q.get(4)));
            row.add(share(c.score("errors.rate")));
            row.add(share(c.score("timeouts.rate")));
            for (String s : stages) {
                List<Double> sp = percentiles(c, s);
                row.add(num(sp.isEmpty() ? Double.NaN : sp.get(4)));
            }
            rows.add(row);
        }
        return new DataTable(anchor, "Workload " + name + ", newest run of each rate", cols, rows,
                "downloads/" + anchor);
    }

    private static Map<String, Object> chart(String name, String anchor, List<WorkloadResults.Case> list) {
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("name", name);
        w.put("rateChart", anchor + "-rate");
        w.put("spectrumChart", anchor + "-spectrum");
        List<Double> target = new ArrayList<>();
        List<Double> achieved = new ArrayList<>();
        Map<String, List<Double>> lines = new LinkedHashMap<>();
        for (String l : new String[] {"p50", "p90", "p99", "p99.9", "max"}) {
            lines.put(l, new ArrayList<>());
        }
        List<Map<String, Object>> spectrum = new ArrayList<>();
        for (WorkloadResults.Case c : list) {
            target.add(finite(c.score("rate.target")));
            achieved.add(finite(c.score("rate.achieved")));
            List<Double> p = percentiles(c, "primary");
            int k = 0;
            for (int i : new int[] {1, 2, 4, 5, 6}) {
                lines.get(new ArrayList<>(lines.keySet()).get(k++)).add(p.isEmpty() ? null : finite(p.get(i)));
            }
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("label", c.params().getOrDefault("rate", c.caseKey()) + " req/s");
            s.put("values", p);
            spectrum.add(s);
        }
        w.put("target", target);
        w.put("achieved", achieved);
        w.put("latency", lines);
        w.put("percentiles", List.of(LABELS));
        w.put("spectrum", spectrum);
        return w;
    }

    private static List<Double> percentiles(WorkloadResults.Case c, String metric) {
        WorkloadResults.Metric m = c.metrics().get(metric);
        return m == null ? List.of() : m.percentiles();
    }

    private static Double finite(double d) {
        return Double.isFinite(d) ? d : null;
    }

    private static Cell num(double d) {
        return Double.isFinite(d) ? Cell.num(d, Fmt.num(d)) : new Cell("n/a", "", "", ""); // empty raw: null in JSON
    }

    private static Cell share(double f) {
        return Double.isFinite(f) ? Cell.num(f, String.format(java.util.Locale.ROOT, "%.2f\u00a0%%", f * 100)) : new Cell("n/a", "", "", "");
    }
}

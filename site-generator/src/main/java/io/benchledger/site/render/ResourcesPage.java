package io.benchledger.site.render;

import io.benchledger.archive.format.ByteRate;
import io.benchledger.site.SiteContext;
import io.benchledger.site.data.ResourceData;
import io.benchledger.site.pages.BenchmarkPage;
import io.benchledger.site.pages.DataTable;
import io.benchledger.site.pages.DataTable.Cell;
import io.benchledger.site.pages.DataTable.Col;
import io.benchledger.site.pages.Fmt;
import io.benchledger.site.pages.SafeNames;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code resources.html}: per suite, one row per case of its newest run with speed and what it
 * cost — throughput and bytes per second, per-operation p50/p95/p99 (sample mode only), bytes
 * allocated per operation, peak and mean resident memory and mean CPU of the measuring JVM.
 * Each table sorts and downloads as CSV and JSON.
 */
public final class ResourcesPage {
    /** A dash where a case has no such measurement. */
    static final String NONE = "\u2013";

    /** One suite's table and the run it comes from. */
    public record Suite(String name, String runId, String runHref, DataTable table) {
    }

    /** The page as resources.html reads it. */
    public record View(List<Suite> suites) {
    }

    private ResourcesPage() {
    }

    public static void render(SiteContext ctx) throws Exception {
        List<ResourceData.Row> rows = ResourceData.load(ctx.data().db(), newestPerSuite(ctx));
        Map<String, List<ResourceData.Row>> bySuite = new LinkedHashMap<>();
        for (ResourceData.Row r : rows) {
            bySuite.computeIfAbsent(r.suite(), k -> new ArrayList<>()).add(r);
        }
        List<Suite> suites = new ArrayList<>();
        List<DataTable> tables = new ArrayList<>();
        for (Map.Entry<String, List<ResourceData.Row>> e : bySuite.entrySet()) {
            String name = e.getKey().isEmpty() ? "(no suite)" : e.getKey();
            String id = "resources-" + name.replaceAll("[^A-Za-z0-9_-]", "-");
            DataTable t = table(id, "Suite " + name, e.getValue(), "", "downloads/" + id);
            String runId = e.getValue().get(0).runId();
            suites.add(new Suite(name, runId, "runs.html#" + SafeNames.anchor(runId), t));
            tables.add(t);
        }
        ctx.page("resources.html", "resources.html", ctx.frame("", "Resources", "resources"), new View(suites), tables);
    }

    /** The newest run of each suite in the history (A/B runs are not the history). */
    public static List<String> newestPerSuite(SiteContext ctx) {
        Map<String, String> newest = new java.util.TreeMap<>();
        for (io.benchledger.site.model.RunInfo r : ctx.history()) {
            newest.put(r.run().suite(), r.run().runId()); // oldest first: the last one seen is the newest
        }
        return new ArrayList<>(newest.values());
    }

    static List<Col> columns() {
        // mode and unit are in the case label and the score: the table fits a 1280 px screen
        return List.of(Col.text("Case"), Col.num("Threads"), Col.num("Score"),
                Col.num("Bytes/s"), Col.num("p50 / op"), Col.num("p95 / op"), Col.num("p99 / op"), Col.num("B/op"),
                Col.num("Peak RSS"), Col.num("Mean RSS"), Col.num("CPU (cores)"));
    }

    /** A table of resource rows; {@code root} leads from the page to the site root. */
    public static DataTable table(String id, String caption, List<ResourceData.Row> rows, String root, String downloads) {
        List<List<Cell>> out = new ArrayList<>();
        for (ResourceData.Row r : rows) {
            out.add(List.of(
                    Cell.link(label(r), root + BenchmarkPage.pageFile(r.benchmark())).raw(r.caseKey()),
                    Cell.num(r.threads(), Integer.toString(r.threads())),
                    num(r.score(), Fmt.num(r.score()) + " " + r.unit()),
                    num(r.bytesPerSecond(), ByteRate.format(r.bytesPerSecond())),
                    latency(r.p50(), r), latency(r.p95(), r), latency(r.p99(), r),
                    num(r.bytesPerOp(), Double.isNaN(r.bytesPerOp()) ? NONE : Fmt.num(r.bytesPerOp()) + " B"),
                    num(r.rssPeak(), Double.isNaN(r.rssPeak()) ? NONE : Fmt.bytes((long) r.rssPeak())),
                    num(r.rssMean(), Double.isNaN(r.rssMean()) ? NONE : Fmt.bytes((long) r.rssMean())),
                    num(r.cpuCores(), Double.isNaN(r.cpuCores()) ? NONE : String.format(java.util.Locale.ROOT, "%.2f", r.cpuCores()))));
        }
        return new DataTable(id, caption, columns(), out, downloads);
    }

    /**
     * The per-operation latency of the sample-mode cases among {@code rows}: operations timed and
     * p50, p90, p95, p99, p99.9 from JMH's histogram; empty when no case ran in sample mode.
     */
    public static DataTable latencyTable(String id, String caption, List<ResourceData.Row> rows, String downloads) {
        List<List<Cell>> out = new ArrayList<>();
        for (ResourceData.Row r : rows) {
            if (!r.hasLatency()) {
                continue;
            }
            out.add(List.of(Cell.of(label(r)).raw(r.caseKey()), Cell.num(r.operations(), Long.toString(r.operations())),
                    latency(r.p50(), r), latency(r.p90(), r), latency(r.p95(), r), latency(r.p99(), r),
                    latency(r.p999(), r), num(r.score(), Fmt.num(r.score()) + " " + r.unit().replace("/op", ""))));
        }
        return new DataTable(id, caption, List.of(Col.text("Case"), Col.num("Operations"), Col.num("p50"),
                Col.num("p90"), Col.num("p95"), Col.num("p99"), Col.num("p99.9"), Col.num("Mean")), out, downloads);
    }

    /** A per-operation percentile with its unit; a dash outside sample mode. */
    private static Cell latency(double v, ResourceData.Row r) {
        return num(v, Double.isNaN(v) ? NONE : Fmt.num(v) + " " + r.unit().replace("/op", ""));
    }

    private static Cell num(double v, String text) {
        return Double.isNaN(v) ? Cell.of(NONE).raw("") : Cell.num(v, text);
    }

    /** The case key with the benchmark's package left out: {@code AesGcmBenchmark.encrypt[size=64]@thrpt}. */
    static String label(ResourceData.Row r) {
        return r.caseKey().startsWith(r.benchmark()) ? shortName(r.benchmark()) + r.caseKey().substring(r.benchmark().length())
                : r.caseKey();
    }

    /** The class and method of a benchmark name: {@code AesGcmBenchmark.encrypt}. */
    public static String shortName(String benchmark) {
        int method = benchmark.lastIndexOf('.');
        int cls = method > 0 ? benchmark.lastIndexOf('.', method - 1) : -1;
        return cls >= 0 ? benchmark.substring(cls + 1) : benchmark;
    }
}

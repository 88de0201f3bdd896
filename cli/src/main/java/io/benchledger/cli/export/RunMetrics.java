package io.benchledger.cli.export;

import io.benchledger.archive.BadInputException;
import io.benchledger.archive.query.ArchiveDatabase;
import io.benchledger.archive.format.Table;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One run's results as Prometheus gauges (see docs/integrations.md for the names). The run id is not a
 * label of the measurements: it changes every run and would make every run a new series; it is on
 * {@code benchledger_run_info} instead. No sample carries a timestamp, because the node exporter's
 * textfile collector and the Pushgateway both refuse timestamped samples.
 */
public final class RunMetrics {
    static final String ALLOCATION = "gc.alloc.rate.norm";
    static final String RSS_PEAK = "proc.rss.peak";
    static final String CPU_UTIL = "proc.cpu.util";
    private static final String[] PERCENTILES = {"50", "90", "99", "99.9"};

    private RunMetrics() {
    }

    public static MetricSnapshots of(ArchiveDatabase db, String runId) throws SQLException {
        Table t = db.query("run_results_for_export", runId);
        if (t.size() == 0) {
            throw new BadInputException("run " + runId + " has no results to export");
        }
        Map<String, Family> families = new LinkedHashMap<>();
        Family score = family(families, "benchledger_score", "The run's score of each benchmark (unit in the unit label)", null);
        Family error = family(families, "benchledger_score_error", "Half-width of the score's 99.9 % confidence interval (JMH's score error)", null);
        Family pct = family(families, "benchledger_score_percentile", "Percentiles of the per-operation time (JMH sample mode)", null);
        Family alloc = family(families, "benchledger_allocation_per_op_bytes", "Bytes allocated per operation (gc.alloc.rate.norm)", Unit.BYTES);
        Family rss = family(families, "benchledger_process_rss_peak_bytes", "Peak resident set size of the largest measuring JVM", Unit.BYTES);
        Family cpu = family(families, "benchledger_process_cpu_cores", "CPU seconds per wall second of the measuring JVMs (mean over forks)", null);
        Family other = family(families, "benchledger_secondary_score", "Other secondary metrics of JMH profilers (name in the metric label)", null);
        Family info = family(families, "benchledger_run_info", "The exported run: 1, with its id, commit and suite as labels", null);
        Family started = family(families, "benchledger_run_start_time_seconds", "When the exported run started (Unix time)", Unit.SECONDS);

        List<String> cols = t.columns();
        List<Object> first = t.rows().get(0);
        String project = (String) first.get(cols.indexOf("project"));
        String version = (String) first.get(cols.indexOf("version"));
        Labels runLabels = Labels.of("project", project, "version", version);
        info.add(runLabels.merge(Labels.of("run_id", runId, "commit", (String) first.get(cols.indexOf("commit")),
                "suite", (String) first.get(cols.indexOf("suite")))), 1);
        started.add(runLabels, ((Number) first.get(cols.indexOf("started_ms"))).doubleValue() / 1000.0);

        for (List<Object> r : t.rows()) {
            String metric = (String) r.get(cols.indexOf("metric"));
            String unit = (String) r.get(cols.indexOf("unit"));
            Labels labels = runLabels.merge(Labels.of("benchmark", (String) r.get(cols.indexOf("benchmark")),
                    "params", params(r.get(cols.indexOf("params"))), "mode", (String) r.get(cols.indexOf("mode")),
                    "threads", String.valueOf(r.get(cols.indexOf("threads")))));
            double value = number(r.get(cols.indexOf("score")));
            switch (metric) {
                case "primary" -> {
                    Labels withUnit = labels.add("unit", unit);
                    score.add(withUnit, value);
                    error.add(withUnit, number(r.get(cols.indexOf("score_error"))));
                    String[] columns = {"p50", "p90", "p99", "p999"};
                    // per-operation percentiles only from sample mode: elsewhere they are of iteration scores
                    for (int i = 0; i < columns.length && "sample".equals(r.get(cols.indexOf("mode"))); i++) {
                        pct.add(withUnit.add("percentile", PERCENTILES[i]), number(r.get(cols.indexOf(columns[i]))));
                    }
                }
                case ALLOCATION -> alloc.add(labels, value);
                case RSS_PEAK -> rss.add(labels, value);
                case CPU_UTIL -> cpu.add(labels, value);
                default -> other.add(labels.add("metric", metric).add("unit", unit), value);
            }
        }
        return new MetricSnapshots(families.values().stream().filter(f -> !f.points.isEmpty()).map(Family::snapshot)
                .collect(Collectors.toList()));
    }

    /** Parameters in one label, as in the case key: {@code k=v,k2=v2} sorted by name; empty when none. */
    static String params(Object map) {
        if (!(map instanceof Map<?, ?> m) || m.isEmpty()) {
            return "";
        }
        return m.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).sorted().collect(Collectors.joining(","));
    }

    private static double number(Object v) {
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private static Family family(Map<String, Family> families, String name, String help, Unit unit) {
        Family f = new Family(name, help, unit);
        families.put(name, f);
        return f;
    }

    /** A metric family being filled; values that are not numbers (NaN, missing) are left out. */
    private static final class Family {
        final String name;
        final String help;
        final Unit unit;
        final List<GaugeDataPointSnapshot> points = new ArrayList<>();

        Family(String name, String help, Unit unit) {
            this.name = name;
            this.help = help;
            this.unit = unit;
        }

        void add(Labels labels, double value) {
            if (Double.isFinite(value)) {
                points.add(GaugeDataPointSnapshot.builder().labels(labels).value(value).build());
            }
        }

        GaugeSnapshot snapshot() {
            GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(name).help(help);
            if (unit != null) {
                b.unit(unit);
            }
            points.forEach(b::dataPoint);
            return b.build();
        }
    }
}

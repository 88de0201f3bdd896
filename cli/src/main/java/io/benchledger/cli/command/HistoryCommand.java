package io.benchledger.cli.command;

import io.benchledger.archive.BadInputException;
import io.benchledger.archive.analysis.changepoint.ChangePoint;
import io.benchledger.archive.analysis.changepoint.ChangePointAnalysis;
import io.benchledger.archive.analysis.changepoint.Drift;
import io.benchledger.archive.analysis.changepoint.EDivisive;
import io.benchledger.archive.analysis.changepoint.SeriesDetector;
import io.benchledger.archive.analysis.history.CaseSeries;
import io.benchledger.archive.analysis.history.History;
import io.benchledger.archive.analysis.history.RunPoint;
import io.benchledger.archive.analysis.trend.Trend;
import io.benchledger.archive.analysis.trend.TrendAnalysis;
import io.benchledger.archive.format.OutputFormat;
import io.benchledger.archive.format.Table;
import io.benchledger.archive.format.TableFormatter;
import io.benchledger.archive.query.ArchiveDatabase;
import io.benchledger.archive.store.Archive;
import io.benchledger.cli.ArchiveOptions;
import io.benchledger.cli.CasePattern;
import io.benchledger.cli.FormatOption;
import io.benchledger.cli.GlobalOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "history", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Shows the history of one case, or of every case matching a pattern: one value per run",
                "(the run's score), as a sparkline with its change points marked (▲ improvement, ▼ regression)",
                "and its drifts underlined (╱ rising, ╲ falling), the change points and drifts, and the trend of the",
                "last 30 days within the segment since the last step. --format json/csv/markdown give the points."})
public final class HistoryCommand implements Callable<Integer> {
    private static final String BLOCKS = "▁▂▃▄▅▆▇█";

    @Mixin
    ArchiveOptions archiveOptions;
    @Mixin
    FormatOption formatOption;
    @Mixin
    DetectorOptions detector;
    @Mixin
    DriftThresholdOptions thresholds;
    @Mixin
    GlobalOptions global;

    @Parameters(paramLabel = "CASE|PATTERN",
            description = "A case key (as in 'changes'), or a benchmark name as you would type it, with or without its "
                    + "package and parameters (AesGcmBenchmark.encrypt), with * (any text) and ? (one character).")
    String selector;

    @Option(names = "--metric", paramLabel = "NAME", description = "Only this metric (default: every metric of the case).")
    String metric;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
            description = "At most this many cases when a pattern matches more (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--width", paramLabel = "COLUMNS", defaultValue = "72",
            description = "Width of the sparkline; longer histories are averaged into this many columns (default: ${DEFAULT-VALUE}).")
    int width;

    /** One series with what was found in it. */
    record Shown(CaseSeries series, List<ChangePoint> changePoints, List<Drift> drifts, Optional<Trend> trend,
                 int segmentStart, History history) {
    }

    @Override
    public Integer call() throws Exception {
        if (width < 8) {
            throw new BadInputException("--width " + width + ": must be at least 8 columns");
        }
        Archive archive = archiveOptions.openExisting();
        io.benchledger.archive.analysis.compare.ComparisonOptions judged = thresholds.options(archiveOptions.project);
        io.benchledger.archive.analysis.changepoint.Acknowledgements acks =
                io.benchledger.archive.analysis.changepoint.Acknowledgements.read(archive);
        List<Shown> shown = new ArrayList<>();
        try (ArchiveDatabase db = ArchiveDatabase.open(archive)) {
            List<String> keys = History.caseKeys(db, archiveOptions.project);
            List<String> matched = match(selector, keys);
            if (matched.isEmpty()) {
                throw new BadInputException("no case of project '" + archiveOptions.project + "' matches '" + selector
                        + "' (list them with: benchledger sql \"SELECT DISTINCT case_key FROM results\")");
            }
            if (matched.size() > limit) {
                System.err.printf("history: %d cases match '%s'; showing the first %d (--limit)%n", matched.size(),
                        selector, limit);
                matched = matched.subList(0, limit);
            }
            for (String key : matched) {
                History h = History.loadCase(db, archiveOptions.project, key);
                for (CaseSeries s : h.series()) {
                    if (metric != null && !metric.equals(s.metric())) {
                        continue;
                    }
                    SeriesDetector.Detection d = SeriesDetector.detect(s.values(), detector.settings());
                    List<ChangePoint> cps = new ArrayList<>();
                    for (EDivisive.Split split : d.changePoints()) {
                        cps.add(ChangePointAnalysis.changePoint(h, s, split));
                    }
                    Instant[] times = new Instant[s.size()];
                    for (int i = 0; i < times.length; i++) {
                        times[i] = h.runs().get(s.runIndexes()[i]).time();
                    }
                    List<Drift> drifts = new ArrayList<>();
                    for (var x : d.drifts()) {
                        Drift drift = ChangePointAnalysis.drift(h, s, x, d.noise());
                        var ack = acks.acknowledgedDrift(s, x.start(), x.end(), h.runsById());
                        drifts.add(ack.isPresent() ? drift.withAcknowledgedChange(ack.getAsDouble()) : drift);
                    }
                    drifts = io.benchledger.archive.analysis.changepoint.DriftAlerts.judge(drifts, judged);
                    // the trend belongs to the current level: fitted since the last step, never across it
                    int segment = TrendAnalysis.lastSegmentStart(EDivisive.indexes(d.changePoints()));
                    shown.add(new Shown(s, cps, drifts, TrendAnalysis.sinceLastStep(times, s.values(),
                            s.higherIsBetter(), segment), segment, h));
                }
            }
        }
        if (shown.isEmpty()) {
            throw new BadInputException("case '" + selector + "' has no metric '" + metric + "'");
        }
        OutputFormat f = formatOption.format;
        if (f == OutputFormat.TABLE) {
            for (Shown s : shown) {
                System.out.print(text(s));
            }
        } else if (f == OutputFormat.JSON) {
            System.out.print(TableFormatter.json(Map.of("series", shown.stream().map(HistoryCommand::json).toList())));
        } else {
            System.out.print(TableFormatter.format(points(shown, f), f));
        }
        return 0;
    }

    /** Exact key first; otherwise a glob over the key, the benchmark name or a dotted tail of them (see CasePattern). */
    static List<String> match(String selector, List<String> keys) {
        return CasePattern.of(selector).select(keys);
    }

    private String text(Shown s) {
        CaseSeries series = s.series();
        StringBuilder sb = new StringBuilder();
        sb.append(clean(series.caseKey())).append("  ").append(clean(series.metric())).append("  [")
                .append(clean(series.unit())).append(series.higherIsBetter() ? ", higher is better" : ", lower is better")
                .append("]  ").append(series.size()).append(series.size() == 1 ? " run" : " runs").append('\n');
        double[] v = series.values();
        int cols = Math.min(width, v.length);
        double[] colMean = new double[cols];
        int[] colCount = new int[cols];
        for (int i = 0; i < v.length; i++) {
            int c = (int) ((long) i * cols / v.length);
            colMean[c] += v[i];
            colCount[c]++;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < cols; c++) {
            colMean[c] /= colCount[c];
            min = Math.min(min, colMean[c]);
            max = Math.max(max, colMean[c]);
        }
        StringBuilder line = new StringBuilder("  ");
        for (int c = 0; c < cols; c++) {
            int level = max > min ? (int) Math.round((colMean[c] - min) / (max - min) * (BLOCKS.length() - 1)) : 3;
            line.append(BLOCKS.charAt(level));
        }
        sb.append(line).append(String.format(Locale.ROOT, "  %s … %s%n", TableFormatter.cell(min), TableFormatter.cell(max)));
        char[] marks = " ".repeat(cols).toCharArray();
        for (Drift d : s.drifts()) {
            for (int c = (int) ((long) d.startIndex() * cols / v.length); c <= (long) d.endIndex() * cols / v.length; c++) {
                marks[c] = ChangePoint.REGRESSION.equals(d.direction()) ? '╲' : '╱';
            }
        }
        for (ChangePoint cp : s.changePoints()) {
            int c = (int) ((long) cp.index() * cols / v.length);
            marks[c] = ChangePoint.REGRESSION.equals(cp.direction()) ? '▼' : '▲';
        }
        String markLine = new String(marks).stripTrailing();
        if (!markLine.isEmpty()) {
            sb.append("  ").append(markLine).append('\n');
        }
        RunPoint first = s.history().runs().get(series.runIndexes()[0]);
        RunPoint last = s.history().runs().get(series.runIndexes()[series.size() - 1]);
        sb.append(String.format(Locale.ROOT, "  %s (%s) … %s (%s), latest %s%n", first.time(), first.version(),
                last.time(), last.version(), TableFormatter.cell(v[v.length - 1])));
        for (ChangePoint cp : s.changePoints()) {
            sb.append(String.format(Locale.ROOT, "  %s %s at run %d (%s, version %s, commit %s): %s → %s, p = %s%n",
                    ChangePoint.REGRESSION.equals(cp.direction()) ? "▼" : "▲", TableFormatter.percent(cp.change()),
                    cp.index(), cp.time(), cp.version(), cp.commit().length() > 12 ? cp.commit().substring(0, 12) : cp.commit(),
                    TableFormatter.cell(cp.before()), TableFormatter.cell(cp.after()), TableFormatter.probability(cp.pValue())));
        }
        for (Drift d : s.drifts()) {
            String perDay = Double.isFinite(d.changePerDay()) ? TableFormatter.rate(d.changePerDay()) : "n/a";
            sb.append(String.format(Locale.ROOT,
                    "  %s drift %s over runs %d–%d (%s … %s, version %s … %s): %s → %s, %s per run, %s per day, p = %s; %s%n",
                    ChangePoint.REGRESSION.equals(d.direction()) ? "╲" : "╱", TableFormatter.percent(d.change()),
                    d.startIndex(), d.endIndex(), d.startTime(), d.endTime(), d.startVersion(), d.endVersion(),
                    TableFormatter.cell(d.before()), TableFormatter.cell(d.after()),
                    TableFormatter.rate(d.changePerRun()), perDay, TableFormatter.probability(d.pValue()), DriftJson.verdict(d)));
        }
        if (s.changePoints().isEmpty()) {
            sb.append("  no change point\n");
        }
        if (s.drifts().isEmpty()) {
            sb.append("  no drift\n");
        }
        String since = s.segmentStart() > 0 ? " since the step at run " + s.segmentStart() : "";
        s.trend().ifPresentOrElse(t -> sb.append(String.format(Locale.ROOT,
                        "  trend over the last %d runs%s (%s … %s): %s, %s per day, R² = %.2f, p = %s%n", t.points(),
                        since, t.from(), t.to(), t.direction(), TableFormatter.percent(t.relativeSlopePerDay()),
                        t.rSquared(), TableFormatter.probability(t.pValue()))),
                () -> sb.append("  trend: fewer than ").append(TrendAnalysis.MIN_POINTS)
                        .append(" runs in the last 30 days").append(since).append('\n'));
        sb.append('\n');
        return sb.toString();
    }

    private static String clean(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(cp -> sb.append(Character.isISOControl(cp) ? "\uFFFD" : Character.toString(cp)));
        return sb.toString();
    }

    private static Map<String, Object> json(Shown s) {
        CaseSeries series = s.series();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("case_key", series.caseKey());
        m.put("benchmark", series.benchmark());
        m.put("metric", series.metric());
        m.put("unit", series.unit());
        m.put("higher_is_better", series.higherIsBetter());
        List<Map<String, Object>> points = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            RunPoint r = s.history().runs().get(series.runIndexes()[i]);
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("index", i);
            p.put("run_id", r.runId());
            p.put("version", r.version());
            p.put("commit", r.commit());
            p.put("time", r.time().toString());
            p.put("value", series.values()[i]);
            points.add(p);
        }
        m.put("points", points);
        m.put("change_points", s.changePoints().stream().map(ChangePointJson::of).toList());
        m.put("drifts", s.drifts().stream().map(DriftJson::of).toList());
        m.put("trend", s.trend().map(t -> {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("segment_start_index", s.segmentStart());
            j.put("slope_per_day", t.slopePerDay());
            j.put("relative_slope_per_day", t.relativeSlopePerDay());
            j.put("r_squared", t.rSquared());
            j.put("p_value", t.pValue());
            j.put("points", t.points());
            j.put("from", t.from().toString());
            j.put("to", t.to().toString());
            j.put("direction", t.direction());
            return (Object) j;
        }).orElse(null));
        return m;
    }

    private static Table points(List<Shown> shown, OutputFormat f) {
        List<String> cols = List.of("case_key", "metric", "index", "run_id", "version", "commit", "time", "value",
                "change_point", "drift");
        List<List<Object>> rows = new ArrayList<>();
        for (Shown s : shown) {
            Set<Integer> at = new HashSet<>();
            Map<Integer, String> dir = new java.util.HashMap<>();
            for (ChangePoint cp : s.changePoints()) {
                at.add(cp.index());
                dir.put(cp.index(), cp.direction());
            }
            CaseSeries series = s.series();
            String[] drift = new String[series.size()];
            for (Drift d : s.drifts()) {
                for (int i = d.startIndex(); i <= d.endIndex(); i++) {
                    drift[i] = d.direction();
                }
            }
            for (int i = 0; i < series.size(); i++) {
                RunPoint r = s.history().runs().get(series.runIndexes()[i]);
                rows.add(new ArrayList<>(List.of(series.caseKey(), series.metric(), i, r.runId(), r.version(), r.commit(),
                        r.time().toString(), series.values()[i], at.contains(i) ? dir.get(i) : "",
                        drift[i] == null ? "" : drift[i])));
            }
        }
        return new Table(cols, rows);
    }
}

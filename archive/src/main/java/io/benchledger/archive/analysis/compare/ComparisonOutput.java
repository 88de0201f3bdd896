package io.benchledger.archive.analysis.compare;

import io.benchledger.archive.format.ByteRate;
import io.benchledger.archive.format.OutputFormat;
import io.benchledger.archive.format.Table;
import io.benchledger.archive.format.TableFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders a {@link ComparisonReport} as an aligned table, JSON (the design's contract), CSV or Markdown. */
public final class ComparisonOutput {
    private ComparisonOutput() {
    }

    public static String format(ComparisonReport r, OutputFormat f) {
        return switch (f) {
            case TABLE -> TableFormatter.format(readable(r.cases(), r), OutputFormat.TABLE) + summaryLine(r) + "\n";
            case JSON -> TableFormatter.json(json(r));
            case CSV -> TableFormatter.format(flat(r.cases(), r), OutputFormat.CSV);
            case MARKDOWN -> markdown(r);
        };
    }

    /** The table people read: one line per case, verdict first. */
    public static Table readable(List<CaseComparison> cases) {
        List<List<Object>> rows = new ArrayList<>();
        for (CaseComparison c : cases) {
            List<Object> row = new ArrayList<>();
            row.add(c.verdict().json());
            row.add(c.verdict() == Verdict.REGRESSED || c.verdict() == Verdict.IMPROVED ? c.severity().json() : "");
            row.add(c.caseKey());
            row.add(c.metric());
            row.add(withUnit(c.baselineCentre(), c.unit()));
            row.add(withUnit(c.candidateCentre(), c.unit()));
            row.add(Double.isNaN(c.change()) && !Double.isNaN(c.basis().difference()) && c.verdict() != Verdict.FAILED
                    ? (c.basis().difference() >= 0 ? "+" : "") + TableFormatter.cell(c.basis().difference()) + unitSuffix(c.unit())
                    : pct(c.change()));
            row.add(Double.isNaN(c.ciLow()) ? NA : "[" + pct(c.ciLow()) + ", " + pct(c.ciHigh()) + "]");
            row.add(Double.isNaN(c.qValue()) ? NA : TableFormatter.probability(c.qValue()));
            row.add(c.verdict() == Verdict.FAILED ? "" : c.band().json());
            row.add(c.baselineSamples() + "/" + c.candidateSamples());
            row.add(note(c));
            rows.add(row);
        }
        return new Table(List.of("verdict", "severity", "case", "metric", "baseline", "candidate", "change",
                "95% interval", "q", "band", "n", "note"), rows);
    }

    /** The readable table with each sample-mode case's tail and what regressed in its note. */
    public static Table readable(List<CaseComparison> cases, ComparisonReport r) {
        Table t = readable(cases);
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            List<Object> row = new ArrayList<>(t.rows().get(i));
            String tail = TailText.note(cases.get(i), r);
            if (!tail.isEmpty()) {
                Object note = row.get(row.size() - 1);
                row.set(row.size() - 1, note == null || note.toString().isEmpty() ? tail : note + "; " + tail);
            }
            rows.add(row);
        }
        return new Table(t.columns(), rows);
    }

    private static Map<String, Object> levels(String k1, double v1, String k2, double v2, String k3, double v3) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        m.put(k3, v3);
        return m;
    }

    private static String note(CaseComparison c) {
        if (c.verdict() == Verdict.FAILED) {
            String f = c.failure().replaceAll("\\s+", " ");
            return f.length() > 80 ? f.substring(0, 79) + "…" : f;
        }
        if (!c.basis().reason().isEmpty()) {
            return c.basis().reason();
        }
        if (c.verdict() == Verdict.INCONCLUSIVE) {
            return c.samplesNeeded() == Long.MAX_VALUE ? "too noisy for the threshold"
                    : "needs " + c.samplesNeeded() + " " + c.testUnit() + "/side";
        }
        return "";
    }

    public static String summaryLine(ComparisonReport r) {
        ComparisonSummary s = r.summary();
        StringBuilder sb = new StringBuilder();
        sb.append(s.total()).append(" compared: ")
                .append(s.count(Verdict.REGRESSED)).append(" regressed, ")
                .append(s.count(Verdict.IMPROVED)).append(" improved, ")
                .append(s.count(Verdict.UNCHANGED)).append(" unchanged, ")
                .append(s.count(Verdict.INCONCLUSIVE)).append(" inconclusive, ")
                .append(s.count(Verdict.FAILED)).append(" failed");
        if (!Double.isNaN(s.geomeanRatio())) {
            sb.append("; geomean candidate/baseline ").append(String.format(Locale.ROOT, "%.4f", s.geomeanRatio()))
                    .append(" (").append(pct(s.geomeanSpeedup() - 1)).append(" better-is-positive)");
        }
        if (!s.onlyInBaseline().isEmpty() || !s.onlyInCandidate().isEmpty()) {
            sb.append("; not compared: ").append(s.onlyInBaseline().size()).append(" only in baseline, ")
                    .append(s.onlyInCandidate().size()).append(" only in candidate");
        }
        sb.append("\nbaseline ").append(r.baseline().label()).append(", candidate ").append(r.candidate().label())
                .append("; q < ").append(r.options().alpha()).append(" and interval beyond ±")
                .append(pctPlain(r.options().threshold()))
                .append(r.cases().stream().anyMatch(c -> VerdictBasis.LEARNED.equals(c.basis().thresholdSource()))
                        ? " (or the case's learned threshold: " + HistoryComparison.K + " × its run-to-run σ)" : "")
                .append(" to count as a change; baseline, candidate and change are of the ")
                .append(r.options().centre().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        return sb.toString();
    }

    /** One row per case with every field of the JSON contract, full precision (CSV). */
    public static Table flat(List<CaseComparison> cases) {
        return flat(cases, null);
    }

    /** The CSV rows with {@code regression_type} and the tail's fields ({@code tail_…}) when a report is given. */
    public static Table flat(List<CaseComparison> cases, ComparisonReport r) {
        List<Map<String, Object>> maps = cases.stream().map(c -> r == null ? caseJson(c) : TailText.flatten(caseJson(c, r))).toList();
        List<String> cols = maps.isEmpty() ? new ArrayList<>(caseJson(emptyCase()).keySet()) : new ArrayList<>(maps.get(0).keySet());
        List<List<Object>> rows = new ArrayList<>();
        for (Map<String, Object> m : maps) {
            List<Object> row = new ArrayList<>();
            for (String c : cols) {
                Object v = m.get(c);
                if (v instanceof Map<?, ?> p) {
                    StringBuilder sb = new StringBuilder();
                    p.forEach((k, val) -> sb.append(sb.length() == 0 ? "" : ";").append(k).append('=').append(val));
                    v = sb.toString();
                }
                row.add(v);
            }
            rows.add(row);
        }
        return new Table(cols, rows);
    }

    private static CaseComparison emptyCase() {
        return new CaseComparison("", "", new java.util.TreeMap<>(), "", "", true, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                Verdict.UNCHANGED, Severity.NONE, 0, 0, 0, "", 0, "", "", 0, 0, 0, Band.ACCEPTABLE, "", 0, 0);
    }

    public static Map<String, Object> json(ComparisonReport r) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("baseline", side(r.baseline()));
        doc.put("candidate", side(r.candidate()));
        ComparisonOptions o = r.options();
        Map<String, Object> opts = new LinkedHashMap<>();
        opts.put("project", o.project());
        opts.put("suite", o.suite());
        opts.put("benchmark", o.benchmark().map(java.util.regex.Pattern::pattern).orElse(""));
        opts.put("metric", o.metric());
        opts.put("alpha", o.alpha());
        opts.put("threshold", o.threshold());
        opts.put("case_thresholds", o.caseThresholds());
        opts.put("confidence", o.confidence());
        opts.put("replicates", o.replicates());
        opts.put("seed", o.seed());
        opts.put("min_forks", o.minForks());
        opts.put("power", o.power());
        opts.put("centre", o.centre().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        // ordered maps: Map.of's iteration order differs from one JVM to the next
        opts.put("severity", levels("minor", o.severity().minor(), "major", o.severity().major(), "critical",
                o.severity().critical()));
        opts.put("bands", levels("acceptable", o.bands().acceptable(), "warning", o.bands().warning(), "critical",
                o.bands().critical()));
        doc.put("options", opts);
        doc.put("cases", r.cases().stream().map(c -> caseJson(c, r)).toList());
        ComparisonSummary s = r.summary();
        Map<String, Object> sum = new LinkedHashMap<>();
        for (Verdict v : Verdict.values()) {
            sum.put(v.json(), s.count(v));
        }
        sum.put("total", s.total());
        sum.put("geomean_ratio", num(s.geomeanRatio()));
        sum.put("geomean_speedup", num(s.geomeanSpeedup()));
        sum.put("only_in_baseline", s.onlyInBaseline());
        sum.put("only_in_candidate", s.onlyInCandidate());
        doc.put("summary", sum);
        return doc;
    }

    private static Map<String, Object> side(ResolvedSide s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("spec", s.side().spec());
        m.put("versions", s.versions());
        m.put("runs", s.runIds());
        m.put("holds", s.holds());
        return m;
    }

    public static Map<String, Object> caseJson(CaseComparison c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("case_key", c.caseKey());
        m.put("benchmark", c.benchmark());
        m.put("params", c.params());
        m.put("metric", c.metric());
        m.put("unit", c.unit());
        m.put("higher_is_better", c.higherIsBetter());
        m.put("baseline_mean", num(c.baselineMean()));
        m.put("candidate_mean", num(c.candidateMean()));
        m.put("change", num(c.change()));
        m.put("ci_low", num(c.ciLow()));
        m.put("ci_high", num(c.ciHigh()));
        m.put("p_value", num(c.pValue()));
        m.put("q_value", num(c.qValue()));
        m.put("verdict", c.verdict().json());
        m.put("severity", c.severity().json());
        m.put("baseline_samples", c.baselineSamples());
        m.put("candidate_samples", c.candidateSamples());
        m.put("mode", c.mode());
        m.put("baseline_centre", num(c.baselineCentre()));
        m.put("candidate_centre", num(c.candidateCentre()));
        m.put("baseline_median", num(c.baselineMedian()));
        m.put("candidate_median", num(c.candidateMedian()));
        m.put("welch_p_value", num(c.welchPValue()));
        m.put("mann_whitney_p_value", num(c.mannWhitneyPValue()));
        m.put("test", c.test());
        m.put("test_unit", c.testUnit());
        m.put("effect_size", num(c.effectSize()));
        m.put("baseline_forks", c.baselineForks());
        m.put("candidate_forks", c.candidateForks());
        m.put("threshold", num(c.threshold()));
        m.put("threshold_source", c.basis().thresholdSource());
        m.put("model", c.basis().model());
        m.put("baseline_runs", c.basis().baselineRuns());
        m.put("baseline_from", c.basis().baselineFrom());
        m.put("run_to_run", num(c.basis().runToRun()));
        m.put("difference", num(c.basis().difference()));
        m.put("gated", c.basis().gated());
        m.put("reason", c.basis().reason());
        m.put("band", c.verdict() == Verdict.FAILED ? null : c.band().json());
        m.put("samples_needed", c.samplesNeeded() == Long.MAX_VALUE ? null : c.samplesNeeded());
        m.put("failure", c.failure());
        return m;
    }

    /**
     * A case's JSON with what regressed ({@code regression_type}) and, for a sample-mode case, its
     * {@code tail} (p99) and {@code tail_p999} (when there were enough operations for it).
     */
    public static Map<String, Object> caseJson(CaseComparison c, ComparisonReport r) {
        Map<String, Object> m = caseJson(c);
        m.put("regression_type", r.regressionType(c).json());
        List<TailComparison> tails = r.tails(c);
        m.put("tail", tails.isEmpty() ? null : tails.get(0).json());
        if (tails.size() > 1) {
            m.put("tail_p999", tails.get(1).json());
        }
        return m;
    }

    private static Object num(double d) {
        return Double.isFinite(d) ? d : null;
    }

    static String markdown(ComparisonReport r) {
        StringBuilder sb = new StringBuilder();
        ComparisonSummary s = r.summary();
        sb.append("**Benchmark comparison** ").append(md(r.baseline().label())).append(" → ")
                .append(md(r.candidate().label())).append("\n\n");
        sb.append(md(summaryLine(r).replace('\n', ' '))).append("\n\n");
        List<CaseComparison> notable = r.cases().stream()
                .filter(c -> c.verdict() != Verdict.UNCHANGED || r.regressionType(c).tail()).toList();
        List<CaseComparison> unchanged = r.cases().stream()
                .filter(c -> c.verdict() == Verdict.UNCHANGED && !r.regressionType(c).tail()).toList();
        if (!notable.isEmpty()) {
            sb.append(TableFormatter.format(readable(notable, r), OutputFormat.MARKDOWN)).append('\n');
        }
        if (!unchanged.isEmpty()) {
            sb.append("<details><summary>").append(unchanged.size()).append(" unchanged</summary>\n\n");
            sb.append(TableFormatter.format(readable(unchanged, r), OutputFormat.MARKDOWN));
            sb.append("\n</details>\n");
        }
        return sb.toString();
    }

    /** Markdown text outside tables: escape what would inject markup into a PR comment. */
    private static String md(String s) {
        StringBuilder sb = new StringBuilder();
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '|', '\\', '`', '*', '_', '[', ']', '<', '>', '#' -> sb.append('\\').append(ch);
                case '\n', '\r' -> sb.append(' ');
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }

    /** What a reader sees where a value is unknown (no samples, a baseline of zero, one sample a side). */
    static final String NA = "n/a";

    private static String number(double d) {
        return Double.isNaN(d) ? NA : TableFormatter.cell(d);
    }

    /** A value with its unit; bytes per second scaled to kB/s, MB/s or GB/s. */
    private static String withUnit(double d, String unit) {
        if (Double.isNaN(d)) {
            return NA;
        }
        if (ByteRate.UNIT.equals(unit)) {
            return ByteRate.format(d);
        }
        return number(d) + unitSuffix(unit);
    }

    private static String unitSuffix(String unit) {
        return unit.isEmpty() ? "" : " " + unit;
    }

    static String pct(double fraction) {
        return Double.isNaN(fraction) ? NA : TableFormatter.percent(fraction);
    }

    private static String pctPlain(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }
}

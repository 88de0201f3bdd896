package io.benchledger.cli.workflow;

import io.benchledger.archive.analysis.budget.BudgetCheck;
import io.benchledger.archive.analysis.budget.BudgetOutput;
import io.benchledger.archive.analysis.changepoint.ChangePoint;
import io.benchledger.archive.analysis.changepoint.Drift;
import io.benchledger.archive.analysis.compare.CaseComparison;
import io.benchledger.archive.analysis.compare.ComparisonOutput;
import io.benchledger.archive.analysis.compare.ComparisonReport;
import io.benchledger.archive.analysis.compare.Verdict;
import io.benchledger.archive.analysis.findings.Findings;
import io.benchledger.archive.format.TableFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The summary of a nightly or release run: one screenful of text for the terminal and CI log, and
 * the same as Markdown for a CI job summary or a pull-request comment.
 */
public final class GateSummary {
    private static final int LISTED = 10;

    private GateSummary() {
    }

    public static String text(String title, Gate g, List<String> outputs) {
        StringBuilder sb = new StringBuilder();
        sb.append(title).append('\n');
        g.comparisons().forEach(c -> comparisonLine(sb, c));
        List<CaseComparison> regressions = g.regressions();
        if (!regressions.isEmpty()) {
            sb.append("regressions:\n");
            regressions.stream().limit(LISTED).forEach(c -> sb.append("  ").append(describe(c)).append('\n'));
            more(sb, regressions.size());
        }
        g.budgets().ifPresent(b -> {
            sb.append("budgets: ").append(BudgetOutput.counts(b)).append('\n');
            b.failures().stream().limit(LISTED).forEach(f -> sb.append("  FAIL ").append(describe(f)).append('\n'));
            more(sb, b.failures().size());
        });
        if (!g.recentChangePoints().isEmpty()) {
            sb.append("recent change points:\n");
            g.recentChangePoints().stream().limit(LISTED).forEach(c -> sb.append("  ").append(describe(c)).append('\n'));
            more(sb, g.recentChangePoints().size());
        }
        if (!g.recentDrifts().isEmpty()) {
            sb.append("recent drifts:\n");
            g.recentDrifts().stream().limit(LISTED).forEach(d -> sb.append("  ").append(describe(d)).append('\n'));
            more(sb, g.recentDrifts().size());
        }
        outputs.forEach(o -> sb.append(o).append('\n'));
        sb.append(g.failed()
                ? String.format(Locale.ROOT, "gate: FAILED (%d regression(s), %d broken budget(s))%n",
                        regressions.size(), g.brokenBudgets().size())
                : "gate: passed\n");
        return sb.toString();
    }

    public static String markdown(String title, Gate g, List<String> outputs) {
        StringBuilder sb = new StringBuilder();
        sb.append("## ").append(TableFormatter.md(title)).append("\n\n");
        sb.append(g.failed() ? "**Gate failed**: " + g.regressions().size() + " regression(s), "
                + g.brokenBudgets().size() + " broken budget(s).\n\n" : "**Gate passed.**\n\n");
        for (Findings.Compared c : g.comparisons()) {
            if (c.report().isEmpty()) {
                continue;
            }
            ComparisonReport r = c.report().get();
            sb.append("### ").append(heading(c)).append("\n\n");
            // the counts and what was compared with what: two paragraphs, as two lines in the terminal
            for (String line : ComparisonOutput.summaryLine(r).split("\n")) {
                sb.append(TableFormatter.md(line)).append("\n\n");
            }
            notes(r).forEach(n -> sb.append("- ").append(TableFormatter.md(n)).append('\n'));
            sb.append(notes(r).isEmpty() ? "" : "\n");
            cases(sb, "Regressions", r, r.cases().stream()
                    .filter(x -> x.verdict() == Verdict.REGRESSED || x.verdict() == Verdict.FAILED
                            || r.regressionType(x).tail()).toList());
            cases(sb, "Improvements", r, r.cases().stream()
                    .filter(x -> x.verdict() == Verdict.IMPROVED && !r.regressionType(x).tail()).toList());
        }
        g.budgets().ifPresent(b -> {
            sb.append("### Budgets\n\n").append(b.checks().size()).append(" checks: ").append(BudgetOutput.counts(b))
                    .append(".\n\n");
            b.failures().stream().limit(LISTED).forEach(f -> sb.append("- ").append(TableFormatter.md(describe(f))).append('\n'));
            if (b.failures().size() > LISTED) {
                sb.append("- … and ").append(b.failures().size() - LISTED).append(" more\n");
            }
            if (!b.failures().isEmpty()) {
                sb.append('\n');
            }
        });
        if (!g.recentChangePoints().isEmpty()) {
            sb.append("### Recent change points\n\n");
            g.recentChangePoints().stream().limit(LISTED).forEach(c -> sb.append("- ").append(TableFormatter.md(describe(c))).append('\n'));
            if (g.recentChangePoints().size() > LISTED) {
                sb.append("- … and ").append(g.recentChangePoints().size() - LISTED).append(" more\n");
            }
            sb.append('\n');
        }
        if (!g.recentDrifts().isEmpty()) {
            sb.append("### Recent drifts\n\n");
            g.recentDrifts().stream().limit(LISTED).forEach(d -> sb.append("- ").append(TableFormatter.md(describe(d))).append('\n'));
            if (g.recentDrifts().size() > LISTED) {
                sb.append("- … and ").append(g.recentDrifts().size() - LISTED).append(" more\n");
            }
            sb.append('\n');
        }
        outputs.forEach(o -> sb.append("- ").append(TableFormatter.md(o)).append('\n'));
        return sb.toString();
    }

    /** "Against the recent runs", "Against 1.2.0": a Markdown heading of one comparison. */
    private static String heading(Findings.Compared c) {
        String words = c.label().replaceFirst("^vs ", "");
        return "Against " + (words.startsWith("recent") || words.startsWith("last") ? "the " : "") + TableFormatter.md(words);
    }

    /** A table of at most {@value #LISTED} cases, largest change first, and how many more there are. */
    private static void cases(StringBuilder sb, String title, ComparisonReport r, List<CaseComparison> cases) {
        if (cases.isEmpty()) {
            return;
        }
        List<CaseComparison> shown = cases.stream()
                .sorted(java.util.Comparator.comparingDouble((CaseComparison c) -> Double.isFinite(c.change())
                        ? -Math.abs(c.change()) : Double.NEGATIVE_INFINITY).thenComparing(CaseComparison::caseKey))
                .limit(LISTED).toList();
        sb.append("**").append(title).append("** (").append(cases.size()).append(")\n\n");
        sb.append(TableFormatter.format(withThresholds(ComparisonOutput.readable(shown, r), shown),
                io.benchledger.archive.format.OutputFormat.MARKDOWN));
        if (cases.size() > LISTED) {
            sb.append("\n… and ").append(cases.size() - LISTED).append(" more (every case is in summary.json and on the site's comparison page)\n");
        }
        sb.append('\n');
    }

    /** The readable table with each case's threshold and its source, as the site and the PDF show it. */
    private static io.benchledger.archive.format.Table withThresholds(io.benchledger.archive.format.Table t,
                                                                      List<CaseComparison> cases) {
        List<List<Object>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            List<Object> row = new java.util.ArrayList<>(t.rows().get(i));
            row.add(threshold(cases.get(i)));
            rows.add(row);
        }
        List<String> columns = new java.util.ArrayList<>(t.columns());
        columns.add("threshold");
        return new io.benchledger.archive.format.Table(columns, rows);
    }

    /** "±3.2% (learned)": the interval must lie beyond it for a change to count. */
    static String threshold(CaseComparison c) {
        return Double.isFinite(c.threshold())
                ? TableFormatter.percent(c.threshold()).replace("+", "±") + " (" + c.basis().thresholdSource() + ")" : "n/a";
    }

    private static void comparisonLine(StringBuilder sb, Findings.Compared c) {
        sb.append(c.label()).append(": ");
        Optional<ComparisonReport> r = c.report();
        if (r.isEmpty()) {
            sb.append(c.missing()).append('\n');
        } else {
            sb.append(ComparisonOutput.summaryLine(r.get())).append('\n');
            notes(r.get()).forEach(n -> sb.append("  ").append(n).append('\n'));
        }
    }

    /**
     * What a reader needs beside the counts: why cases are inconclusive (the commonest reasons), and
     * changes of metrics that are shown but do not gate.
     */
    static List<String> notes(ComparisonReport r) {
        java.util.Map<String, Reason> reasons = new java.util.TreeMap<>();
        int shownOnly = 0;
        java.util.SortedSet<String> shownMetrics = new java.util.TreeSet<>();
        for (CaseComparison c : r.cases()) {
            if (c.verdict() == Verdict.INCONCLUSIVE && !c.basis().reason().isEmpty()) {
                // "needs 12 forks/side, has 3" and the like differ by case in their figures only: one
                // group per wording, its figures shown as ranges ("needs 79–1307 forks/side")
                String reason = c.basis().reason().replaceAll(", has \\d+$", "");
                reasons.computeIfAbsent(reason.replaceAll(Reason.FIGURE, "\u0000"), k -> new Reason()).add(reason);
            }
            if ((c.verdict() == Verdict.REGRESSED || c.verdict() == Verdict.IMPROVED) && !c.basis().gated()) {
                shownOnly++;
                shownMetrics.add(c.metric().equals("primary") ? "primary score" : c.metric());
            }
        }
        List<String> out = new java.util.ArrayList<>();
        reasons.entrySet().stream()
                .sorted(java.util.Comparator.comparingInt((java.util.Map.Entry<String, Reason> e) -> e.getValue().cases).reversed())
                .limit(3)
                .forEach(e -> out.add("inconclusive (" + e.getValue().cases + "): " + e.getValue().text(e.getKey())));
        if (shownOnly > 0) {
            // the metrics by name, so a reader knows which lines of the tables below do not gate
            String names = shownMetrics.stream().limit(4).collect(java.util.stream.Collectors.joining(", "))
                    + (shownMetrics.size() > 4 ? " and " + (shownMetrics.size() - 4) + " more" : "");
            out.add(shownOnly + " change(s) of metrics that are shown, not gated: " + names);
        }
        return out;
    }

    /**
     * The cases of one wording of a reason, and the least and greatest value of each of its figures.
     * A figure written with its sign (a change, an interval's end) keeps it, and its range reads
     * "-10.2 to -9.2": "-9.2–10.2" would hide the second sign.
     */
    static final class Reason {
        static final String FIGURE = "[-+]?\\d+(\\.\\d+)?";
        int cases;
        double[] min;
        double[] max;
        boolean[] signed;

        void add(String reason) {
            List<String> figures = java.util.regex.Pattern.compile(FIGURE).matcher(reason).results()
                    .map(java.util.regex.MatchResult::group).toList();
            if (cases++ == 0) {
                min = new double[figures.size()];
                max = new double[figures.size()];
                signed = new boolean[figures.size()];
                java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
                java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
            }
            for (int i = 0; i < figures.size(); i++) {
                double v = Double.parseDouble(figures.get(i));
                min[i] = Math.min(min[i], v);
                max[i] = Math.max(max[i], v);
                signed[i] |= figures.get(i).startsWith("+") || figures.get(i).startsWith("-");
            }
        }

        /** The wording with each NUL (a figure's place) replaced by its figure, or by its range where the cases differ. */
        String text(String wording) {
            StringBuilder sb = new StringBuilder();
            int i = 0;
            for (char ch : wording.toCharArray()) {
                if (ch == '\u0000') {
                    sb.append(figure(min[i], signed[i]));
                    if (min[i] != max[i]) {
                        sb.append(signed[i] ? " to " : "\u2013").append(figure(max[i], signed[i]));
                    }
                    i++;
                } else {
                    sb.append(ch);
                }
            }
            return sb.toString();
        }

        private static String figure(double v, boolean signed) {
            String digits = v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
            return signed && v >= 0 ? "+" + digits : digits;
        }
    }

    private static void more(StringBuilder sb, int n) {
        if (n > LISTED) {
            sb.append("  … and ").append(n - LISTED).append(" more\n");
        }
    }

    static String describe(CaseComparison c) {
        if (c.verdict() == Verdict.FAILED) {
            return c.caseKey() + " " + (c.metric().equals("primary") ? "" : c.metric() + " ") + c.failure();
        }
        String change = Double.isNaN(c.change()) && Double.isFinite(c.basis().difference())
                ? String.format(Locale.ROOT, "%+.4g %s", c.basis().difference(), c.unit()) // a zero baseline
                : TableFormatter.percent(c.change()) + " [" + TableFormatter.percent(c.ciLow()) + ", "
                        + TableFormatter.percent(c.ciHigh()) + "]";
        return String.format(Locale.ROOT, "%s %s %s q=%s %s (threshold %s, %s)", c.caseKey(),
                c.metric().equals("primary") ? "" : c.metric(), change,
                TableFormatter.probability(c.qValue()), c.severity().json(),
                TableFormatter.percent(c.threshold()).replace("+", ""), c.basis().thresholdSource()).replace("  ", " ");
    }

    static String describe(BudgetCheck b) {
        return b.caseKey() + " " + b.criterion() + ": " + b.note();
    }

    static String describe(ChangePoint c) {
        // a case's other metrics (bytes per second, GC counts) step with it: the metric tells the lines apart
        return String.format(Locale.ROOT, "%s %s%s %s at run %s (version %s%s)", c.caseKey(),
                c.metric().equals("primary") ? "" : c.metric() + " ", c.direction(),
                TableFormatter.percent(c.change()), c.runId(), c.version(), c.commit().isEmpty() ? "" : ", commit " + c.commit());
    }

    /**
     * "case regression +4.9% over 87 runs, r12 → r98 (version …; +0.05% per day, p=3.1e-07): alert (threshold
     * 2.0% configured)": the first and last run, versions beside, and whether it passes the case's threshold.
     */
    static String describe(Drift d) {
        String perDay = Double.isFinite(d.changePerDay()) ? TableFormatter.percent(d.changePerDay()) + " per day" : "n/a per day";
        return String.format(Locale.ROOT, "%s %s%s %s over %d runs, %s → %s (version %s → %s; %s, p=%s): %s", d.caseKey(),
                d.metric().equals("primary") ? "" : d.metric() + " ", d.direction(), TableFormatter.percent(d.change()), d.runs(), d.startRunId(), d.endRunId(),
                d.startVersion(), d.endVersion(), perDay,
                TableFormatter.probability(d.pValue()),
                io.benchledger.cli.command.DriftJson.verdict(d));
    }
}

package io.benchledger.cli.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.benchledger.archive.analysis.budget.BudgetCheck;
import io.benchledger.archive.analysis.changepoint.ChangePoint;
import io.benchledger.archive.analysis.compare.CaseComparison;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The JSON bodies posted for an {@link Alert} (documented in docs/alerts.md). */
public final class AlertPayload {
    /** The plain document's format name and version, for receivers that dispatch on it. */
    public static final String SCHEMA = "benchledger.alert/1";
    /** Lines per list in a chat message; the plain document lists everything. */
    static final int LISTED = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private AlertPayload() {
    }

    public static String body(Alert a, PayloadFormat f) {
        return f == PayloadFormat.SLACK ? slack(a) : plain(a);
    }

    /** benchledger's own document: every finding with its numbers, snake_case, null for "not available". */
    public static String plain(Alert a) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("project", a.project());
        root.put("run_id", a.runId());
        root.put("title", a.title());
        root.put("gate", a.gateFailed() ? "failed" : "passed");
        changes(root.putArray("regressions"), a.regressions());
        changes(root.putArray("improvements"), a.improvements());
        ArrayNode budgets = root.putArray("broken_budgets");
        for (BudgetCheck b : a.brokenBudgets()) {
            ObjectNode o = budgets.addObject();
            o.put("case_key", b.caseKey());
            o.put("metric", b.metric());
            o.put("criterion", b.criterion());
            number(o, "limit", b.limit());
            number(o, "actual", b.actual());
            o.put("unit", b.unit());
            o.put("note", b.note());
        }
        ArrayNode cps = root.putArray("change_points");
        for (ChangePoint c : a.changePoints()) {
            ObjectNode o = cps.addObject();
            o.put("case_key", c.caseKey());
            o.put("metric", c.metric());
            o.put("direction", c.direction());
            number(o, "change", c.change());
            number(o, "before", c.before());
            number(o, "after", c.after());
            number(o, "p_value", c.pValue());
            o.put("run_id", c.runId());
            o.put("version", c.version());
            o.put("commit", c.commit());
        }
        root.set("drifts", JSON.valueToTree(a.drifts().stream().map(io.benchledger.cli.command.DriftJson::of).toList()));
        return root.toString();
    }

    private static void changes(ArrayNode out, List<Alert.Change> changes) {
        for (Alert.Change ch : changes) {
            CaseComparison c = ch.comparison();
            ObjectNode o = out.addObject();
            o.put("case_key", c.caseKey());
            o.put("metric", c.metric());
            o.put("unit", c.unit());
            o.put("against", ch.against());
            number(o, "change", c.change());
            number(o, "ci_low", c.ciLow());
            number(o, "ci_high", c.ciHigh());
            number(o, "q_value", c.qValue());
            o.put("severity", c.severity().json());
        }
    }

    private static void number(ObjectNode o, String field, double v) {
        if (Double.isFinite(v)) {
            o.put(field, v);
        } else {
            o.putNull(field);
        }
    }

    /**
     * Slack's incoming-webhook message: {@code text} (the notification line, and all that clients
     * without blocks show) and {@code blocks} with one section per kind of finding.
     */
    public static String slack(Alert a) {
        ObjectNode root = JSON.createObjectNode();
        String headline = String.format(Locale.ROOT,
                "%s %s: %d regression(s), %d improvement(s), %d broken budget(s), %d change point(s), %d drift(s)",
                a.gateFailed() ? ":red_circle:" : ":large_green_circle:", a.project(), a.regressions().size(),
                a.improvements().size(), a.brokenBudgets().size(), a.changePoints().size(), a.drifts().size());
        root.put("text", headline);
        ArrayNode blocks = root.putArray("blocks");
        section(blocks, "*" + escape(a.title()) + "*\n" + headline);
        list(blocks, "Regressions", a.regressions(), AlertPayload::line);
        list(blocks, "Improvements", a.improvements(), AlertPayload::line);
        list(blocks, "Broken budgets", a.brokenBudgets(), b -> "`" + escape(b.caseKey()) + "` " + escape(b.criterion()) + ": " + escape(b.note()));
        list(blocks, "Change points", a.changePoints(), c -> String.format(Locale.ROOT, "`%s` %s %s at run %s (version %s)",
                escape(c.caseKey()), c.direction(), percent(c.change()), c.runId(), escape(c.version())));
        list(blocks, "Drifts", a.drifts(), d -> String.format(Locale.ROOT, "`%s` %s %s over %d runs (versions %s → %s)",
                escape(d.caseKey()), d.direction(), percent(d.change()), d.runs(), escape(d.startVersion()),
                escape(d.endVersion())));
        return root.toString();
    }

    private static String line(Alert.Change ch) {
        CaseComparison c = ch.comparison();
        return String.format(Locale.ROOT, "`%s`%s %s [%s, %s] %s, against the %s", escape(c.caseKey()),
                c.metric().equals("primary") ? "" : " " + escape(c.metric()), percent(c.change()), percent(c.ciLow()),
                percent(c.ciHigh()), c.severity().json(), ch.against());
    }

    private static <T> void list(ArrayNode blocks, String heading, List<T> items, Function<T, String> line) {
        if (items.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder("*").append(heading).append("*");
        items.stream().limit(LISTED).forEach(i -> sb.append("\n• ").append(line.apply(i)));
        if (items.size() > LISTED) {
            sb.append("\n… and ").append(items.size() - LISTED).append(" more");
        }
        section(blocks, sb.toString());
    }

    private static void section(ArrayNode blocks, String mrkdwn) {
        ObjectNode s = blocks.addObject();
        s.put("type", "section");
        ObjectNode t = s.putObject("text");
        t.put("type", "mrkdwn");
        // a section's text may hold 3000 characters at most
        t.put("text", mrkdwn.length() > 3000 ? mrkdwn.substring(0, 2999) + "…" : mrkdwn);
    }

    /** The three characters Slack's mrkdwn asks to escape. */
    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String percent(double fraction) {
        return Double.isFinite(fraction) ? String.format(Locale.ROOT, "%+.1f%%", fraction * 100) : "n/a";
    }
}

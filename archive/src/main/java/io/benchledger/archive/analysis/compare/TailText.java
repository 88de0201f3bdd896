package io.benchledger.archive.analysis.compare;

import io.benchledger.archive.format.TableFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The tail of a case in words (table and Markdown notes) and flattened (CSV columns). */
public final class TailText {
    private TailText() {
    }

    /** "tail regressed: p99 +35.2 % [+20.1 %, +50.3 %] (regression: tail)"; empty for cases without tails. */
    public static String note(CaseComparison c, ComparisonReport r) {
        List<TailComparison> tails = r.tails(c);
        if (tails.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (TailComparison t : tails) {
            sb.append(sb.length() == 0 ? "" : ", ").append(t.label()).append(' ').append(t.verdict().json());
            if (!Double.isNaN(t.change())) {
                sb.append(' ').append(TableFormatter.percent(t.change()));
            }
            if (!Double.isNaN(t.ciLow())) {
                sb.append(" [").append(TableFormatter.percent(t.ciLow())).append(", ")
                        .append(TableFormatter.percent(t.ciHigh())).append(']');
            }
        }
        RegressionType type = r.regressionType(c);
        if (type != RegressionType.NONE) {
            sb.append(" (regression: ").append(type.json()).append(')');
        }
        return sb.toString();
    }

    /** A case's JSON with its tail objects spread into {@code tail_…} columns. */
    static Map<String, Object> flatten(Map<String, Object> json) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : json.entrySet()) {
            if (e.getKey().startsWith("tail")) {
                continue;
            }
            out.put(e.getKey(), e.getValue());
        }
        Object tail = json.get("tail");
        for (String k : List.of("quantile", "baseline", "candidate", "change", "ci_low", "ci_high", "verdict")) {
            out.put("tail_" + k, tail instanceof Map<?, ?> m ? m.get(k) : null);
        }
        return out;
    }
}

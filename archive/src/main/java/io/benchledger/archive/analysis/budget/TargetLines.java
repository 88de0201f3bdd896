package io.benchledger.archive.analysis.budget;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * The target and critical levels that belong on a case's history chart of its primary score, in
 * the case's unit: {@code max_mean} and {@code min_throughput} (operations), and {@code max_p99}
 * on sample-mode cases. A team sees whether the history converges on its target.
 */
public final class TargetLines {
    /** One horizontal line; {@code level} is {@code target} or {@code critical}. */
    public record Line(String label, String level, double value) {
    }

    private TargetLines() {
    }

    public static List<Line> of(List<Budget> budgets, String caseKey, String mode, String unit, boolean higherIsBetter) {
        List<Line> out = new ArrayList<>();
        for (Budget b : budgets) {
            if (!Pattern.compile(b.pattern()).matcher(caseKey).find()) {
                continue;
            }
            for (Limit l : b.limits()) {
                boolean drawn = switch (l.criterion()) {
                    case MAX_MEAN -> true;
                    case MIN_THROUGHPUT -> higherIsBetter;
                    case MAX_P99 -> "sample".equals(mode);
                    default -> false;
                };
                if (drawn) {
                    add(out, l, "target", l.target(), unit);
                    add(out, l, "critical", l.critical(), unit);
                }
            }
        }
        return out;
    }

    private static void add(List<Line> out, Limit l, String level, Optional<Quantity> q, String unit) {
        if (q.isEmpty()) {
            return;
        }
        OptionalDouble v = q.get().in(unit);
        if (v.isPresent()) {
            String name = l.target().isPresent() && l.critical().isPresent() ? level : "limit";
            out.add(new Line(l.criterion().key().replace('_', ' ') + " " + name + " " + q.get(),
                    l.target().isPresent() && l.critical().isEmpty() ? "target" : level,
                    Double.parseDouble(String.format(java.util.Locale.ROOT, "%.12g", v.getAsDouble())))); // 1000, not 1000.0000000000001
        }
    }
}

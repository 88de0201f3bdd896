package io.benchledger.archive.analysis.budget;

import java.util.Locale;

/**
 * One criterion of one budget applied to one case (or a note about a criterion that could not be
 * applied: then {@code caseKey} is empty and the status is {@code not_checked} or {@code warn}).
 * Values are in {@code unit}, the case's unit; shares (regressions, pass rates) are in {@code %}.
 *
 * @param budget   the budget's name (its pattern when it has none)
 * @param where    where the budget was written (file:line:column)
 * @param target   the target level, NaN when the budget has none
 * @param critical the critical level, NaN when the budget has none
 * @param actual   the measured value; NaN when there is none
 * @param close    a pass within 10 % of its level (the target, else the critical level)
 * @param note     why it failed, warns or was not checked, in words
 */
public record BudgetCheck(String budget, String pattern, String where, String caseKey, String benchmark, String metric,
                          String criterion, double target, double critical, double actual, String unit,
                          BudgetStatus status, boolean close, String note) {

    /** The first level a value must meet: the target, else the critical level. */
    public double limit() {
        return Double.isNaN(target) ? critical : target;
    }

    public boolean maximum() {
        return Criterion.named(criterion).map(Criterion::maximum).orElse(true);
    }

    /**
     * The change of the current value still needed to meet {@link #limit()}: relative
     * ((limit − actual) / actual) for values, in points (limit − actual) for shares; NaN when
     * it is met or there is no value.
     */
    public double needed() {
        double l = limit();
        if (Double.isNaN(actual) || Double.isNaN(l) || (maximum() ? actual <= l : actual >= l)) {
            return Double.NaN;
        }
        return "%".equals(unit) ? l - actual : (actual == 0 ? Double.NaN : (l - actual) / actual);
    }

    /** {@code −38 % to reach the target}, {@code −7.0 points to reach the limit}; empty when met. */
    public String neededText() {
        double n = needed();
        if (Double.isNaN(n)) {
            return "";
        }
        String what = Double.isNaN(target) ? "the limit" : "the target";
        String sign = n < 0 ? "\u2212" : "+";
        return "%".equals(unit)
                ? String.format(Locale.ROOT, "%s%.1f points to reach %s", sign, Math.abs(n), what)
                : String.format(Locale.ROOT, Math.abs(n) >= 0.995 && Math.abs(n) < 1 ? "%s%.1f %% to reach %s" : "%s%.0f %% to reach %s",
                sign, Math.abs(n) * 100, what);
    }
}

package io.benchledger.archive.analysis.budget;

import java.util.Locale;

/**
 * The outcome of one budget check: within its target, beyond the target (warn), beyond the
 * critical level (fail), or not checked (no matching case, no baseline, nothing comparable) — which
 * is counted apart and never as a pass.
 */
public enum BudgetStatus {
    PASS, NOT_CHECKED, WARN, FAIL;

    /** {@code pass}, {@code not_checked}, {@code warn}, {@code fail}. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** As a person reads it: {@code not checked}. */
    public String words() {
        return json().replace('_', ' ');
    }
}

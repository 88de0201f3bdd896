package io.benchledger.archive.analysis.budget;

import java.util.Locale;

/** The outcome of one budget check: within it, close to its limit (within 10 %), or broken. */
public enum BudgetStatus {
    PASS, WARN, FAIL;

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}

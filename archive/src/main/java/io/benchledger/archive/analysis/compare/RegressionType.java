package io.benchledger.archive.analysis.compare;

import java.util.List;
import java.util.Locale;

/**
 * What regressed in a case: its centre ({@code mean}), the tail of its single operations
 * ({@code tail}: p99 or p99.9 of a sample-mode case), {@code both}, or {@code none}.
 */
public enum RegressionType {
    MEAN, TAIL, BOTH, NONE;

    public static RegressionType of(CaseComparison c, List<TailComparison> tails) {
        boolean mean = c.verdict() == Verdict.REGRESSED;
        boolean tail = tails.stream().anyMatch(t -> t.verdict() == Verdict.REGRESSED);
        return mean ? (tail ? BOTH : MEAN) : (tail ? TAIL : NONE);
    }

    public boolean tail() {
        return this == TAIL || this == BOTH;
    }

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}

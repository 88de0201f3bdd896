package io.benchledger.archive.analysis.compare;

import java.util.Locale;

/**
 * The gate of {@code compare --fail-on}: which cases make it fail. Every level also fails on a case
 * that failed (threw) in the candidate but not in the baseline: a benchmark that stopped working
 * is worse than any regression. Only metrics that gate count ({@link ComparisonOptions#gatedMetrics()}):
 * a change of {@code gc.alloc.rate} in MB/s follows speed and is shown, not gated.
 */
public enum FailOn {
    /** Any regressed case. */
    REGRESSION,
    /** A regressed case of severity major or critical. */
    MAJOR,
    /** A regressed case of severity critical. */
    CRITICAL;

    public boolean fails(CaseComparison c) {
        if (c.verdict() == Verdict.FAILED) {
            return c.failure().startsWith("candidate:");
        }
        if (c.verdict() != Verdict.REGRESSED || !c.basis().gated()) {
            return false;
        }
        return switch (this) {
            case REGRESSION -> true;
            case MAJOR -> c.severity() == Severity.MAJOR || c.severity() == Severity.CRITICAL;
            case CRITICAL -> c.severity() == Severity.CRITICAL;
        };
    }

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}

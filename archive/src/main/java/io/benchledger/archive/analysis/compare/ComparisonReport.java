package io.benchledger.archive.analysis.compare;

import java.util.List;

/**
 * A whole comparison: which runs each side stood for, the options it was decided with, one entry
 * per case and metric (sorted: failed, regressed by severity, improved by severity, inconclusive,
 * unchanged) and the summary. The site, the PDF reports, {@code nightly} and {@code release} reuse it.
 */
public record ComparisonReport(ResolvedSide baseline, ResolvedSide candidate, ComparisonOptions options,
                               List<CaseComparison> cases, ComparisonSummary summary) {
    public ComparisonReport {
        cases = List.copyOf(cases);
    }

    /** Cases a gate at this level fails on (see {@link FailOn}). */
    public List<CaseComparison> failing(FailOn level) {
        return cases.stream().filter(level::fails).toList();
    }
}

package io.benchledger.archive.analysis.compare;

import java.util.List;
import java.util.Map;

/**
 * A whole comparison: which runs each side stood for, the options it was decided with, one entry
 * per case and metric (sorted: failed, regressed by severity, improved by severity, inconclusive,
 * unchanged) and the summary, and the tail comparisons of sample-mode cases by case key. The site,
 * the PDF reports, {@code nightly} and {@code release} reuse it.
 */
public record ComparisonReport(ResolvedSide baseline, ResolvedSide candidate, ComparisonOptions options,
                               List<CaseComparison> cases, ComparisonSummary summary,
                               Map<String, List<TailComparison>> tails) {
    public ComparisonReport {
        cases = List.copyOf(cases);
        tails = tails == null ? Map.of() : Map.copyOf(tails);
    }

    /** A report without tail comparisons. */
    public ComparisonReport(ResolvedSide baseline, ResolvedSide candidate, ComparisonOptions options,
                            List<CaseComparison> cases, ComparisonSummary summary) {
        this(baseline, candidate, options, cases, summary, Map.of());
    }

    /** Cases a gate at this level fails on (see {@link FailOn}), tail regressions included. */
    public List<CaseComparison> failing(FailOn level) {
        return failing(level, true);
    }

    /**
     * Cases a gate at this level fails on; with {@code gateOnTail}, also a sample-mode case whose
     * tail regressed (the suite's {@code gateOnTail}, true by default), whatever its centre did.
     */
    public List<CaseComparison> failing(FailOn level, boolean gateOnTail) {
        return cases.stream().filter(c -> level.fails(c) || (gateOnTail && tailFails(level, c))).toList();
    }

    /** A regressed tail whose change is of the level's severity (any, major or critical). */
    private boolean tailFails(FailOn level, CaseComparison c) {
        for (TailComparison t : tails(c)) {
            if (t.verdict() != Verdict.REGRESSED) {
                continue;
            }
            Severity s = options.severity().of(t.change());
            if (switch (level) {
                case REGRESSION -> true;
                case MAJOR -> s == Severity.MAJOR || s == Severity.CRITICAL;
                case CRITICAL -> s == Severity.CRITICAL;
            }) {
                return true;
            }
        }
        return false;
    }

    /** The tail comparisons of a case (p99, then p99.9 when there were enough operations); empty for other modes. */
    public List<TailComparison> tails(CaseComparison c) {
        return PRIMARY.equals(c.metric()) ? tails.getOrDefault(c.caseKey(), List.of()) : List.of();
    }

    /** What regressed in a case: mean, tail, both or none. */
    public RegressionType regressionType(CaseComparison c) {
        return RegressionType.of(c, tails(c));
    }

    private static final String PRIMARY = io.benchledger.archive.model.Result.PRIMARY;
}

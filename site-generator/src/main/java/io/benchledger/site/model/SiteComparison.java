package io.benchledger.site.model;

import io.benchledger.archive.analysis.compare.CaseComparison;
import io.benchledger.archive.analysis.compare.ComparisonReport;
import io.benchledger.archive.analysis.compare.RegressionType;
import io.benchledger.archive.analysis.compare.TailComparison;
import java.util.List;
import java.util.Optional;

/**
 * A tested comparison as the site gets it: each case with what regressed in it (mean, tail, both,
 * none) and, for a sample-mode case, its p99 comparison. The comparison engine decides both; the
 * site only shows them.
 */
public record SiteComparison(List<Tested> cases) {
    public SiteComparison {
        cases = List.copyOf(cases);
    }

    /** One case: the centre's comparison, what regressed, and the p99 comparison (sample mode only). */
    public record Tested(CaseComparison comparison, RegressionType type, Optional<TailComparison> p99) {
    }

    /** The cases of a whole comparison with their tails. */
    public static SiteComparison of(ComparisonReport r) {
        return new SiteComparison(r.cases().stream()
                .map(c -> new Tested(c, r.regressionType(c), r.tails(c).stream().findFirst())).toList());
    }

    /** Cases compared without tails: what regressed follows the centre's verdict alone. */
    public static SiteComparison of(List<CaseComparison> cases) {
        return new SiteComparison(cases.stream()
                .map(c -> new Tested(c, RegressionType.of(c, List.of()), Optional.<TailComparison>empty())).toList());
    }
}

package io.benchledger.archive.analysis.budget;

import java.util.List;
import java.util.Optional;

/**
 * A budget: limits for the cases whose case key ({@code benchmark[params]@mode/tN}) the regular
 * expression {@code pattern} finds. Suite criteria, budget files and {@code recommend --budget}
 * all read into this one record (see {@link BudgetSyntax}).
 *
 * @param name     a label for pages and reports; the pattern when none is given
 * @param baseline the comparison side the relative criteria compare with ({@code last-release} by default)
 * @param where    where the budget was written
 */
public record Budget(String name, String pattern, List<Limit> limits, String baseline, YamlNode.Where where) {
    public static final String DEFAULT_BASELINE = "last-release";

    public Budget {
        limits = List.copyOf(limits);
    }

    public Optional<Limit> limit(Criterion c) {
        return limits.stream().filter(l -> l.criterion() == c).findFirst();
    }
}

package io.benchledger.archive.analysis.budget;

import java.util.Optional;

/**
 * One criterion of a budget with its levels: beyond {@code target} is a warning, beyond
 * {@code critical} a failure. A plain limit ({@code max_p99: 2ms}) is a critical level alone;
 * {@code {target: 200us, critical: 500us}} gives both. At least one is present.
 *
 * @param where where the criterion was written, for errors found when it meets a case
 */
public record Limit(Criterion criterion, Optional<Quantity> target, Optional<Quantity> critical, YamlNode.Where where) {
    public Limit {
        if (target.isEmpty() && critical.isEmpty()) {
            throw new IllegalArgumentException("a limit needs a target or a critical level");
        }
    }

    /** A single-level limit. */
    public static Limit of(Criterion criterion, Quantity value, YamlNode.Where where) {
        return new Limit(criterion, Optional.empty(), Optional.of(value), where);
    }
}

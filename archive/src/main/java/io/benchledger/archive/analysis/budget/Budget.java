package io.benchledger.archive.analysis.budget;

import java.util.OptionalDouble;

/**
 * A success criterion from the suite configuration, for the cases whose benchmark name matches
 * {@code pattern} (a Java regular expression, found anywhere in the name). Units are those of the
 * archive: {@code maxP99} in the case's time unit, {@code minThroughput} in its ops/time unit,
 * {@code maxAllocationPerOp} in bytes per operation ({@code gc.alloc.rate.norm}),
 * {@code maxRegression} a fraction against {@code baseline} (a version, or {@code last-release}).
 */
public record Budget(
        String pattern,
        OptionalDouble maxP99,
        OptionalDouble minThroughput,
        OptionalDouble maxAllocationPerOp,
        OptionalDouble maxRegression,
        String baseline) {
}

package io.benchledger.collector.importer;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which way is better, read from a unit where the unit says it: operations (or bytes, items…)
 * per time are better higher; time, bytes or allocations per operation are better lower. Units
 * that say neither ({@code Percent}, {@code text-bytes}) give no answer and the caller decides.
 */
public final class Direction {
    private static final String TIME = "(ns|nsec|us|µs|μs|usec|ms|msec|s|sec|secs|second|seconds|min|minute|h|hour|ps)";
    private static final Pattern PER_TIME = Pattern.compile(".+/\\s*" + TIME);
    private static final Pattern TIME_PER = Pattern.compile(TIME + "(/.+)?");
    private static final Pattern PER_OP = Pattern.compile(".+/\\s*(op|ops|operation|iter|iteration|call|run|round)");

    private Direction() {
    }

    public static Optional<Boolean> fromUnit(String unit) {
        String u = unit == null ? "" : unit.trim().toLowerCase(Locale.ROOT);
        if (u.isEmpty()) {
            return Optional.empty();
        }
        if (PER_TIME.matcher(u).matches() || u.equals("hz") || u.contains("per second") || u.endsWith("_per_second")) {
            return Optional.of(true);
        }
        if (PER_OP.matcher(u).matches() || TIME_PER.matcher(u).matches()) {
            return Optional.of(false);
        }
        return Optional.empty();
    }

    /** The unit's direction, or {@code otherwise} when the unit does not say. */
    public static boolean higherIsBetter(String unit, boolean otherwise) {
        return fromUnit(unit).orElse(otherwise);
    }
}

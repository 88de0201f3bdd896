package io.benchledger.archive.model;

import java.util.Locale;

/** JMH benchmark modes as stored in {@code results.mode}, and the direction each implies. */
public final class Mode {
    public static final String THROUGHPUT = "thrpt";
    public static final String AVERAGE_TIME = "avgt";
    public static final String SAMPLE_TIME = "sample";
    public static final String SINGLE_SHOT = "ss";
    /** Harnesses without modes (Google Benchmark, Go, pytest-benchmark …). */
    public static final String VALUE = "value";

    private Mode() {
    }

    /**
     * Direction from the unit: operations per time is better higher, anything per operation
     * (time, bytes, allocations) is better lower. The suite configuration can override it.
     */
    public static boolean higherIsBetter(String mode, String unit) {
        if (THROUGHPUT.equals(mode)) {
            return true;
        }
        if (AVERAGE_TIME.equals(mode) || SAMPLE_TIME.equals(mode) || SINGLE_SHOT.equals(mode)) {
            return false;
        }
        String u = unit == null ? "" : unit.trim().toLowerCase(Locale.ROOT);
        if (u.startsWith("ops/") || u.endsWith("/s") || u.endsWith("/sec") || u.endsWith("/second")
                || u.equals("hz") || u.contains("per second") || u.contains("per_second")) {
            return !u.contains("/op");
        }
        return false;
    }
}

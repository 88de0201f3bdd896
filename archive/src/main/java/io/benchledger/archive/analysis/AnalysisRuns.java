package io.benchledger.archive.analysis;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many times each analysis engine has run in this JVM. The engines count themselves, so a test
 * can prove that a nightly runs each analysis once and hands the result to every output, rather
 * than each output running its own.
 */
public final class AnalysisRuns {
    /** The engines counted; change points and drifts come from one detection pass over each series. */
    public enum Engine { COMPARISON, CHANGE_POINTS_AND_DRIFTS, TREND, BUDGETS, RECOMMENDATIONS }

    private static final Map<Engine, AtomicLong> COUNTS = new EnumMap<>(Engine.class);

    static {
        for (Engine e : Engine.values()) {
            COUNTS.put(e, new AtomicLong());
        }
    }

    private AnalysisRuns() {
    }

    public static void count(Engine e) {
        COUNTS.get(e).incrementAndGet();
    }

    /** The counts so far; subtract an earlier snapshot to count one piece of work. */
    public static Map<Engine, Long> snapshot() {
        Map<Engine, Long> out = new EnumMap<>(Engine.class);
        COUNTS.forEach((e, n) -> out.put(e, n.get()));
        return out;
    }
}

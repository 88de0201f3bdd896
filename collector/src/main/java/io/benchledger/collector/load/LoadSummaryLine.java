package io.benchledger.collector.load;

import java.util.Locale;

/** One line about a measured case, for the terminal: rates, request percentiles, errors and timeouts. */
public final class LoadSummaryLine {
    private LoadSummaryLine() {
    }

    public static String of(String caseKey, LoadOutcome o) {
        String shortfall = o.achievedRate() < 0.95 * o.targetRate() ? "  BELOW TARGET" : "";
        return String.format(Locale.ROOT, "%s: target %s req/s, achieved %s req/s%s; latency p50 %s, p99 %s, p99.9 %s,"
                        + " max %s ms; errors %s, timeouts %s",
                caseKey, num(o.targetRate()), num(o.achievedRate()), shortfall, ms(o.request().p50()),
                ms(o.request().p99()), ms(o.request().percentiles().isEmpty() ? Double.NaN : o.request().percentiles().get(5)),
                ms(o.request().max()), pct(o.errorRate()), pct(o.timeoutRate()));
    }

    static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.0f", v) : "n/a";
    }

    static String ms(double v) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.3g", v);
    }

    static String pct(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f %%", 100 * v) : "n/a";
    }
}

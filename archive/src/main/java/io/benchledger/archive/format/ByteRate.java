package io.benchledger.archive.format;

import java.util.Locale;

/**
 * Bytes per second as people read them: B/s, kB/s, MB/s, GB/s (powers of 1000, the prefixes budgets
 * are written with: {@code 100MB/s}), three significant digits, everywhere (terminal, site, PDF).
 * {@code n/a} for a value that is not a finite number.
 */
public final class ByteRate {
    /** The unit of {@code throughput.bytes}. */
    public static final String UNIT = "B/s";
    private static final String[] UNITS = {"B/s", "kB/s", "MB/s", "GB/s", "TB/s"};

    private ByteRate() {
    }

    public static String format(double bytesPerSecond) {
        if (!Double.isFinite(bytesPerSecond)) {
            return "n/a";
        }
        double v = bytesPerSecond;
        int u = 0;
        while (Math.abs(v) >= 999.5 && u < UNITS.length - 1) {
            v /= 1000;
            u++;
        }
        String digits = Math.abs(v) >= 100 ? "%.0f" : Math.abs(v) >= 10 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, digits, v) + " " + UNITS[u];
    }
}

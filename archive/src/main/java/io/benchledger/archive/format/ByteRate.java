package io.benchledger.archive.format;

import java.util.Locale;

/**
 * Bytes per second as people read them: B/s, KiB/s, MiB/s or GiB/s (powers of 1024), three
 * significant digits. {@code n/a} for a value that is not a finite number.
 */
public final class ByteRate {
    /** The unit of {@code throughput.bytes}. */
    public static final String UNIT = "B/s";
    private static final String[] UNITS = {"B/s", "KiB/s", "MiB/s", "GiB/s", "TiB/s"};

    private ByteRate() {
    }

    public static String format(double bytesPerSecond) {
        if (!Double.isFinite(bytesPerSecond)) {
            return "n/a";
        }
        double v = bytesPerSecond;
        int u = 0;
        while (Math.abs(v) >= 1024 && u < UNITS.length - 1) {
            v /= 1024;
            u++;
        }
        String digits = Math.abs(v) >= 100 ? "%.0f" : Math.abs(v) >= 10 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, digits, v) + " " + UNITS[u];
    }
}

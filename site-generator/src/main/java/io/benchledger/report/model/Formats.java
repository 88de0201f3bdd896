package io.benchledger.report.model;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/** How numbers, dates and sizes are written in reports: one place, so text and tests agree. */
public final class Formats {
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Formats() {
    }

    /** A fraction as a signed percentage with one decimal: 0.123 → {@code +12.3%}. */
    public static String percent(double fraction) {
        if (!Double.isFinite(fraction)) {
            return "–";
        }
        double p = fraction * 100;
        // −0.04 % rounds to −0.0 %: show it as 0.0 % without a misleading sign
        if (Math.abs(p) < 0.05) {
            return "0.0%";
        }
        return String.format(Locale.ROOT, "%+.1f%%", p);
    }

    /**
     * The noise threshold a case was judged with and where it came from: {@code ±5.0% (learned)}, or
     * {@code (configured)}; a dash when the case was not tested.
     */
    public static String threshold(double fraction, String source) {
        if (!Double.isFinite(fraction)) {
            return "–";
        }
        String t = String.format(Locale.ROOT, "±%.1f%%", fraction * 100);
        return source == null || source.isEmpty() ? t : t + " (" + source + ")";
    }

    /** An interval of fractions: {@code [+10.1%, +14.6%]}. */
    public static String interval(double low, double high) {
        if (!Double.isFinite(low) || !Double.isFinite(high)) {
            return "–";
        }
        return "[" + percent(low) + ", " + percent(high) + "]";
    }

    /** A measured value with four significant digits, plain notation for everyday magnitudes. */
    public static String number(double v) {
        if (!Double.isFinite(v)) {
            return "–";
        }
        double a = Math.abs(v);
        if (a == 0) {
            return "0";
        }
        if (a >= 1e7 || a < 1e-3) {
            return String.format(Locale.ROOT, "%.3e", v);
        }
        // digits after the point so that four significant digits show (1234 → 1234, 1.234 → 1.234)
        int decimals = Math.max(0, 3 - (int) Math.floor(Math.log10(a)));
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** A p- or q-value in the one format of every output ({@code TableFormatter.probability}); "–" when undefined, as the PDF marks unknowns. */
    public static String probability(double p) {
        return Double.isFinite(p) ? io.benchledger.archive.format.TableFormatter.probability(p) : "\u2013";
    }

    public static String dateTime(Instant t) {
        return DATE_TIME.format(t);
    }

    public static String date(Instant t) {
        return DATE.format(t);
    }

    /** Bytes in binary units: 25769803776 → {@code 24 GiB}. */
    public static String bytes(long b) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        double v = b;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return (v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v))
                + " " + units[u];
    }

    /** A case's name as people read it: {@code benchmark [k=v, k=v]}. */
    public static String caseName(String benchmark, Map<String, String> params) {
        if (params == null || params.isEmpty()) {
            return benchmark;
        }
        StringJoiner j = new StringJoiner(", ", " [", "]");
        params.forEach((k, v) -> j.add(k + "=" + v));
        return benchmark + j;
    }
}

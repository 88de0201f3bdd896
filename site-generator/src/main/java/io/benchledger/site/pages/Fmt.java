package io.benchledger.site.pages;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How numbers and times read on the site: locale-independent, so output is the same everywhere. */
public final class Fmt {
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Fmt() {
    }

    /** Four significant digits, plain notation for ordinary magnitudes. */
    public static String num(double d) {
        if (Double.isNaN(d)) {
            return "\u2013";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "\u221e" : "\u2212\u221e";
        }
        if (d == 0) {
            return "0";
        }
        BigDecimal b = new BigDecimal(d).round(new MathContext(4)).stripTrailingZeros();
        double abs = Math.abs(d);
        return abs >= 1e-4 && abs < 1e12 ? b.toPlainString() : b.toString();
    }

    /** A fraction as a signed percentage with one decimal: +0.0523 reads "+5.2 %". */
    public static String pct(double f) {
        if (!Double.isFinite(f)) {
            return "\u2013";
        }
        return String.format(Locale.ROOT, "%+.1f\u00a0%%", f * 100);
    }

    public static String interval(double lo, double hi) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
            return "\u2013";
        }
        return "[" + pct(lo) + ", " + pct(hi) + "]";
    }

    /** A p- or q-value, as the PDF writes it (one format for both): three decimals, "<0.001" below. */
    public static String p(double p) {
        return io.benchledger.report.model.Formats.probability(p);
    }

    public static String time(Instant t) {
        return MINUTE.format(t);
    }

    public static String day(Instant t) {
        return DAY.format(t);
    }

    public static String seconds(double s) {
        if (!Double.isFinite(s)) {
            return "\u2013";
        }
        if (s < 120) {
            return String.format(Locale.ROOT, "%.1f s", s);
        }
        if (s < 7200) {
            return String.format(Locale.ROOT, "%.1f min", s / 60);
        }
        return String.format(Locale.ROOT, "%.2f h", s / 3600);
    }

    public static String bytes(long b) {
        if (b < 1024) {
            return b + " B";
        }
        if (b < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", b / 1024.0);
        }
        if (b < 1024L * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MiB", b / 1048576.0);
        }
        return String.format(Locale.ROOT, "%.1f GiB", b / 1073741824.0);
    }

    /** A sort key for numeric cells: plain decimal, empty for "no value". */
    public static String key(double d) {
        return Double.isFinite(d) ? Double.toString(d) : "";
    }
}

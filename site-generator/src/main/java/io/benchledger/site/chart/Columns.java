package io.benchledger.site.chart;

import com.fasterxml.jackson.databind.util.RawValue;

/**
 * Number columns of chart data written as compact JSON arrays: run indexes as differences from the
 * one before (mostly {@code 1}), measured values rounded to a number of significant digits. A
 * chart needs no more: six digits are a thousand times finer than JMH's usual error, and the
 * archive's Parquet files keep every value exactly. Written by hand rather than through Jackson's
 * double serializer because a full site writes millions of them.
 */
public final class Columns {
    private static final long[] POW10 = new long[19];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private Columns() {
    }

    /** {@code [v0, v1 - v0, v2 - v1, …]}, for a value of a {@link Json} document. */
    public static RawValue deltas(long[] values) {
        StringBuilder sb = new StringBuilder(values.length * 4 + 2).append('[');
        long prev = 0;
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(values[i] - prev);
            prev = values[i];
        }
        return new RawValue(sb.append(']').toString());
    }

    /** {@code [v0, v1 - v0, v2 - v1, …]}, for a value of a {@link Json} document. */
    public static RawValue deltas(int[] values) {
        StringBuilder sb = new StringBuilder(values.length * 2 + 2).append('[');
        int prev = 0;
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(values[i] - prev);
            prev = values[i];
        }
        return new RawValue(sb.append(']').toString());
    }

    /** The values rounded to {@code digits} significant digits; NaN and infinities as {@code null}. */
    public static RawValue rounded(double[] values, int digits) {
        StringBuilder sb = new StringBuilder(values.length * (digits + 3) + 2).append('[');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            append(sb, values[i], digits);
        }
        return new RawValue(sb.append(']').toString());
    }

    /**
     * One value rounded to {@code digits} (1–15) significant digits, in plain decimal notation
     * without trailing zeros: 1234.5678 at 6 digits is {@code 1234.57}, 0.000123456 is
     * {@code 0.000123456}, 98765432 is {@code 98765400}. Exact decimal arithmetic on the rounded
     * mantissa, so the text is the same on every JVM.
     */
    public static void append(StringBuilder sb, double d, int digits) {
        if (!Double.isFinite(d)) {
            sb.append("null");
            return;
        }
        if (d == 0) {
            sb.append('0');
            return;
        }
        if (d < 0) {
            sb.append('-');
            d = -d;
        }
        int exp = (int) Math.floor(Math.log10(d)); // d = m × 10^exp with 1 ≤ m < 10
        int scale = digits - 1 - exp;              // decimals to keep (negative: round to tens, hundreds, …)
        if (scale > 300 || scale < -300) {
            sb.append(Double.toString(d)); // far beyond any measured value: leave it to the JDK
            return;
        }
        long mantissa = scale >= 0 && scale < POW10.length ? Math.round(d * POW10[scale])
                : Math.round(d * Math.pow(10, scale));
        if (scale <= 0) {
            sb.append(mantissa);
            for (int i = 0; i < -scale; i++) {
                sb.append('0');
            }
            return;
        }
        while (scale > 0 && mantissa % 10 == 0) {
            mantissa /= 10;
            scale--;
        }
        String m = Long.toString(mantissa);
        if (scale == 0) {
            sb.append(m);
        } else if (m.length() > scale) {
            sb.append(m, 0, m.length() - scale).append('.').append(m, m.length() - scale, m.length());
        } else {
            sb.append("0.");
            for (int i = m.length(); i < scale; i++) {
                sb.append('0');
            }
            sb.append(m);
        }
    }
}

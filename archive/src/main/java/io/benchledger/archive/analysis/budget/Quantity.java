package io.benchledger.archive.analysis.budget;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A value as a budget writes it, with its unit: {@code 200us}, {@code 1.5ms}, {@code 64MB},
 * {@code 100MB/s}, {@code 10k ops/s}, {@code 900 req/s}, {@code 5%}, {@code 2 cores}, or a plain number (then in the
 * case's own unit). {@code value} is in the dimension's base unit: seconds, bytes, bytes per
 * second, operations per second, a fraction, cores.
 */
public record Quantity(double value, Dimension dimension, String text) {
    /** What a quantity measures; {@link #NUMBER} is a plain number in the case's own unit. */
    public enum Dimension {
        TIME("a time (ns, us, ms, s)"), BYTES("a size (B, kB, MB, KiB, MiB …)"),
        BYTE_RATE("a byte rate (B/s, MB/s, MiB/s …)"), OP_RATE("an operation rate (ops/s, req/s, /s …)"),
        FRACTION("a percentage (5%)"), CORES("cores"), NUMBER("a plain number");

        final String words;

        Dimension(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    private record Unit(Dimension dimension, double factor) {
    }

    private static final Map<String, Unit> UNITS = new LinkedHashMap<>();

    static {
        time("ns", 1e-9);
        time("us", 1e-6);
        time("µs", 1e-6);
        time("μs", 1e-6);
        time("ms", 1e-3);
        time("s", 1);
        time("min", 60);
        String[] sizes = {"B", "kB", "KB", "MB", "GB", "KiB", "MiB", "GiB"};
        double[] factors = {1, 1e3, 1e3, 1e6, 1e9, 1024, 1024 * 1024, 1024 * 1024 * 1024.0};
        for (int i = 0; i < sizes.length; i++) {
            UNITS.put(sizes[i], new Unit(Dimension.BYTES, factors[i]));
            UNITS.put(sizes[i] + "/op", new Unit(Dimension.BYTES, factors[i]));
            UNITS.put(sizes[i] + "/s", new Unit(Dimension.BYTE_RATE, factors[i]));
        }
        UNITS.put("bytes", new Unit(Dimension.BYTES, 1));
        // requests of a workload case (req/s) count as operations; "900/s" is a bare rate
        UNITS.put("/s", new Unit(Dimension.OP_RATE, 1));
        for (String op : new String[] {"ops", "op", "req", "reqs"}) {
            UNITS.put(op + "/ns", new Unit(Dimension.OP_RATE, 1e9));
            UNITS.put(op + "/us", new Unit(Dimension.OP_RATE, 1e6));
            UNITS.put(op + "/µs", new Unit(Dimension.OP_RATE, 1e6));
            UNITS.put(op + "/ms", new Unit(Dimension.OP_RATE, 1e3));
            UNITS.put(op + "/s", new Unit(Dimension.OP_RATE, 1));
            UNITS.put(op + "/min", new Unit(Dimension.OP_RATE, 1 / 60.0));
        }
        UNITS.put("%", new Unit(Dimension.FRACTION, 0.01));
        UNITS.put("cores", new Unit(Dimension.CORES, 1));
        UNITS.put("core", new Unit(Dimension.CORES, 1));
        UNITS.put("", new Unit(Dimension.NUMBER, 1));
    }

    private static void time(String name, double seconds) {
        UNITS.put(name, new Unit(Dimension.TIME, seconds));
        UNITS.put(name + "/op", new Unit(Dimension.TIME, seconds));
    }

    private static final Pattern FORM = Pattern.compile("([0-9]+(?:\\.[0-9]*)?(?:[eE][+-]?[0-9]+)?|\\.[0-9]+)\\s*(.*)");
    private static final Pattern SCALED = Pattern.compile("([kMG])\\s*(.*)");

    /** Reads {@code text}; the message of the exception says what was expected. */
    public static Quantity parse(String text) {
        String s = text.trim();
        Matcher m = FORM.matcher(s);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a number with an optional unit (200us, 64MB, 100MB/s, 10k ops/s, 5%), got '"
                    + text + "'");
        }
        double number = Double.parseDouble(m.group(1));
        String unit = m.group(2).trim();
        Unit u = UNITS.get(unit);
        if (u == null) {
            // "10k ops/s", "1.5M": a metric multiplier on a count or a plain number (sizes have their own prefixes)
            Matcher sm = SCALED.matcher(unit);
            Unit rest = sm.matches() ? UNITS.get(sm.group(2).trim()) : null;
            if (rest == null || (rest.dimension() != Dimension.OP_RATE && rest.dimension() != Dimension.NUMBER)) {
                throw new IllegalArgumentException("unknown unit '" + unit + "' in '" + text
                        + "' (times ns us ms s; sizes B kB MB GB KiB MiB GiB; rates MB/s, ops/s, req/s; %; cores)");
            }
            number *= switch (sm.group(1)) {
                case "k" -> 1e3;
                case "M" -> 1e6;
                default -> 1e9;
            };
            u = rest;
        }
        double v = number * u.factor();
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("'" + text + "' is not a finite number");
        }
        return new Quantity(v, u.dimension(), s);
    }

    /**
     * This value in a case's unit ({@code us/op}, {@code ops/s}, {@code B/op}, {@code B}, {@code cores},
     * {@code MB/s} …); empty when the two do not measure the same thing. A plain number is taken as
     * already in the case's unit.
     */
    public OptionalDouble in(String caseUnit) {
        if (dimension == Dimension.NUMBER) {
            return OptionalDouble.of(value);
        }
        Unit u = UNITS.get(caseUnit == null ? "" : caseUnit.trim());
        if (u == null || u.dimension() != dimension) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(value / u.factor());
    }

    /** The dimension a case's unit measures ({@link Dimension#NUMBER} when unknown). */
    public static Dimension dimensionOf(String caseUnit) {
        Unit u = UNITS.get(caseUnit == null ? "" : caseUnit.trim());
        return u == null ? Dimension.NUMBER : u.dimension();
    }

    @Override
    public String toString() {
        return text.isEmpty() ? String.format(Locale.ROOT, "%s", value) : text;
    }
}

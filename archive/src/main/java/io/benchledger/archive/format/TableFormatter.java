package io.benchledger.archive.format;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders a {@link Table} as an aligned text table, CSV (RFC 4180), JSON or Markdown. */
public final class TableFormatter {
    // NaN is written as the string "NaN" (Jackson's default); records' fields as snake_case keys, as
    // every JSON output of the program (map keys are written as they are)
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private TableFormatter() {
    }

    public static String format(Table t, OutputFormat f) {
        return switch (f) {
            case TABLE -> text(t);
            case CSV -> csv(t);
            case JSON -> json(Map.of("rows", rowsAsObjects(t)));
            case MARKDOWN -> markdown(t);
        };
    }

    /** The rows as JSON objects keyed by column name, in column order. */
    public static List<Map<String, Object>> rowsAsObjects(Table t) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (List<Object> row : t.rows()) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < t.columns().size(); i++) {
                m.put(t.columns().get(i), row.get(i));
            }
            out.add(m);
        }
        return out;
    }

    public static String json(Object document) {
        try {
            return JSON.writeValueAsString(document) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How a value reads in text, CSV and Markdown: doubles with up to 6 significant digits. */
    public static String cell(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                return "n/a"; // a reader gets no NaN or Infinity (CSV, for machines, keeps them)
            }
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString(d.longValue());
            }
            return new BigDecimal(d).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
        }
        if (v instanceof Float f) {
            return cell(f.doubleValue());
        }
        return v.toString();
    }

    static String text(Table t) {
        int n = t.columns().size();
        int[] width = new int[n];
        boolean[] numeric = new boolean[n];
        java.util.Arrays.fill(numeric, true);
        List<String[]> cells = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            width[i] = displayWidth(t.columns().get(i));
        }
        for (List<Object> row : t.rows()) {
            String[] c = new String[n];
            for (int i = 0; i < n; i++) {
                Object v = row.get(i);
                c[i] = sanitise(cell(v));
                width[i] = Math.max(width[i], displayWidth(c[i]));
                if (v != null && !(v instanceof Number)) {
                    numeric[i] = false;
                }
            }
            cells.add(c);
        }
        StringBuilder sb = new StringBuilder();
        appendRow(sb, t.columns().toArray(String[]::new), width, new boolean[n]);
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : "  ").append("-".repeat(width[i]));
        }
        sb.append('\n');
        for (String[] c : cells) {
            appendRow(sb, c, width, numeric);
        }
        sb.append('(').append(t.size()).append(t.size() == 1 ? " row)" : " rows)").append('\n');
        return sb.toString();
    }

    private static void appendRow(StringBuilder sb, String[] cells, int[] width, boolean[] right) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.append("  ");
            }
            String pad = " ".repeat(width[i] - displayWidth(cells[i]));
            line.append(right[i] ? pad + cells[i] : cells[i] + pad);
        }
        sb.append(line.toString().stripTrailing()).append('\n');
    }

    private static int displayWidth(String s) {
        return s.codePointCount(0, s.length());
    }

    /** Control characters in untrusted names must not move the terminal's cursor. */
    private static String sanitise(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> sb.append(Character.isISOControl(cp) ? "\uFFFD" : Character.toString(cp)));
        return sb.toString();
    }

    static String csv(Table t) {
        StringBuilder sb = new StringBuilder();
        csvRow(sb, new ArrayList<>(t.columns()));
        for (List<Object> row : t.rows()) {
            List<Object> cells = new ArrayList<>();
            for (Object v : row) {
                cells.add(v instanceof Double d ? csvNumber(d) : cell(v));
            }
            csvRow(sb, cells);
        }
        return sb.toString();
    }

    /** CSV keeps full precision: it is for machines. */
    private static String csvNumber(double d) {
        return Double.isFinite(d) ? BigDecimal.valueOf(d).stripTrailingZeros().toPlainString() : Double.toString(d);
    }

    private static void csvRow(StringBuilder sb, List<Object> cells) {
        Csv.row(sb, cells.stream().map(Object::toString).toList());
    }

    static String markdown(Table t) {
        StringBuilder sb = new StringBuilder();
        sb.append('|');
        for (String c : t.columns()) {
            sb.append(' ').append(md(c)).append(" |");
        }
        sb.append("\n|");
        for (int i = 0; i < t.columns().size(); i++) {
            sb.append(" --- |");
        }
        sb.append('\n');
        for (List<Object> row : t.rows()) {
            sb.append('|');
            for (Object v : row) {
                sb.append(' ').append(md(cell(v))).append(" |");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Markdown cells: escape what would break the table or inject markup into a PR comment. */
    public static String md(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '|', '\\', '`', '*', '_', '[', ']', '<', '>', '#' -> sb.append('\\').append(c);
                case '\n', '\r' -> sb.append(' ');
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * A p- or q-value, as every output writes it for a reader (the terminal, Markdown, the site and
     * the PDF): three decimals, {@code <0.001} below that, "n/a" when undefined. CSV and JSON keep
     * the full double, for whoever needs 4.87e-29 rather than "below 0.001".
     */
    public static String probability(double p) {
        if (!Double.isFinite(p)) {
            return "n/a";
        }
        return p < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", p);
    }

    public static String percent(double fraction) {
        if (!Double.isFinite(fraction)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%+.1f%%", fraction * 100);
    }

    /** A rate such as a drift's change per run: two significant digits, so +0.031% is not printed as +0.0%. */
    public static String rate(double fraction) {
        if (!Double.isFinite(fraction)) {
            return "n/a";
        }
        return Math.abs(fraction) >= 0.001 || fraction == 0 ? percent(fraction)
                : String.format(Locale.ROOT, "%+.2g%%", fraction * 100);
    }
}

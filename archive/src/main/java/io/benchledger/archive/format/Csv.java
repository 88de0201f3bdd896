package io.benchledger.archive.format;

import java.util.List;

/**
 * The one CSV writer of the program (RFC 4180 rows, CRLF line ends): the command line's
 * {@code --format csv} and the site's table downloads. A text field that a spreadsheet would read
 * as a formula (leading {@code = + - @}, not a number) is prefixed with a quote, so opening a
 * download never runs what a benchmark name or commit message carried.
 */
public final class Csv {
    private Csv() {
    }

    /** Appends one row and its line end. */
    public static void row(StringBuilder sb, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            field(sb, fields.get(i));
        }
        sb.append("\r\n");
    }

    static void field(StringBuilder sb, String s) {
        boolean formula = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !isNumber(s);
        String v = formula ? "'" + s : s;
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            sb.append('"').append(v.replace("\"", "\"\"")).append('"');
        } else {
            sb.append(v);
        }
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}

package io.benchledger.site.chart;

import java.util.Collection;
import java.util.Map;

/**
 * A small JSON writer for data embedded in pages and scripts. Output is deterministic (map order
 * as given, doubles as Java prints them) and safe inside a {@code <script>}: {@code <}, {@code >},
 * {@code &}, U+2028 and U+2029 are written as {@code \\uXXXX} escapes, so no text from the
 * archive can close the script element or break a JavaScript string. NaN and infinities are
 * written as {@code null}.
 */
public final class Json {
    private final StringBuilder sb;

    public Json() {
        this(new StringBuilder());
    }

    public Json(StringBuilder sb) {
        this.sb = sb;
    }

    public static String of(Object value) {
        Json j = new Json();
        j.value(value);
        return j.toString();
    }

    @Override
    public String toString() {
        return sb.toString();
    }

    public Json value(Object v) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String s) {
            string(s);
        } else if (v instanceof Double d) {
            number(d);
        } else if (v instanceof Float f) {
            number(f.doubleValue());
        } else if (v instanceof Number n) {
            sb.append(n.longValue());
        } else if (v instanceof Boolean b) {
            sb.append(b.booleanValue());
        } else if (v instanceof double[] a) {
            sb.append('[');
            for (int i = 0; i < a.length; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                number(a[i]);
            }
            sb.append(']');
        } else if (v instanceof long[] a) {
            sb.append('[');
            for (int i = 0; i < a.length; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(a[i]);
            }
            sb.append(']');
        } else if (v instanceof int[] a) {
            sb.append('[');
            for (int i = 0; i < a.length; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(a[i]);
            }
            sb.append(']');
        } else if (v instanceof Map<?, ?> m) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                string(String.valueOf(e.getKey()));
                sb.append(':');
                value(e.getValue());
            }
            sb.append('}');
        } else if (v instanceof Collection<?> c) {
            sb.append('[');
            boolean first = true;
            for (Object o : c) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                value(o);
            }
            sb.append(']');
        } else {
            string(v.toString());
        }
        return this;
    }

    /** Shortest round-trip form; integral values without ".0" to keep files small. */
    public Json number(double d) {
        if (!Double.isFinite(d)) {
            sb.append("null");
        } else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            sb.append((long) d);
        } else {
            sb.append(d);
        }
        return this;
    }

    public Json string(String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '<', '>', '&', '\u2028', '\u2029', '\'' -> unicode(c);
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        unicode(c);
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
        return this;
    }

    private void unicode(char c) {
        sb.append(String.format("\\u%04x", (int) c));
    }
}

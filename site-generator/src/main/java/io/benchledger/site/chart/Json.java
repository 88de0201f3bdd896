package io.benchledger.site.chart;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.NumberOutput;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.util.RawValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * JSON for data embedded in pages and scripts, written by Jackson with two rules of our own:
 * <ul>
 *   <li>safe inside a {@code <script>}: {@code <}, {@code >}, {@code &}, {@code '}, U+2028 and
 *       U+2029 (and control characters) are written as {@code \\uXXXX} escapes, so no text from the
 *       archive can close the script element or break a JavaScript string;</li>
 *   <li>numbers as small as they can be: NaN and infinities as {@code null}, integral doubles
 *       without ".0" (series files hold millions of numbers).</li>
 * </ul>
 * Output is deterministic for deterministic input: maps are written in their iteration order, so
 * callers pass insertion-ordered or sorted maps.
 */
public final class Json {
    private static final ObjectWriter WRITER = writer();

    private Json() {
    }

    public static String of(Object value) {
        StringBuilder sb = new StringBuilder(256);
        return write(sb, value) ? sb.toString() : jackson(value);
    }

    /** Appends {@link #of} of the value. */
    public static StringBuilder append(StringBuilder sb, Object value) {
        int mark = sb.length();
        if (!write(sb, value)) {
            sb.setLength(mark);
            sb.append(jackson(value));
        }
        return sb;
    }

    static String jackson(Object value) {
        try {
            return WRITER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the value as Jackson writes it with this class's rules, for documents of maps with text
     * keys, lists, text, booleans, integers, longs, doubles, their arrays and raw values: Jackson's
     * generic path (serializer lookups per value, a copy into its buffer, another out of it) was a
     * fifth of a benchmark page's chart data time. Returns false, having written part of it, for
     * anything else (then Jackson writes the whole document).
     */
    private static boolean write(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String s) {
            string(sb, s);
        } else if (v instanceof Double d) {
            number(sb, d);
        } else if (v instanceof Integer || v instanceof Long) {
            sb.append(v);
        } else if (v instanceof Boolean b) {
            sb.append(b.booleanValue());
        } else if (v instanceof RawValue r) {
            if (!(r.rawValue() instanceof String raw)) {
                return false;
            }
            sb.append(raw);
        } else if (v instanceof Map<?, ?> m) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    return false;
                }
                if (!first) {
                    sb.append(',');
                }
                first = false;
                string(sb, key);
                sb.append(':');
                if (!write(sb, e.getValue())) {
                    return false;
                }
            }
            sb.append('}');
        } else if (v instanceof List<?> l) {
            sb.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                if (!write(sb, l.get(i))) {
                    return false;
                }
            }
            sb.append(']');
        } else if (v instanceof double[] a) {
            sb.append('[');
            for (int i = 0; i < a.length; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                number(sb, a[i]);
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
        } else if (v instanceof long[] a) {
            sb.append('[');
            for (int i = 0; i < a.length; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(a[i]);
            }
            sb.append(']');
        } else {
            return false;
        }
        return true;
    }

    /** A number as {@link #number(double, JsonGenerator)} writes it. */
    private static void number(StringBuilder sb, double d) {
        if (!Double.isFinite(d)) {
            sb.append("null");
        } else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            sb.append((long) d);
        } else {
            sb.append(NumberOutput.toString(d, true));
        }
    }

    /** Text in quotes with Jackson's escapes and {@link ScriptSafeEscapes}' (tested against Jackson's own output). */
    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        int done = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String escape;
            if (c >= 0x80) {
                escape = c == 0x2028 || c == 0x2029 ? unicode(c) : null;
            } else if (c == '"' || c == '\\') {
                escape = c == '"' ? "\\\"" : "\\\\";
            } else if (c == '\n' || c == '\r' || c == '\t') {
                escape = c == '\n' ? "\\n" : c == '\r' ? "\\r" : "\\t";
            } else if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\'' || c == 0x7f) {
                escape = unicode(c);
            } else {
                escape = null;
            }
            if (escape != null) {
                sb.append(s, done, i).append(escape);
                done = i + 1;
            }
        }
        sb.append(s, done, s.length()).append('"');
    }

    private static String unicode(int ch) {
        return String.format(Locale.ROOT, "\\u%04x", ch);
    }

    private static ObjectWriter writer() {
        SimpleModule numbers = new SimpleModule("benchledger-site-numbers");
        numbers.addSerializer(Double.class, new DoubleSerializer());
        numbers.addSerializer(double.class, new DoubleSerializer());
        numbers.addSerializer(double[].class, new DoubleArraySerializer());
        JsonMapper mapper = JsonMapper.builder().addModule(numbers).enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();
        mapper.getFactory().setCharacterEscapes(new ScriptSafeEscapes());
        return mapper.writer();
    }

    static void number(double d, JsonGenerator g) throws IOException {
        if (!Double.isFinite(d)) {
            g.writeNull();
        } else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            g.writeNumber((long) d);
        } else {
            g.writeNumber(d);
        }
    }

    private static final class DoubleSerializer extends StdSerializer<Double> {
        DoubleSerializer() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator g, SerializerProvider provider) throws IOException {
            number(value, g);
        }
    }

    private static final class DoubleArraySerializer extends StdSerializer<double[]> {
        DoubleArraySerializer() {
            super(double[].class);
        }

        @Override
        public void serialize(double[] values, JsonGenerator g, SerializerProvider provider) throws IOException {
            g.writeStartArray(values, values.length);
            for (double d : values) {
                number(d, g);
            }
            g.writeEndArray();
        }
    }

    /** Jackson's JSON escapes plus the characters that matter inside an HTML script element. */
    private static final class ScriptSafeEscapes extends CharacterEscapes {
        private final int[] ascii = standardAsciiEscapesForJSON();

        ScriptSafeEscapes() {
            for (int c = 0; c < 0x20; c++) {
                if (c != '\n' && c != '\r' && c != '\t') {
                    ascii[c] = ESCAPE_CUSTOM;
                }
            }
            for (char c : new char[] {'<', '>', '&', '\'', 0x7f}) {
                ascii[c] = ESCAPE_CUSTOM;
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            boolean escaped = ch < 0x80 ? ascii[ch] == ESCAPE_CUSTOM : ch == 0x2028 || ch == 0x2029;
            return escaped ? new SerializedString(unicode(ch)) : null;
        }
    }
}

package io.benchledger.site.chart;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

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
        try {
            return WRITER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
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
            return escaped ? new SerializedString(String.format(Locale.ROOT, "\\u%04x", ch)) : null;
        }
    }
}

package io.benchledger.collector.importer;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.benchledger.archive.BadInputException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * A JSON value together with the file it came from and its JSON path ({@code $.benchmarks[3].name}),
 * so that every complaint about a value names the file and the place in one line.
 */
public final class Json {
    /** Python's json writes NaN and Infinity as bare words (pytest-benchmark does): accept them. */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    /** Jackson's default limit of nesting (StreamReadConstraints): deeper documents are refused. */
    static final int MAX_DEPTH = com.fasterxml.jackson.core.StreamReadConstraints.DEFAULT_MAX_DEPTH;
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final String file;
    private final String path;
    private final JsonNode node;

    private Json(String file, String path, JsonNode node) {
        this.file = file;
        this.path = path;
        this.node = node;
    }

    /** Parses a whole document; a syntax error becomes one line with the line and column. */
    public static Json parse(String file, byte[] bytes, int offset, int length) {
        int start = offset;
        int end = offset + length;
        if (end - start >= 3 && (bytes[start] & 0xff) == 0xEF && (bytes[start + 1] & 0xff) == 0xBB
                && (bytes[start + 2] & 0xff) == 0xBF) {
            start += 3; // UTF-8 byte order mark, as BenchmarkDotNet on Windows writes
        }
        if (Bytes.isBlank(bytes, start, end)) {
            throw new BadInputException(file + ": empty file (expected a JSON document)");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(bytes, start, end - start);
        } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
            // no location comes with a broken limit: find the line where the nesting got too deep
            int line = Bytes.lineOfDepth(bytes, start, end, MAX_DEPTH + 1);
            throw new BadInputException(file + ": not valid JSON" + (line > 0 ? " at line " + line : "") + ": "
                    + (line > 0 ? "nested deeper than " + MAX_DEPTH + " levels" : describe(e)), e);
        } catch (JacksonException e) {
            throw new BadInputException(file + ": not valid JSON" + where(e) + ": " + describe(e), e);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read JSON: " + oneLine(e.getMessage()), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new BadInputException(file + ": empty file (expected a JSON document)");
        }
        return new Json(file, "$", root);
    }

    public static Json parse(String file, byte[] bytes) {
        return parse(file, bytes, 0, bytes.length);
    }

    private static String where(JacksonException e) {
        JsonLocation loc = e.getLocation();
        if (loc == null || loc.getLineNr() < 1) {
            return "";
        }
        return " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
    }

    private static String describe(JacksonException e) {
        String m = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
        m = oneLine(m);
        int cut = m.indexOf(" at [Source");
        if (cut >= 0) {
            m = m.substring(0, cut);
        }
        cut = m.indexOf(" (start marker at");
        if (cut >= 0) {
            m = m.substring(0, cut);
        }
        cut = m.indexOf("[Source:");
        if (cut >= 0) {
            m = m.substring(0, cut).trim();
        }
        if (m.length() > 160) {
            m = m.substring(0, 160) + "…";
        }
        return m.isEmpty() ? e.getClass().getSimpleName() : m;
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }

    public String file() {
        return file;
    }

    public String path() {
        return path;
    }

    public JsonNode node() {
        return node;
    }

    /** One line naming the file and this value's place. */
    public BadInputException bad(String problem) {
        return new BadInputException(file + ": " + path + ": " + problem);
    }

    private String child(String name) {
        return IDENTIFIER.matcher(name).matches() ? path + "." + name
                : path + "[\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
    }

    // ---------------------------------------------------------------- kinds

    public boolean isObject() {
        return node.isObject();
    }

    public boolean isArray() {
        return node.isArray();
    }

    public boolean isNull() {
        return node.isNull();
    }

    public boolean isNumber() {
        return node.isNumber();
    }

    public boolean isText() {
        return node.isTextual();
    }

    private Json requireObject() {
        if (!node.isObject()) {
            throw bad("expected an object, found " + kind(node));
        }
        return this;
    }

    /** Describes what a value is, for messages: {@code a string ("abc")}. */
    static String kind(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "nothing";
        }
        if (n.isObject()) {
            return "an object";
        }
        if (n.isArray()) {
            return "an array";
        }
        if (n.isTextual()) {
            String t = n.textValue();
            return "a string (\"" + (t.length() > 40 ? t.substring(0, 40) + "…" : t).replaceAll("\\p{Cntrl}", "?") + "\")";
        }
        if (n.isBoolean()) {
            return n.booleanValue() ? "true" : "false";
        }
        if (n.isNull()) {
            return "null";
        }
        if (n.isNumber()) {
            return "the number " + n.asText();
        }
        return n.getNodeType().toString().toLowerCase();
    }

    // ---------------------------------------------------------------- fields

    public boolean has(String name) {
        requireObject();
        JsonNode v = node.get(name);
        return v != null && !v.isNull();
    }

    /** A field that must be present and not null. */
    public Json field(String name) {
        requireObject();
        JsonNode v = node.get(name);
        if (v == null || v.isMissingNode()) {
            throw bad("missing field '" + name + "'");
        }
        if (v.isNull()) {
            throw new Json(file, child(name), v).bad("must not be null");
        }
        return new Json(file, child(name), v);
    }

    /** A field that may be missing or null. */
    public Optional<Json> optField(String name) {
        requireObject();
        JsonNode v = node.get(name);
        if (v == null || v.isNull() || v.isMissingNode()) {
            return Optional.empty();
        }
        return Optional.of(new Json(file, child(name), v));
    }

    public Json object(String name) {
        return field(name).requireObject();
    }

    public Optional<Json> optObject(String name) {
        return optField(name).map(Json::requireObject);
    }

    public List<Json> array(String name) {
        return field(name).elements();
    }

    public Optional<List<Json>> optArray(String name) {
        return optField(name).map(Json::elements);
    }

    public String text(String name) {
        return field(name).asText();
    }

    /** A non-empty string. */
    public String name(String name) {
        String t = text(name);
        if (t.isBlank()) {
            throw field(name).bad("must not be empty");
        }
        return t;
    }

    public String optText(String name, String otherwise) {
        return optField(name).map(Json::asText).orElse(otherwise);
    }

    /** A string, or a number or boolean written as text (free-form fields such as versions). */
    public String optScalarText(String name, String otherwise) {
        Optional<Json> f = optField(name);
        if (f.isEmpty()) {
            return otherwise;
        }
        JsonNode v = f.get().node;
        if (v.isTextual()) {
            return v.textValue();
        }
        if (v.isNumber() || v.isBoolean()) {
            return v.asText();
        }
        throw f.get().bad("expected a string, found " + kind(v));
    }

    public double number(String name) {
        return field(name).asNumber();
    }

    public OptionalDouble optNumber(String name) {
        Optional<Json> f = optField(name);
        return f.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(f.get().asNumber());
    }

    public long integer(String name) {
        return field(name).asLong();
    }

    public long optInteger(String name, long otherwise) {
        Optional<Json> f = optField(name);
        return f.isEmpty() ? otherwise : f.get().asLong();
    }

    public boolean optBoolean(String name, boolean otherwise) {
        Optional<Json> f = optField(name);
        if (f.isEmpty()) {
            return otherwise;
        }
        if (!f.get().node.isBoolean()) {
            throw f.get().bad("expected true or false, found " + kind(f.get().node));
        }
        return f.get().node.booleanValue();
    }

    // ---------------------------------------------------------------- this value

    public String asText() {
        if (!node.isTextual()) {
            throw bad("expected a string, found " + kind(node));
        }
        return node.textValue();
    }

    /** A finite number. */
    public double asNumber() {
        if (!node.isNumber()) {
            throw bad("expected a number, found " + kind(node));
        }
        double d = node.doubleValue();
        if (!Double.isFinite(d)) {
            throw bad("expected a finite number, found " + node.asText());
        }
        return d;
    }

    /** A whole number (written as 12 or 12.0) within the range of a long. */
    public long asLong() {
        if (!node.isNumber()) {
            throw bad("expected a whole number, found " + kind(node));
        }
        if (node.isIntegralNumber()) {
            if (!node.canConvertToLong()) {
                throw bad("number " + abbreviate(node.asText()) + " is too large");
            }
            return node.longValue();
        }
        double d = node.doubleValue();
        if (!Double.isFinite(d) || d != Math.rint(d) || Math.abs(d) > 9.0e15) {
            throw bad("expected a whole number, found " + abbreviate(node.asText()));
        }
        return (long) d;
    }

    /** A whole number that fits an int and is at least {@code min}. */
    public int asInt(int min) {
        long v = asLong();
        if (v < min || v > Integer.MAX_VALUE) {
            throw bad("expected a whole number from " + min + " to " + Integer.MAX_VALUE + ", found " + abbreviate(node.asText()));
        }
        return (int) v;
    }

    private static String abbreviate(String s) {
        return s.length() > 30 ? s.substring(0, 30) + "…" : s;
    }

    public List<Json> elements() {
        if (!node.isArray()) {
            throw bad("expected an array, found " + kind(node));
        }
        List<Json> out = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            out.add(new Json(file, path + "[" + i + "]", node.get(i)));
        }
        return out;
    }

    /** The fields of an object in file order. */
    public Map<String, Json> fields() {
        requireObject();
        Map<String, Json> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), new Json(file, child(e.getKey()), e.getValue()));
        }
        return out;
    }

    /** An array of finite numbers. */
    public double[] asNumbers() {
        List<Json> els = elements();
        double[] out = new double[els.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = els.get(i).asNumber();
        }
        return out;
    }

    /** A scalar written as text: strings as they are, numbers and booleans as JSON writes them. */
    public String scalarText() {
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isNumber() || node.isBoolean() || node.isNull()) {
            return node.asText();
        }
        return node.toString();
    }
}

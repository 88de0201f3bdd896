package io.benchledger.archive.analysis.budget;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.benchledger.archive.BadInputException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.OptionalDouble;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads budgets from a small YAML file: a list of entries with the {@link Budget} fields.
 * <pre>
 * - pattern: "Crypto\\.aesGcm"      # Java regex found in the benchmark name (required)
 *   max_p99: 250.0                  # case's time unit (sample mode cases)
 *   min_throughput: 1.0e5           # ops per the case's time unit (throughput cases)
 *   max_allocation_per_op: 1024     # B/op (gc.alloc.rate.norm)
 *   max_regression: 0.05            # fraction, against baseline
 *   baseline: last-release          # any comparison side; default last-release
 * </pre>
 * Errors name the file, line and column, and what was expected.
 */
public final class BudgetFile {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private BudgetFile() {
    }

    /** The fields of an entry; names follow the JSON style of the project (the camelCase record names are read too). */
    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("pattern", "pattern"), Map.entry("baseline", "baseline"),
            Map.entry("max_p99", "max_p99"), Map.entry("maxP99", "max_p99"),
            Map.entry("min_throughput", "min_throughput"), Map.entry("minThroughput", "min_throughput"),
            Map.entry("max_allocation_per_op", "max_allocation_per_op"), Map.entry("maxAllocationPerOp", "max_allocation_per_op"),
            Map.entry("max_regression", "max_regression"), Map.entry("maxRegression", "max_regression"));

    /** Reads one mapping, token by token, so that every error can name the line of the field at fault. */
    private static Budget entry(Path file, JsonParser p) throws IOException {
        JsonLocation at = p.currentTokenLocation();
        Map<String, Object> values = new HashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            JsonLocation fieldAt = p.currentTokenLocation();
            String name = p.currentName();
            String field = FIELDS.get(name);
            if (field == null) {
                throw bad(file, fieldAt, "unknown field '" + name + "' (expected pattern, max_p99, min_throughput,"
                        + " max_allocation_per_op, max_regression or baseline)");
            }
            JsonToken v = p.nextToken();
            JsonLocation valueAt = p.currentTokenLocation();
            if (field.equals("pattern") || field.equals("baseline")) {
                if (!v.isScalarValue()) {
                    throw bad(file, valueAt, "'" + name + "' must be text");
                }
                values.put(field, p.getText());
            } else {
                if (v != JsonToken.VALUE_NUMBER_INT && v != JsonToken.VALUE_NUMBER_FLOAT) {
                    throw bad(file, valueAt, "'" + name + "' must be a number, got '" + (v.isScalarValue() ? p.getText() : v) + "'");
                }
                double d = p.getDoubleValue();
                if (!(d >= 0 && Double.isFinite(d))) {
                    throw bad(file, valueAt, "'" + name + "' must be a number >= 0, got " + p.getText());
                }
                values.put(field, d);
            }
        }
        return validate(file, at, values);
    }

    public static List<Budget> read(Path file) {
        List<Budget> out = new ArrayList<>();
        try (JsonParser p = YAML.getFactory().createParser(file.toFile())) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return out;
            }
            if (first != JsonToken.START_ARRAY) {
                throw bad(file, p.currentTokenLocation(), "expected a list of budgets ('- pattern: …')");
            }
            while (p.nextToken() == JsonToken.START_OBJECT) {
                out.add(entry(file, p));
            }
            if (p.currentToken() != JsonToken.END_ARRAY) {
                throw bad(file, p.currentTokenLocation(), "expected a budget (a mapping with 'pattern: …')");
            }
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": no such file");
        } catch (JsonProcessingException e) {
            throw bad(file, e.getLocation(), message(e));
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        return out;
    }

    private static String message(JsonProcessingException e) {
        String msg = e.getOriginalMessage().split("\n")[0];
        return msg.replaceAll("\\(class [^)]*\\)", "").replaceAll("\\s+", " ").replace(" ,", ",").trim();
    }

    private static Budget validate(Path file, JsonLocation at, Map<String, Object> v) {
        String pattern = (String) v.get("pattern");
        if (pattern == null || pattern.isBlank()) {
            throw bad(file, at, "budget without 'pattern' (a regular expression found in the benchmark name)");
        }
        try {
            Pattern.compile(pattern);
        } catch (PatternSyntaxException ex) {
            throw bad(file, at, "'pattern' is not a valid regular expression: " + ex.getDescription());
        }
        Double maxP99 = (Double) v.get("max_p99");
        Double minThroughput = (Double) v.get("min_throughput");
        Double maxAllocation = (Double) v.get("max_allocation_per_op");
        Double maxRegression = (Double) v.get("max_regression");
        if (maxP99 == null && minThroughput == null && maxAllocation == null && maxRegression == null) {
            throw bad(file, at, "budget '" + pattern + "' sets no limit (max_p99, min_throughput, max_allocation_per_op or max_regression)");
        }
        String baseline = (String) v.get("baseline");
        return new Budget(pattern, opt(maxP99), opt(minThroughput), opt(maxAllocation), opt(maxRegression),
                baseline == null ? "" : baseline);
    }

    private static OptionalDouble opt(Double v) {
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    private static BadInputException bad(Path file, JsonLocation at, String what) {
        String where = at == null || at.getLineNr() < 1 ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr();
        return new BadInputException(file + where + ": " + what);
    }
}

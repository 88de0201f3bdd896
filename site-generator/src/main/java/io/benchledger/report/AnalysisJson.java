package io.benchledger.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchledger.archive.BadInputException;
import io.benchledger.archive.analysis.changepoint.ChangePoint;
import io.benchledger.archive.analysis.compare.BandLimits;
import io.benchledger.archive.analysis.compare.CaseComparison;
import io.benchledger.archive.analysis.compare.Severity;
import io.benchledger.archive.analysis.compare.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads the JSON documents of {@code compare --format json} and {@code changes --format json} (the
 * command-line contract), so a report can be made from analyses saved earlier, for example by a
 * CI step that already ran them. Fields the contract does not carry (medians, Welch p-value,
 * effect size) are NaN.
 */
public final class AnalysisJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AnalysisJson() {
    }

    public static List<CaseComparison> comparisons(Path file) throws IOException {
        JsonNode cases = root(file).path("cases");
        if (!cases.isArray()) {
            throw new BadInputException(file + ": expected an object with a list 'cases' (compare --format json)");
        }
        List<CaseComparison> out = new ArrayList<>(cases.size());
        for (int i = 0; i < cases.size(); i++) {
            Field f = new Field(file, "cases[" + i + "]", cases.get(i));
            SortedMap<String, String> params = new TreeMap<>();
            JsonNode p = cases.get(i).path("params");
            if (!p.isMissingNode() && !p.isNull()) {
                if (!p.isObject()) {
                    throw f.bad("params", "an object of text values");
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    params.put(e.getKey(), e.getValue().asText());
                }
            }
            out.add(new CaseComparison(f.text("case_key"), f.text("benchmark"), params,
                    f.optionalText("metric", "primary"), f.optionalText("unit", ""),
                    f.bool("higher_is_better"), f.number("baseline_mean"), f.number("candidate_mean"),
                    Double.NaN, Double.NaN, f.number("change"), f.number("ci_low"), f.number("ci_high"),
                    f.number("p_value"), Double.NaN, f.number("q_value"), Double.NaN,
                    f.enumValue("verdict", Verdict.class), f.enumValue("severity", Severity.class),
                    f.count("baseline_samples"), f.count("candidate_samples"), 0,
                    f.optionalText("mode", ""), Double.NaN, f.optionalText("test", ""), f.optionalText("test_unit", ""),
                    0, 0, Double.NaN, BandLimits.DEFAULT.of(f.number("change")), f.optionalText("failure", "")));
        }
        return out;
    }

    public static List<ChangePoint> changePoints(Path file) throws IOException {
        JsonNode points = root(file).path("change_points");
        if (!points.isArray()) {
            throw new BadInputException(file + ": expected an object with a list 'change_points' (changes --format json)");
        }
        List<ChangePoint> out = new ArrayList<>(points.size());
        for (int i = 0; i < points.size(); i++) {
            Field f = new Field(file, "change_points[" + i + "]", points.get(i));
            String direction = f.text("direction");
            if (!direction.equals(ChangePoint.REGRESSION) && !direction.equals(ChangePoint.IMPROVEMENT)) {
                throw f.bad("direction", "'regression' or 'improvement'");
            }
            out.add(new ChangePoint(f.text("case_key"), f.text("benchmark"), f.optionalText("metric", "primary"),
                    f.optionalText("run_id", ""), f.optionalText("version", ""), f.optionalText("commit", ""),
                    f.time("time"), (int) f.count("index"), f.number("before"), f.number("after"),
                    f.number("change"), f.number("p_value"), direction));
        }
        return out;
    }

    private static JsonNode root(Path file) throws IOException {
        try {
            return JSON.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": no such file");
        } catch (JsonProcessingException e) {
            throw new BadInputException(file + ": not JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr());
        }
    }

    /** Typed access to one object's fields, with errors naming the file and the JSON path. */
    private record Field(Path file, String at, JsonNode node) {
        BadInputException bad(String name, String expected) {
            return new BadInputException(file + ": " + at + "." + name + ": expected " + expected);
        }

        String text(String name) {
            JsonNode v = node.path(name);
            if (!v.isTextual() || v.asText().isEmpty()) {
                throw bad(name, "a non-empty string");
            }
            return v.asText();
        }

        String optionalText(String name, String otherwise) {
            JsonNode v = node.path(name);
            if (v.isMissingNode() || v.isNull()) {
                return otherwise;
            }
            if (!v.isTextual()) {
                throw bad(name, "a string");
            }
            return v.asText();
        }

        /** A number; null or missing is NaN (the contract writes NaN as null). */
        double number(String name) {
            JsonNode v = node.path(name);
            if (v.isMissingNode() || v.isNull()) {
                return Double.NaN;
            }
            if (!v.isNumber()) {
                throw bad(name, "a number");
            }
            return v.asDouble();
        }

        long count(String name) {
            JsonNode v = node.path(name);
            if (v.isMissingNode() || v.isNull()) {
                return 0;
            }
            if (!v.canConvertToLong() || !v.isIntegralNumber() || v.asLong() < 0) {
                throw bad(name, "a whole number ≥ 0");
            }
            return v.asLong();
        }

        boolean bool(String name) {
            JsonNode v = node.path(name);
            if (!v.isBoolean()) {
                throw bad(name, "true or false");
            }
            return v.asBoolean();
        }

        <E extends Enum<E>> E enumValue(String name, Class<E> type) {
            JsonNode v = node.path(name);
            if (v.isTextual()) {
                for (E e : type.getEnumConstants()) {
                    if (e.name().toLowerCase(Locale.ROOT).equals(v.asText())) {
                        return e;
                    }
                }
            }
            StringBuilder allowed = new StringBuilder();
            for (E e : type.getEnumConstants()) {
                allowed.append(allowed.length() == 0 ? "" : ", ").append(e.name().toLowerCase(Locale.ROOT));
            }
            throw bad(name, "one of " + allowed);
        }

        Instant time(String name) {
            String s = text(name);
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException e) {
                throw bad(name, "an ISO-8601 time such as 2026-01-02T03:04:05Z");
            }
        }
    }
}

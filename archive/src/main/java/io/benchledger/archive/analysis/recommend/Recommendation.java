package io.benchledger.archive.analysis.recommend;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.function.DoubleFunction;

/**
 * One piece of advice derived from the measurements.
 *
 * @param rule which rule fired: {@code unstable}, {@code bimodal}, {@code tail}, {@code allocation},
 *             {@code allocation-growth}, {@code scalability}, {@code budget}
 * @param caseKey the case it is about (for {@code scalability}: the case family, without {@code /tN})
 * @param message one sentence a person acts on
 * @param evidence the numbers it rests on, by name, in the order they read best
 */
public record Recommendation(String rule, String caseKey, String message, Map<String, Object> evidence) {
    public Recommendation {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(caseKey, "caseKey");
        Objects.requireNonNull(message, "message");
        evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
    }

    /** The evidence as one line, "name = value, …", numbers written by {@code number}. */
    public String evidenceText(DoubleFunction<String> number) {
        StringJoiner out = new StringJoiner(", ");
        evidence.forEach((k, v) -> out.add(k + " = " + (v instanceof Double d ? number.apply(d) : String.valueOf(v))));
        return out.toString();
    }
}

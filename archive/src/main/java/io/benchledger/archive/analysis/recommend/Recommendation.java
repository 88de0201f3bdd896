package io.benchledger.archive.analysis.recommend;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.function.DoubleFunction;

/**
 * One piece of advice derived from the measurements.
 *
 * @param rule which rule fired: {@code unstable}, {@code bimodal}, {@code tail}, {@code allocation},
 *             {@code allocation-growth}, {@code scalability}, {@code budget}, or a configured rule's name
 * @param caseKey the case it is about (for {@code scalability}: the case family, without {@code /tN})
 * @param priority how urgent
 * @param impact the expected gain as a fraction (0.4: 40 % faster, smaller or steadier); NaN when unknown
 * @param impactBasis what the impact figure rests on, in words
 * @param message one sentence a person acts on
 * @param evidence the numbers it rests on, by name, in the order they read best
 */
public record Recommendation(String rule, String caseKey, Priority priority, double impact, String impactBasis,
                             String message, Map<String, Object> evidence) {
    /** Most urgent first, then the largest impact (unknown impact last), then the case. */
    public static final Comparator<Recommendation> ORDER = Comparator.comparing(Recommendation::priority)
            .thenComparing(r -> Double.isNaN(r.impact()) ? Double.NEGATIVE_INFINITY : r.impact(), Comparator.reverseOrder())
            .thenComparing(Recommendation::caseKey).thenComparing(Recommendation::rule);

    public Recommendation {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(caseKey, "caseKey");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(message, "message");
        evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
    }

    /**
     * The evidence as one line, "name = value, …", numbers written by {@code number}; an empty text
     * (a budget without a unit) is left out rather than shown as "unit = ,".
     */
    public String evidenceText(DoubleFunction<String> number) {
        StringJoiner out = new StringJoiner(", ");
        evidence.forEach((k, v) -> {
            if (!"".equals(v)) {
                out.add(k + " = " + (v instanceof Double d ? number.apply(d) : String.valueOf(v)));
            }
        });
        return out.toString();
    }

    /** "≈ 40 % (basis)", or the basis alone when the figure is unknown. */
    public String impactText() {
        return Double.isNaN(impact) ? impactBasis
                : String.format(java.util.Locale.ROOT, "≈ %.0f %% (%s)", impact * 100, impactBasis);
    }
}

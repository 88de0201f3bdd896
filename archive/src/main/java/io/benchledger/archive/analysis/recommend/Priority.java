package io.benchledger.archive.analysis.recommend;

import java.util.Locale;

/** How soon a recommendation should be acted on; the output is sorted by it, most urgent first. */
public enum Priority {
    CRITICAL, HIGH, MEDIUM, LOW;

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Priority parse(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}

package io.benchledger.archive.analysis.compare;

/**
 * What a comparison concludes for one case and metric (the JSON values are the lower-case names).
 * {@code FAILED}: the benchmark threw on at least one side, so there is nothing to compare.
 */
public enum Verdict {
    IMPROVED, REGRESSED, UNCHANGED, INCONCLUSIVE, FAILED;

    public String json() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

package io.benchledger.archive.analysis.compare;

/** What a comparison concludes for one case and metric (the JSON values are the lower-case names). */
public enum Verdict {
    IMPROVED, REGRESSED, UNCHANGED, INCONCLUSIVE;

    public String json() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

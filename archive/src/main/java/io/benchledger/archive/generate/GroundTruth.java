package io.benchledger.archive.generate;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What {@link HistoryGenerator} injected, written beside the archive as JSON. Indexes are 0-based
 * positions in the case's series (every run measures every case, so also run numbers).
 */
public record GroundTruth(
        long seed,
        int benchmarks,
        int runs,
        String project,
        @JsonProperty("change_points") List<Step> changePoints,
        List<Drift> drifts,
        @JsonProperty("noise_changes") List<NoiseChange> noiseChanges,
        List<Outlier> outliers,
        List<Weekly> weekly,
        List<Gap> gaps,
        List<CaseInfo> cases) {

    /** A weekly cycle: the level × (1 + amplitude · sin(2π·index/period + phase)); not a change. */
    public record Weekly(@JsonProperty("case_key") String caseKey, int period, double amplitude, double phase) {
    }

    /** A pause in the nightly runs: run {@code index} came {@code days} days after the one before. */
    public record Gap(int index, @JsonProperty("run_id") String runId, int days) {
    }

    /**
     * A level step: from {@code index} on, the case's true level is (1 + magnitude) × the level before.
     *
     * @param direction regression or improvement, from the case's direction
     */
    public record Step(@JsonProperty("case_key") String caseKey, String benchmark, String metric, int index,
                       @JsonProperty("run_id") String runId, double magnitude, double before, double after,
                       String direction) {
    }

    /** A slow linear drift of the level over [start, end), by {@code magnitude} (relative) in total. */
    public record Drift(@JsonProperty("case_key") String caseKey, int start, int end, double magnitude) {
    }

    /** From {@code index} on, the noise standard deviation is {@code factor} × before; the level is unchanged. */
    public record NoiseChange(@JsonProperty("case_key") String caseKey, int index, double factor) {
    }

    /** One disturbed run of one case: every sample multiplied by {@code factor}. */
    public record Outlier(@JsonProperty("case_key") String caseKey, int index, @JsonProperty("run_id") String runId,
                          double factor) {
    }

    /** A case: its base level, relative noise (run-to-run standard deviation ÷ level) and direction. */
    public record CaseInfo(@JsonProperty("case_key") String caseKey, String benchmark, String mode, String unit,
                           @JsonProperty("higher_is_better") boolean higherIsBetter, double base, double noise) {
    }
}

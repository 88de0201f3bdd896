package io.benchledger.archive.analysis.changepoint;

import com.fasterxml.jackson.annotation.JsonProperty;
/**
 * Someone looked at a change point and accepted it (an intended trade-off, a known infrastructure
 * change): it is not reported again. Stored as one YAML file per acknowledgement under
 * {@code annotations/} in the archive.
 *
 * @param at when, as an ISO-8601 instant
 * @param change the relative change when it was acknowledged, for the record
 */
public record Acknowledgement(
        @JsonProperty("case_key") String caseKey,
        String metric,
        @JsonProperty("run_id") String runId,
        String by,
        String why,
        String at,
        double change) {
}

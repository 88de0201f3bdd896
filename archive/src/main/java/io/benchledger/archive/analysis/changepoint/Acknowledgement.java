package io.benchledger.archive.analysis.changepoint;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Someone looked at a change point or a drift and accepted it (an intended trade-off, a known
 * infrastructure change): it is not reported again. Stored as one YAML file per acknowledgement under
 * {@code annotations/} in the archive.
 *
 * @param runId the change point's run; for a drift, its last run when it was acknowledged
 * @param at when, as an ISO-8601 instant
 * @param change the relative change when it was acknowledged (for a drift, its total change then)
 * @param kind {@value #DRIFT} for a drift; absent (null) for a change point, as in files written before
 *        drifts could be acknowledged
 * @param startRunId a drift's first run when it was acknowledged (null for a change point)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Acknowledgement(
        @JsonProperty("case_key") String caseKey,
        String metric,
        @JsonProperty("run_id") String runId,
        String by,
        String why,
        String at,
        double change,
        String kind,
        @JsonProperty("start_run_id") String startRunId) {

    public static final String DRIFT = "drift";

    /** A change point's acknowledgement. */
    public Acknowledgement(String caseKey, String metric, String runId, String by, String why, String at, double change) {
        this(caseKey, metric, runId, by, why, at, change, null, null);
    }

    @JsonIgnore
    public boolean isDrift() {
        return DRIFT.equals(kind);
    }
}

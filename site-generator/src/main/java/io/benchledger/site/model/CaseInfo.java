package io.benchledger.site.model;

import java.util.SortedMap;

/**
 * One benchmark case (benchmark + parameters + mode + threads) with the primary metric's unit and
 * direction as of its latest run, and the id of its newest run. {@code fingerprint} changes whenever a run adds to or removes
 * from the case's history: incremental generation compares it with the previous one.
 */
public record CaseInfo(
        String caseKey,
        String benchmark,
        SortedMap<String, String> params,
        String mode,
        String unit,
        boolean higherIsBetter,
        int threads,
        long points,
        String lastRunId,
        String fingerprint) {

    /** The series' label on its benchmark page: parameters, mode and threads. */
    public String label() {
        StringBuilder sb = new StringBuilder(paramsText());
        if (!mode.isEmpty() && !"value".equals(mode)) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(mode);
        }
        if (threads > 1) {
            sb.append(sb.length() > 0 ? " " : "").append(threads).append(" threads");
        }
        return sb.length() == 0 ? "default" : sb.toString();
    }

    /** The parameters as {@code name=value, …}. */
    public String paramsText() {
        StringBuilder sb = new StringBuilder();
        params.forEach((k, v) -> {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(k).append('=').append(v);
        });
        return sb.toString();
    }
}

package io.benchledger.cli.command;

import io.benchledger.archive.analysis.changepoint.Drift;
import java.util.LinkedHashMap;
import java.util.Map;

/** A drift as the {@code drifts} list of {@code changes --format json} spells it. */
public final class DriftJson {
    private DriftJson() {
    }

    public static Map<String, Object> of(Drift d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("case_key", d.caseKey());
        m.put("benchmark", d.benchmark());
        m.put("metric", d.metric());
        m.put("start_index", d.startIndex());
        m.put("end_index", d.endIndex());
        m.put("runs", d.runs());
        m.put("start_run_id", d.startRunId());
        m.put("end_run_id", d.endRunId());
        m.put("start_version", d.startVersion());
        m.put("end_version", d.endVersion());
        m.put("start_commit", d.startCommit());
        m.put("end_commit", d.endCommit());
        m.put("start_time", d.startTime().toString());
        m.put("end_time", d.endTime().toString());
        m.put("before", d.before());
        m.put("after", d.after());
        m.put("change", d.change());
        m.put("change_per_run", d.changePerRun());
        m.put("change_per_day", Double.isFinite(d.changePerDay()) ? d.changePerDay() : null);
        m.put("p_value", d.pValue());
        m.put("direction", d.direction());
        m.put("alert", d.alert());
        m.put("threshold", Double.isFinite(d.threshold()) ? d.threshold() : null);
        m.put("threshold_source", d.thresholdSource().isEmpty() ? null : d.thresholdSource());
        m.put("acknowledged", d.acknowledged());
        m.put("acknowledged_change", d.acknowledged() ? d.acknowledgedChange() : null);
        return m;
    }

    /** One phrase for the text formats: "alert (threshold 5.0 %, configured)", "information (below …)", …. */
    public static String verdict(Drift d) {
        String t = Double.isFinite(d.threshold())
                ? String.format(java.util.Locale.ROOT, "%.1f%% %s", 100 * d.threshold(), d.thresholdSource()) : "n/a";
        if (d.acknowledged()) {
            return d.alert() ? "alert: moved by the threshold (" + t + ") since it was acknowledged"
                    : "acknowledged at " + io.benchledger.archive.format.TableFormatter.percent(d.acknowledgedChange());
        }
        return d.alert() ? "alert (threshold " + t + ")" : "information (below the threshold, " + t + ")";
    }

    /** What a drift is to the user: {@code alert}, {@code information} (below the threshold) or {@code acknowledged}. */
    public static String alertWord(Drift d) {
        return d.alert() ? "alert" : d.acknowledged() ? "acknowledged" : "information";
    }
}

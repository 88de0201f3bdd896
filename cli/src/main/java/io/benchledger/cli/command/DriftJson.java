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
        return m;
    }
}

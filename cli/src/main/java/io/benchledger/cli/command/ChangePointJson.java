package io.benchledger.cli.command;

import io.benchledger.archive.analysis.changepoint.ChangePoint;
import java.util.LinkedHashMap;
import java.util.Map;

/** A change point as the JSON contract of {@code changes --format json} spells it. */
public final class ChangePointJson {
    private ChangePointJson() {
    }

    public static Map<String, Object> of(ChangePoint c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("case_key", c.caseKey());
        m.put("benchmark", c.benchmark());
        m.put("metric", c.metric());
        m.put("run_id", c.runId());
        m.put("version", c.version());
        m.put("commit", c.commit());
        m.put("time", c.time().toString());
        m.put("index", c.index());
        m.put("before", c.before());
        m.put("after", c.after());
        m.put("change", c.change());
        m.put("p_value", c.pValue());
        m.put("direction", c.direction());
        return m;
    }
}

package io.benchledger.collector.load;

import io.benchledger.workload.Stage;
import io.benchledger.workload.Workload;
import java.util.Map;

/** A service of known service time: stage {@code serve} sleeps; {@code fail} throws on every request. */
public final class SleepWorkload implements Workload {
    private long millis = 10;

    @Override
    public void setUp(Map<String, String> params) {
        millis = Long.parseLong(params.getOrDefault("serviceMillis", "10"));
    }

    @Override
    public Map<String, Stage> stages() {
        return Map.of("serve", r -> Thread.sleep(millis), "fail", r -> {
            throw new IllegalStateException("refused " + r.sequence());
        });
    }
}

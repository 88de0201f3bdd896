package io.benchledger.cli.workflow;

import io.benchledger.collector.run.CollectOptions;
import io.benchledger.collector.run.CollectResult;
import io.benchledger.collector.run.Collector;
import io.benchledger.collector.run.Progress;
import java.io.IOException;

/** The collect step of a workflow: progress on stderr, the collector's notes after it. */
public final class Collection {
    private Collection() {
    }

    public static CollectResult run(CollectOptions options) throws IOException {
        CollectResult r;
        try (Progress progress = Progress.forStderr()) {
            r = new Collector(progress).collect(options);
        }
        r.notes().forEach(n -> System.err.println("benchledger: note: " + n));
        return r;
    }
}

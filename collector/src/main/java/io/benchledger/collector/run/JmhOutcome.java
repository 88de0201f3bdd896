package io.benchledger.collector.run;

import io.benchledger.archive.model.Result;
import io.benchledger.collector.jmh.JmhResults;
import java.util.List;

/**
 * What one JMH process gave: the results and samples of its JSON file, the cases its log says failed
 * (as results with their error and no score), and the case each of its forks ran, in order.
 */
record JmhOutcome(JmhResults jmh, List<Result> failed, List<String> forkCases) {
    JmhOutcome {
        failed = List.copyOf(failed);
        forkCases = List.copyOf(forkCases);
    }
}

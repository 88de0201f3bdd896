package io.benchledger.collector.run;

import io.benchledger.archive.model.Result;
import io.benchledger.archive.model.Sample;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The results and samples of a run as its JMH processes finish. A case that two groups of the suite
 * select is measured twice: the first measurement is kept.
 */
final class Measurements {
    private final List<Result> results = new ArrayList<>();
    private final List<Sample> samples = new ArrayList<>();
    private final List<Result> failed = new ArrayList<>();
    private final Set<String> keys = new HashSet<>();

    /**
     * Adds what one JMH process measured.
     *
     * @return the cases it measured again and that were left out
     */
    Set<String> add(JmhOutcome outcome) {
        for (Result r : outcome.failed()) {
            failed.add(r);
            results.add(r);
            keys.add(r.caseKey() + "|" + r.metric());
        }
        Set<String> skipped = new LinkedHashSet<>();
        for (Result r : outcome.jmh().results()) {
            if (!keys.add(r.caseKey() + "|" + r.metric())) {
                skipped.add(r.caseKey());
                continue;
            }
            results.add(r);
        }
        for (Sample s : outcome.jmh().samples()) {
            if (!skipped.contains(s.caseKey())) {
                samples.add(s);
            }
        }
        return skipped;
    }

    /** The run's results so far, failed cases included; callers add process metrics to it. */
    List<Result> results() {
        return results;
    }

    List<Sample> samples() {
        return samples;
    }

    List<Result> failed() {
        return failed;
    }
}

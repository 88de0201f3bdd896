package io.benchledger.archive.model;

import java.util.List;
import java.util.Objects;

/** Everything one run adds to the archive: the run row, its results and its raw samples. */
public record RunRecord(Run run, List<Result> results, List<Sample> samples) {
    public RunRecord {
        Objects.requireNonNull(run, "run");
        results = List.copyOf(results);
        samples = List.copyOf(samples);
        for (Result r : results) {
            if (!r.runId().equals(run.runId())) {
                throw new IllegalArgumentException("result " + r.caseKey() + " belongs to run " + r.runId()
                        + ", not " + run.runId());
            }
        }
        for (Sample s : samples) {
            if (!s.runId().equals(run.runId())) {
                throw new IllegalArgumentException("sample of " + s.caseKey() + " belongs to run " + s.runId()
                        + ", not " + run.runId());
            }
        }
    }
}

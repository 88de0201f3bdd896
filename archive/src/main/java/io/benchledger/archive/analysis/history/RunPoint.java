package io.benchledger.archive.analysis.history;

import java.time.Instant;

/** One run of a project's history: where a change point is placed (run, version, commit, time). */
public record RunPoint(int index, String runId, String version, String commit, Instant time) {
}

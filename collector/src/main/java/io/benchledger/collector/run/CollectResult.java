package io.benchledger.collector.run;

import io.benchledger.archive.model.Result;
import io.benchledger.archive.model.RunRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A committed collection.
 *
 * @param logs the folder in the archive holding JMH's JSON and log of this run
 * @param failed the cases whose benchmark threw or whose JVM died (also stored, with their error)
 * @param notes things the user should know (a skipped measurement, an unsupported platform)
 */
public record CollectResult(RunRecord record, Path logs, List<Result> failed, List<String> notes, Duration elapsed) {
    public CollectResult {
        failed = List.copyOf(failed);
        notes = List.copyOf(notes);
    }

    public String runId() {
        return record.run().runId();
    }

    public long measuredCases() {
        return record.results().stream().filter(r -> r.isPrimary() && !r.failed()).count();
    }
}

package io.benchledger.collector.load;

import io.benchledger.archive.model.RunRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A committed load run.
 *
 * @param cases one line per measured case (what the command prints)
 * @param logs the folder in the archive holding each case's input, outcome and output
 */
public record LoadResult(RunRecord record, List<CaseSummary> cases, List<String> failed, Path logs, Duration elapsed) {
    public LoadResult {
        cases = List.copyOf(cases);
        failed = List.copyOf(failed);
    }

    public String runId() {
        return record.run().runId();
    }

    /**
     * @param outcome empty for a sweep's saturation case
     * @param saturation for a sweep: the highest rate that held (NaN: none held, or not a sweep)
     */
    public record CaseSummary(String caseKey, java.util.Optional<LoadOutcome> outcome, double saturation,
                              double maxP99Millis) {
    }
}

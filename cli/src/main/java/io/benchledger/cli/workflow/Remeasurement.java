package io.benchledger.cli.workflow;

import io.benchledger.archive.BadInputException;
import io.benchledger.archive.analysis.compare.Comparison;
import io.benchledger.archive.analysis.compare.ComparisonOptions;
import io.benchledger.archive.analysis.compare.Confirmation;
import io.benchledger.archive.analysis.compare.Side;
import io.benchledger.archive.query.ArchiveDatabase;
import io.benchledger.archive.store.Archive;
import io.benchledger.collector.run.CollectOptions;
import io.benchledger.collector.run.CollectResult;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.SortedSet;
import java.util.function.Function;

/**
 * The nightly's second look ({@link Confirmation}): the benchmarks its run calls changed against the
 * recent history are measured again at once, and the gate judges the run and the re-measurement
 * together. Nothing is measured again when nothing changed or the history is too short to judge.
 */
public final class Remeasurement {
    private Remeasurement() {
    }

    /**
     * The candidate the gate judges: {@code run:RUN}, or {@code run:RUN+AGAIN} after a re-measurement.
     *
     * @param again the collect options of a re-measurement of the benchmarks these include patterns select
     */
    public static Side candidate(Archive archive, String runId, Side recent, ComparisonOptions options,
                                 Function<List<String>, CollectOptions> again) throws IOException, SQLException {
        Side run = new Side(Side.Kind.RUN, runId);
        SortedSet<String> flagged;
        try (ArchiveDatabase db = ArchiveDatabase.open(archive)) {
            flagged = Confirmation.benchmarksToRemeasure(Comparison.run(db, recent, run, options));
        } catch (BadInputException noHistory) {
            return run; // the first night: nothing to be judged against, so nothing to confirm
        }
        if (flagged.isEmpty()) {
            return run;
        }
        System.err.println("benchledger: measuring again what run " + runId + " calls changed, before the gate trusts it ("
                + flagged.size() + (flagged.size() == 1 ? " benchmark" : " benchmarks") + "): " + String.join(", ", flagged));
        CollectResult r = Collection.run(again.apply(Confirmation.includePatterns(flagged)));
        return Confirmation.candidate(runId, List.of(r.runId()));
    }
}

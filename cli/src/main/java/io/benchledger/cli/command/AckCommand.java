package io.benchledger.cli.command;

import io.benchledger.archive.BadInputException;
import io.benchledger.archive.analysis.changepoint.Acknowledgement;
import io.benchledger.archive.analysis.changepoint.Acknowledgements;
import io.benchledger.archive.analysis.changepoint.ChangePoint;
import io.benchledger.archive.analysis.changepoint.ChangePointAnalysis;
import io.benchledger.archive.analysis.changepoint.Drift;
import io.benchledger.archive.analysis.changepoint.DriftDetector;
import io.benchledger.archive.analysis.changepoint.EDivisive;
import io.benchledger.archive.analysis.changepoint.SeriesDetector;
import io.benchledger.archive.analysis.history.CaseSeries;
import io.benchledger.archive.analysis.history.History;
import io.benchledger.archive.analysis.history.RunPoint;
import io.benchledger.archive.format.TableFormatter;
import io.benchledger.archive.model.Result;
import io.benchledger.archive.query.ArchiveDatabase;
import io.benchledger.archive.store.Archive;
import io.benchledger.cli.ArchiveOptions;
import io.benchledger.cli.GlobalOptions;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "ack", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Acknowledges a change point or a drift (an accepted trade-off, a known machine change), so",
                "that 'changes' and the gate no longer report it. Recorded with who, when and why in",
                "annotations/ack-<id>.yaml inside the archive. The change point must be one 'changes' finds",
                "(its run, or within " + Acknowledgements.SLACK + " runs of it, since a change point can move by a run or two as",
                "history grows); a run inside one of the case's drifts (its first or last run, as 'changes' prints",
                "them) acknowledges that drift: it alerts again only when it moves on by its case's threshold."})
public final class AckCommand implements Callable<Integer> {
    @Mixin
    ArchiveOptions archiveOptions;
    @Mixin
    DetectorOptions detector;
    @Mixin
    GlobalOptions global;

    @Parameters(paramLabel = "CASE", description = "The case key, as 'changes' prints it.")
    String caseKey;

    @Option(names = "--run", paramLabel = "RUN_ID", required = true, description = "The run of the change point, or a run of the drift.")
    String runId;

    @Option(names = "--metric", paramLabel = "NAME", defaultValue = Result.PRIMARY,
            description = "The metric (default: ${DEFAULT-VALUE}).")
    String metric;

    @Option(names = "--by", paramLabel = "WHO", required = true, description = "Who acknowledges it.")
    String by;

    @Option(names = "--why", paramLabel = "TEXT", required = true, description = "Why it is accepted.")
    String why;

    @Override
    public Integer call() throws Exception {
        if (by.isBlank() || why.isBlank()) {
            throw new BadInputException("--by and --why must not be empty");
        }
        Archive archive = archiveOptions.openExisting();
        History h;
        try (ArchiveDatabase db = ArchiveDatabase.open(archive)) {
            h = History.loadCase(db, archiveOptions.project, caseKey);
        }
        CaseSeries series = h.series().stream().filter(s -> s.metric().equals(metric)).findFirst()
                .orElseThrow(() -> new BadInputException("no case '" + caseKey + "' with metric '" + metric
                        + "' in project '" + archiveOptions.project + "'"));
        RunPoint run = h.runsById().get(runId);
        int at = run == null ? -1 : series.indexOfRun(run.index());
        if (at < 0) {
            throw new BadInputException("--run " + runId + ": case '" + caseKey + "' has no result in that run");
        }
        ChangePoint found = null;
        SeriesDetector.Detection detection = SeriesDetector.detect(series.values(), detector.settings());
        for (EDivisive.Split split : detection.changePoints()) {
            if (Math.abs(split.index() - at) <= Acknowledgements.SLACK) {
                found = ChangePointAnalysis.changePoint(h, series, split);
            }
        }
        if (found == null) {
            for (DriftDetector.Drift d : detection.drifts()) {
                if (d.start() <= at && at <= d.end()) {
                    return acknowledge(archive, ChangePointAnalysis.drift(h, series, d, detection.noise()));
                }
            }
            throw new BadInputException("no change point of '" + caseKey + "' (" + metric + ") at run " + runId
                    + " or within " + Acknowledgements.SLACK + " runs of it, and no drift through it (see 'benchledger changes')");
        }
        Acknowledgement ack = new Acknowledgement(caseKey, metric, found.runId(), by, why,
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), found.change());
        Path file = Acknowledgements.write(archive, ack);
        System.out.printf("acknowledged %s (%s) at run %s: %s, by %s%n", caseKey, metric, found.runId(),
                TableFormatter.percent(found.change()), by);
        System.err.println("ack: wrote " + archive.root().relativize(file));
        return 0;
    }

    /** A drift's acknowledgement: its first and last run and its total change now. */
    private int acknowledge(Archive archive, Drift d) throws java.io.IOException {
        Acknowledgement ack = new Acknowledgement(caseKey, metric, d.endRunId(), by, why,
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), d.change(), Acknowledgement.DRIFT, d.startRunId());
        Path file = Acknowledgements.write(archive, ack);
        System.out.printf("acknowledged the drift of %s (%s) from run %s to %s: %s, by %s%n", caseKey, metric,
                d.startRunId(), d.endRunId(), TableFormatter.percent(d.change()), by);
        System.err.println("ack: wrote " + archive.root().relativize(file));
        return 0;
    }
}

package io.benchledger.cli.command;

import io.benchledger.archive.analysis.recommend.RunMeasurements;
import io.benchledger.archive.analysis.scalability.ScalabilityAnalysis;
import io.benchledger.archive.format.OutputFormat;
import io.benchledger.archive.format.Table;
import io.benchledger.archive.format.TableFormatter;
import io.benchledger.archive.query.ArchiveDatabase;
import io.benchledger.cli.ArchiveOptions;
import io.benchledger.cli.FormatOption;
import io.benchledger.cli.GlobalOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "scalability", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Speed-up and parallel efficiency over thread counts, for the cases of one run measured at",
                "several thread counts (case keys that differ only in their /tN suffix). Speed-up is",
                "relative to the smallest thread count measured; efficiency = speed-up / min(threads,",
                "processors of the run's machine) (actual / ideal): thread counts above the processor count",
                "are marked oversubscribed, not blamed on contention. The knee is the first thread count",
                "whose efficiency is below --threshold.",
                "Reads the newest run of the project unless --run or --project-version says otherwise."})
public final class ScalabilityCommand implements Callable<Integer> {
    @Mixin
    ArchiveOptions archiveOptions;
    @Mixin
    FormatOption formatOption;
    @Mixin
    GlobalOptions global;

    @Option(names = "--run", paramLabel = "RUN_ID", description = "The run to analyse.")
    String runId;
    @Option(names = "--project-version", paramLabel = "V", description = "Analyse the newest run of this version.")
    String version;
    @Option(names = "--threshold", defaultValue = "0.7",
            description = "Efficiency below which scaling counts as poor (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Override
    public Integer call() throws Exception {
        try (ArchiveDatabase db = ArchiveDatabase.open(archiveOptions.openExisting())) {
            String run = RunMeasurements.resolveRun(db, archiveOptions.project, runId, version);
            int processors = RunMeasurements.processors(db, run);
            List<ScalabilityAnalysis.Curve> curves = ScalabilityAnalysis.analyse(RunMeasurements.scalePoints(db, run),
                    threshold, processors);
            if (formatOption.format == OutputFormat.JSON) {
                List<Map<String, Object>> out = new ArrayList<>();
                for (ScalabilityAnalysis.Curve c : curves) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("family", c.family());
                    m.put("mode", c.mode());
                    m.put("unit", c.unit());
                    m.put("threshold", c.threshold());
                    m.put("knee_threads", c.knee().isPresent() ? c.knee().getAsInt() : null);
                    m.put("processors", c.processors());
                    m.put("efficiency_basis", "min(threads, processors)");
                    m.put("points", c.points());
                    out.add(m);
                }
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("run_id", run);
                doc.put("curves", out);
                System.out.print(TableFormatter.json(doc));
                return 0;
            }
            List<List<Object>> rows = new ArrayList<>();
            for (ScalabilityAnalysis.Curve c : curves) {
                for (ScalabilityAnalysis.Point p : c.points()) {
                    boolean knee = c.knee().isPresent() && c.knee().getAsInt() == p.threads();
                    String note = p.oversubscribed() ? "oversubscribed (" + processors + " processors)" : "";
                    if (knee) {
                        note = (note.isEmpty() ? "" : note + "; ") + "below " + threshold;
                    }
                    rows.add(List.of(c.family(), p.threads(), p.score(), c.unit(), p.speedup(), p.ideal(), p.efficiency(),
                            note));
                }
            }
            System.out.print(TableFormatter.format(new Table(List.of("family", "threads", "score", "unit", "speedup",
                    "ideal", "efficiency", "note"), rows), formatOption.format));
            if (formatOption.format == OutputFormat.TABLE && !curves.isEmpty()) {
                System.err.println("efficiency = speed-up ÷ min(threads, processors); this run's machine had "
                        + (processors > 0 ? processors + " processors" : "an unknown number of processors"));
            }
            if (curves.isEmpty()) {
                System.err.println("no case of run " + run + " was measured at two or more thread counts");
            }
        }
        return 0;
    }
}

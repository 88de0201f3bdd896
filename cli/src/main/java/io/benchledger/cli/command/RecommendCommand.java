package io.benchledger.cli.command;

import io.benchledger.archive.BadInputException;
import io.benchledger.archive.analysis.recommend.RunMeasurements;
import io.benchledger.archive.analysis.budget.Budget;
import io.benchledger.archive.analysis.recommend.Recommendation;
import io.benchledger.archive.analysis.recommend.Thresholds;
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
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "recommend", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Advice from the measurements of one run, each naming its evidence: unstable cases (coefficient",
                "of variation above --max-cv, with the forks needed), bimodal iteration scores (Sarle's",
                "bimodality coefficient), large tails (p99 / p50), high or grown allocation per operation,",
                "poor parallel efficiency, budgets close to their limit.",
                "Reads the newest run of the project unless --run or --project-version says otherwise; --baseline",
                "(a version: its newest run) enables the allocation-growth and regression-budget rules."})
public final class RecommendCommand implements Callable<Integer> {
    @Mixin
    ArchiveOptions archiveOptions;
    @Mixin
    FormatOption formatOption;
    @Mixin
    GlobalOptions global;

    @Option(names = "--run", paramLabel = "RUN_ID", description = "The run to look at.")
    String runId;
    @Option(names = "--project-version", paramLabel = "V", description = "Look at the newest run of this version.")
    String version;
    @Option(names = "--baseline", paramLabel = "V", description = "A version whose newest run is the baseline.")
    String baseline;
    @Option(names = "--budget", paramLabel = "SPEC",
            description = "A budget: REGEX,key=value... with keys max-p99, min-throughput, max-alloc, max-regression; repeatable. "
                    + "Example: --budget 'Aes.*,max-p99=2.5,max-alloc=1024'.")
    List<String> budgetSpecs = new ArrayList<>();

    @Option(names = "--max-cv", defaultValue = "" + Thresholds.MAX_CV, description = "Coefficient of variation above which a case is unstable (default: ${DEFAULT-VALUE}).")
    double maxCv;
    @Option(names = "--precision", defaultValue = "" + Thresholds.TARGET_PRECISION, description = "Relative 95%% half-width the forks-needed advice aims at (default: ${DEFAULT-VALUE}).")
    double precision;
    @Option(names = "--tail-ratio", defaultValue = "" + Thresholds.TAIL_RATIO, description = "p99 / p50 above which the tail is large (default: ${DEFAULT-VALUE}).")
    double tailRatio;
    @Option(names = "--alloc-high", defaultValue = "" + Thresholds.ALLOCATION_HIGH, description = "Bytes per operation above which allocation is high (default: ${DEFAULT-VALUE}).")
    double allocHigh;
    @Option(names = "--alloc-growth", defaultValue = "" + Thresholds.ALLOCATION_GROWTH, description = "Growth of bytes per operation since the baseline that is reported (default: ${DEFAULT-VALUE}).")
    double allocGrowth;
    @Option(names = "--efficiency", defaultValue = "" + Thresholds.EFFICIENCY, description = "Parallel efficiency below which scaling is poor (default: ${DEFAULT-VALUE}).")
    double efficiency;
    @Option(names = "--budget-margin", defaultValue = "" + Thresholds.BUDGET_MARGIN, description = "How close to a budget's limit counts as close (default: ${DEFAULT-VALUE}).")
    double budgetMargin;

    @Override
    public Integer call() throws Exception {
        List<Budget> budgets = new ArrayList<>();
        for (String s : budgetSpecs) {
            budgets.add(parseBudget(s));
        }
        Thresholds t = new Thresholds(maxCv, precision, Thresholds.BIMODALITY, Thresholds.MIN_SAMPLES_FOR_SHAPE, tailRatio,
                allocHigh, allocGrowth, efficiency, budgetMargin);
        List<Recommendation> recs;
        String run;
        try (ArchiveDatabase db = ArchiveDatabase.open(archiveOptions.openExisting())) {
            run = RunMeasurements.resolveRun(db, archiveOptions.project, runId, version);
            String base = baseline == null ? null : RunMeasurements.resolveRun(db, archiveOptions.project, null, baseline);
            recs = RunMeasurements.recommendations(db, run, base, budgets, t);
        }
        if (formatOption.format == OutputFormat.JSON) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("run_id", run);
            doc.put("recommendations", recs);
            System.out.print(TableFormatter.json(doc));
            return 0;
        }
        List<List<Object>> rows = new ArrayList<>();
        for (Recommendation r : recs) {
            rows.add(List.of(r.rule(), r.caseKey(), r.message()));
        }
        System.out.print(TableFormatter.format(new Table(List.of("rule", "case_key", "recommendation"), rows),
                formatOption.format));
        if (recs.isEmpty()) {
            System.err.println("no recommendation for run " + run);
        }
        return 0;
    }

    static Budget parseBudget(String spec) {
        String[] parts = spec.split(",");
        try {
            Pattern.compile(parts[0]);
        } catch (PatternSyntaxException e) {
            throw new BadInputException("--budget '" + spec + "': '" + parts[0] + "' is not a regular expression");
        }
        OptionalDouble p99 = OptionalDouble.empty();
        OptionalDouble thr = OptionalDouble.empty();
        OptionalDouble alloc = OptionalDouble.empty();
        OptionalDouble reg = OptionalDouble.empty();
        for (int i = 1; i < parts.length; i++) {
            String[] kv = parts[i].split("=", 2);
            double v;
            try {
                v = Double.parseDouble(kv.length == 2 ? kv[1].trim() : "");
            } catch (NumberFormatException e) {
                throw new BadInputException("--budget '" + spec + "': '" + parts[i] + "' should be key=number");
            }
            switch (kv[0].trim()) {
                case "max-p99" -> p99 = OptionalDouble.of(v);
                case "min-throughput" -> thr = OptionalDouble.of(v);
                case "max-alloc" -> alloc = OptionalDouble.of(v);
                case "max-regression" -> reg = OptionalDouble.of(v);
                default -> throw new BadInputException("--budget '" + spec + "': unknown key '" + kv[0]
                        + "' (expected max-p99, min-throughput, max-alloc or max-regression)");
            }
        }
        return new Budget(parts[0], p99, thr, alloc, reg, "");
    }
}

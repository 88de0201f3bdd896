package io.benchledger.cli.command;

import io.benchledger.archive.analysis.budget.Budget;
import io.benchledger.archive.analysis.budget.BudgetSyntax;
import io.benchledger.archive.analysis.recommend.AdviceRules;
import io.benchledger.archive.analysis.recommend.Recommendation;
import io.benchledger.archive.analysis.recommend.RunMeasurements;
import io.benchledger.archive.analysis.recommend.Thresholds;
import io.benchledger.archive.format.OutputFormat;
import io.benchledger.archive.format.Table;
import io.benchledger.archive.format.TableFormatter;
import io.benchledger.archive.query.ArchiveDatabase;
import io.benchledger.cli.ArchiveOptions;
import io.benchledger.cli.FormatOption;
import io.benchledger.cli.GlobalOptions;
import io.benchledger.collector.config.ResolvedSuite;
import io.benchledger.collector.config.SuiteConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "recommend", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Advice from the measurements of one run, each with a priority (critical, high, medium, low),",
                "an impact estimate with its basis, and the evidence it rests on; sorted by priority, then impact.",
                "Rules: budgets broken (critical), beyond their target (high), close or not checked (low);",
                "domain rules of the suite ('mean > 10ms'); large tails of per-operation latency (sample mode);",
                "poor parallel efficiency at thread counts up to the processor count; grown or high allocation;",
                "unstable or bimodal cases (low: they concern the measurement, not the speed).",
                "Budgets and rules come from --config (the suite's criteria and recommendations), --budgets FILE",
                "and --budget (inline, the same syntax as a budget file entry). Reads the newest run of the",
                "project unless --run or --project-version says otherwise; --baseline (a version: its newest",
                "run) enables the allocation-growth rule."})
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
    @Option(names = "--config", paramLabel = "FILE",
            description = "Suite configuration: its suite's criteria are budgets, its recommendations section sets thresholds and domain rules.")
    Path config;
    @Option(names = "--suite", paramLabel = "NAME", description = "With --config: the suite (default: the file's default suite).")
    String suite = "";
    @Option(names = "--budgets", paramLabel = "FILE", description = "YAML list of budgets (as for 'check').")
    Path budgetsFile;
    @Option(names = "--budget", paramLabel = "YAML",
            description = "A budget in the budget file syntax, inline; repeatable. Example: "
                    + "--budget '{pattern: \\.encrypt, max_p99: 2ms, max_allocation_per_op: 1KiB}'.")
    List<String> budgetSpecs = new ArrayList<>();

    @Option(names = "--max-cv", description = "Coefficient of variation above which a case is unstable (default: " + Thresholds.MAX_CV + ").")
    Double maxCv;
    @Option(names = "--precision", description = "Relative 95%% half-width the forks-needed advice aims at (default: " + Thresholds.TARGET_PRECISION + ").")
    Double precision;
    @Option(names = "--tail-ratio", description = "p99 / p50 above which the tail is large (default: " + Thresholds.TAIL_RATIO + ").")
    Double tailRatio;
    @Option(names = "--alloc-high", description = "Bytes per operation above which allocation is high (default: " + Thresholds.ALLOCATION_HIGH + ").")
    Double allocHigh;
    @Option(names = "--alloc-growth", description = "Growth of bytes per operation since the baseline that is reported (default: " + Thresholds.ALLOCATION_GROWTH + ").")
    Double allocGrowth;
    @Option(names = "--efficiency", description = "Parallel efficiency below which scaling is poor (default: " + Thresholds.EFFICIENCY + ").")
    Double efficiency;

    @Override
    public Integer call() throws Exception {
        List<Budget> budgets = new ArrayList<>();
        AdviceRules rules = AdviceRules.defaults();
        if (config != null) {
            ResolvedSuite s = SuiteConfig.load(config).resolve(suite, "", "");
            budgets.addAll(s.budgets());
            rules = s.suite().recommendations();
        }
        if (budgetsFile != null) {
            budgets.addAll(BudgetSyntax.read(budgetsFile));
        }
        for (String s : budgetSpecs) {
            budgets.addAll(BudgetSyntax.inline("--budget", s));
        }
        Thresholds d = rules.thresholds();
        Thresholds t = new Thresholds(or(maxCv, d.maxCv()), or(precision, d.targetPrecision()), d.bimodality(),
                d.minSamplesForShape(), or(tailRatio, d.tailRatio()), or(allocHigh, d.allocationHigh()),
                or(allocGrowth, d.allocationGrowth()), or(efficiency, d.efficiency()), d.budgetMargin());
        List<Recommendation> recs;
        String run;
        try (ArchiveDatabase db = ArchiveDatabase.open(archiveOptions.openExisting())) {
            run = RunMeasurements.resolveRun(db, archiveOptions.project, runId, version);
            String base = baseline == null ? null : RunMeasurements.resolveRun(db, archiveOptions.project, null, baseline);
            recs = RunMeasurements.recommendations(db, run, base, budgets, new AdviceRules(t, rules.rules()));
        }
        if (formatOption.format == OutputFormat.JSON) {
            List<Map<String, Object>> out = new ArrayList<>();
            for (Recommendation r : recs) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("priority", r.priority().json());
                m.put("rule", r.rule());
                m.put("case_key", r.caseKey());
                m.put("impact", Double.isFinite(r.impact()) ? r.impact() : null);
                m.put("impact_basis", r.impactBasis());
                m.put("message", r.message());
                m.put("evidence", r.evidence());
                out.add(m);
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("run_id", run);
            doc.put("recommendations", out);
            System.out.print(TableFormatter.json(doc));
            return 0;
        }
        List<List<Object>> rows = new ArrayList<>();
        for (Recommendation r : recs) {
            rows.add(List.of(r.priority().json(), r.rule(), r.caseKey(), r.impactText(), r.message()));
        }
        System.out.print(TableFormatter.format(new Table(List.of("priority", "rule", "case_key", "impact", "recommendation"), rows),
                formatOption.format));
        if (recs.isEmpty()) {
            System.err.println("no recommendation for run " + run);
        }
        return 0;
    }

    private static double or(Double given, double fallback) {
        return given == null ? fallback : given;
    }
}

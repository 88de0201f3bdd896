package io.benchledger.cli.command;

import io.benchledger.archive.BadInputException;
import io.benchledger.archive.analysis.budget.Budget;
import io.benchledger.archive.analysis.budget.BudgetEvaluator;
import io.benchledger.archive.analysis.budget.BudgetSyntax;
import io.benchledger.archive.analysis.budget.BudgetOutput;
import io.benchledger.archive.analysis.budget.BudgetReport;
import io.benchledger.archive.analysis.compare.ComparisonOptions;
import io.benchledger.archive.analysis.compare.Side;
import io.benchledger.archive.query.ArchiveDatabase;
import io.benchledger.cli.ArchiveOptions;
import io.benchledger.cli.ExitCodes;
import io.benchledger.cli.FormatOption;
import io.benchledger.cli.GlobalOptions;
import io.benchledger.collector.config.ResolvedSuite;
import io.benchledger.collector.config.SuiteConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Checks budgets on a run. Each budget applies to the cases whose case key",
                "(benchmark[params]@mode/tN) its pattern finds; criteria: max_mean, max_p99, min_throughput,",
                "max_allocation_per_op, max_rss, max_cpu, max_regression, max_rss_regression, min_pass_rate,",
                "min_achieved_rate (a workload case's rate.achieved: 900 req/s, or 95%% of its rate.target).",
                "Values take units (200us, 1.5ms, 64MB, 100MB/s, 10k ops/s, 900 req/s, 5%%) and one level or two",
                "({target: 200us, critical: 500us}): beyond the target warns, beyond critical fails.",
                "No matching case or no baseline is 'not checked', counted apart. Exit 1 when a budget fails.",
                "Budgets come from a suite configuration's criteria (--config FILE, the suite --suite or the",
                "file's default suite) or from a YAML list (--budgets FILE), in the same syntax, e.g.:",
                "  - pattern: 'AesGcmBenchmark\\.encrypt\\[size=1048576\\]@thrpt'",
                "    min_throughput: {target: 200MB/s, critical: 100MB/s}",
                "    max_regression: 10%%        # against baseline (default last-release)",
                "See docs/configuration.md.",
                ""},
        footer = {"", "Exit codes: 0 every budget holds; 1 a budget fails; 2 bad input; 3 failure while running."})
public final class CheckCommand implements Callable<Integer> {
    @Mixin
    ArchiveOptions archiveOptions;
    @Mixin
    FormatOption formatOption;
    @Mixin
    GlobalOptions global;

    @Option(names = "--run", paramLabel = "SIDE", defaultValue = "latest",
            description = "The run(s) to check: latest, a run id, a version, branch:NAME … (default: ${DEFAULT-VALUE}).")
    String run;

    @Option(names = "--budgets", paramLabel = "FILE", description = "YAML list of budgets.")
    Path budgets;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Suite configuration (YAML) whose suite's criteria are the budgets.")
    Path config;

    @Option(names = "--suite", paramLabel = "NAME", description = "Only runs of this suite; with --config, the suite whose criteria apply (default: the file's default suite).")
    String suite = "";

    @Option(names = "--threshold", paramLabel = "FRACTION", defaultValue = "2%",
            description = "Noise threshold of the regression comparison (default: ${DEFAULT-VALUE}).")
    String threshold;

    @Override
    public Integer call() throws Exception {
        if ((budgets == null) == (config == null)) {
            throw new BadInputException("check: give either --budgets FILE or --config FILE");
        }
        List<Budget> list;
        if (config != null) {
            ResolvedSuite s = SuiteConfig.load(config).resolve(suite, "", "");
            list = s.budgets();
            if (list.isEmpty()) {
                throw new BadInputException(config + ": suite '" + s.suite().name() + "' has no criteria");
            }
        } else {
            list = BudgetSyntax.read(budgets);
            if (list.isEmpty()) {
                throw new BadInputException(budgets + ": no budgets in the file");
            }
        }
        ComparisonOptions o = ComparisonOptions.builder(archiveOptions.project).suite(suite)
                .threshold(Fractions.parse("--threshold", threshold)).build();
        try (ArchiveDatabase db = ArchiveDatabase.open(archiveOptions.openExisting())) {
            BudgetReport r = BudgetEvaluator.evaluate(db, Side.parse(run), list, o);
            System.out.print(BudgetOutput.format(r, formatOption.format));
            System.out.flush();
            if (!r.passed()) {
                System.err.println("benchledger: " + r.failures().size() + " budget check(s) failed");
                return ExitCodes.GATE_FAILED;
            }
        }
        return ExitCodes.OK;
    }
}

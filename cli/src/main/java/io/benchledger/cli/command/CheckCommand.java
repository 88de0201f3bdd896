package io.benchledger.cli.command;

import io.benchledger.archive.BadInputException;
import io.benchledger.archive.analysis.budget.Budget;
import io.benchledger.archive.analysis.budget.BudgetEvaluator;
import io.benchledger.archive.analysis.budget.BudgetFile;
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
                "Checks budgets on a run: max p99, min throughput, max allocation per",
                "operation, and max regression against a baseline (default last-release; a",
                "regression counts only when 'compare' calls it one). Prints what fails and",
                "what is close to its limit (within 10%%); exit 1 when any budget fails.",
                "Budgets come from a suite configuration's criteria (--config FILE, the suite",
                "--suite or the file's default suite) or from a YAML list (--budgets FILE), e.g.:",
                "  - pattern: \"Crypto\\\\.aesGcm\"   # regex found in the benchmark name",
                "    max_p99: 250.0              # in the case's time unit",
                "    min_throughput: 100000      # ops per the case's time unit",
                "    max_allocation_per_op: 1024 # B/op",
                "    max_regression: 0.05        # fraction",
                "    baseline: last-release",
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
            list = BudgetFile.read(budgets);
            if (list.isEmpty()) {
                throw new BadInputException(budgets + ": no budgets in the file");
            }
        }
        ComparisonOptions o = ComparisonOptions.defaults(archiveOptions.project).withSuite(suite)
                .withThreshold(Fractions.parse("--threshold", threshold));
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

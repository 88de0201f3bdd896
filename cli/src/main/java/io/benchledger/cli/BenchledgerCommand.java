package io.benchledger.cli;

import io.benchledger.archive.query.ArchiveDatabase;
import io.benchledger.cli.command.AbCommand;
import io.benchledger.cli.command.AckCommand;
import io.benchledger.cli.command.ArchiveCommand;
import io.benchledger.cli.command.ChangesCommand;
import io.benchledger.cli.command.CheckCommand;
import io.benchledger.cli.command.CollectCommand;
import io.benchledger.cli.command.CompareCommand;
import io.benchledger.cli.command.CompletionCommand;
import io.benchledger.cli.command.ExportCommand;
import io.benchledger.cli.command.GenerateCommand;
import io.benchledger.cli.command.HistoryCommand;
import io.benchledger.cli.command.ImportCommand;
import io.benchledger.cli.command.NightlyCommand;
import io.benchledger.cli.command.PrCommentCommand;
import io.benchledger.cli.command.RecommendCommand;
import io.benchledger.cli.command.ReleaseCommand;
import io.benchledger.cli.command.ReportCommand;
import io.benchledger.cli.command.ScalabilityCommand;
import io.benchledger.cli.command.SiteCommand;
import io.benchledger.cli.command.SqlCommand;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code benchledger} program: one subcommand per task, each in its own class. */
@Command(name = "benchledger",
        mixinStandardHelpOptions = true,
        versionProvider = ToolVersion.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
                "Continuous benchmarking for the JVM: runs JMH suites, keeps every measurement in a",
                "Parquet archive, finds what changed with sound statistics, and publishes a static",
                "site and PDF reports."},
        footerHeading = "%nExit codes:%n",
        footer = {
                "  0  ok",
                "  1  the gate failed: a regression or a broken budget was found",
                "  2  bad usage, configuration or input (the message names the file and place)",
                "  3  failure while running (a benchmark crashed, the disk is full)",
                "",
                "Documentation: docs/ in the repository (getting started, statistics, archive schema, SQL cookbook)."},
        subcommands = {
                // workflows
                NightlyCommand.class,
                ReleaseCommand.class,
                // measure
                CollectCommand.class,
                io.benchledger.cli.command.LoadCommand.class,
                ImportCommand.class,
                AbCommand.class,
                // analyse
                CompareCommand.class,
                CheckCommand.class,
                HistoryCommand.class,
                ChangesCommand.class,
                ScalabilityCommand.class,
                RecommendCommand.class,
                AckCommand.class,
                // publish
                SiteCommand.class,
                ReportCommand.class,
                ExportCommand.class,
                PrCommentCommand.class,
                // the archive
                SqlCommand.class,
                ArchiveCommand.class,
                GenerateCommand.class,
                CompletionCommand.class,
                CommandLine.HelpCommand.class,
        })
public final class BenchledgerCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The commands that open the archive's database: DuckDB's native library is loaded beside their set-up. */
    private static final Set<String> QUERYING = Set.of("nightly", "release", "compare", "check", "history", "changes",
            "scalability", "recommend", "ack", "site", "report", "export", "sql", "archive");

    public static void main(String[] args) {
        if (args.length > 0 && QUERYING.contains(args[0])) {
            ArchiveDatabase.preload();
        }
        System.exit(run(args));
    }

    /** Runs the program and returns its exit code (tests call this instead of {@link #main}). */
    public static int run(String... args) {
        GlobalOptions.reset();
        return commandLine().execute(args);
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new BenchledgerCommand());
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.setParameterExceptionHandler(new ErrorHandler.Usage());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // without a terminal (CI logs, pipes) help is 100 columns wide; in a terminal, as wide as it is
        cl.setUsageHelpWidth(100);
        HelpParagraphs.install(cl);
        CommandList.install(cl);
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }
}

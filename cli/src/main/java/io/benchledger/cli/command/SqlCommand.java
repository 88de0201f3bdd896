package io.benchledger.cli.command;

import io.benchledger.archive.BadInputException;
import io.benchledger.archive.format.Table;
import io.benchledger.archive.format.TableFormatter;
import io.benchledger.archive.query.ArchiveDatabase;
import io.benchledger.archive.store.Archive;
import io.benchledger.archive.store.PartitionValues;
import io.benchledger.cli.ArchiveOptions;
import io.benchledger.cli.FormatOption;
import io.benchledger.cli.GlobalOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "sql", mixinStandardHelpOptions = true, modelTransformer = SqlCommand.EveryProjectByDefault.class,
        description = {"Runs one SQL query (DuckDB dialect) against the archive's views runs, results and samples.",
                "Only committed runs are visible; every project's rows unless --project NAME is given. Example:",
                "  benchledger sql \"SELECT benchmark, avg(score) FROM results GROUP BY ALL\""})
public final class SqlCommand implements Callable<Integer> {
    @Mixin
    ArchiveOptions archiveOptions;
    @Mixin
    FormatOption formatOption;
    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @ArgGroup(multiplicity = "1")
    Source source;

    static final class Source {
        @Parameters(paramLabel = "QUERY", description = "The query text.")
        String query;
        @Option(names = "--file", paramLabel = "FILE", description = "Read the query from a file.")
        Path file;
    }

    @Override
    public Integer call() throws Exception {
        String sql = source.query;
        if (source.file != null) {
            try {
                sql = Files.readString(source.file, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new BadInputException(source.file + ": no such file");
            }
        }
        Archive archive = archiveOptions.openExisting();
        try (ArchiveDatabase db = ArchiveDatabase.open(archive)) {
            if (spec.commandLine().getParseResult().hasMatchedOption("--project")) {
                onlyProject(db, PartitionValues.check("project", archiveOptions.project));
            }
            Table t = db.userQuery(sql);
            System.out.print(TableFormatter.format(t, formatOption.format));
        }
        return 0;
    }

    /** Without --project, sql reads every project: its help says so rather than the shared "(default: default)". */
    static final class EveryProjectByDefault implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            OptionSpec project = spec.findOption("--project");
            spec.remove(project);
            spec.addOption(OptionSpec.builder(project).description("Only this project's rows (default: every project's).").build());
            return spec;
        }
    }

    /** The views runs, results and samples narrowed to one project (the whole ones stay as all_runs …). */
    private static void onlyProject(ArchiveDatabase db, String project) throws SQLException {
        String literal = "'" + project.replace("'", "''") + "'";
        try (Statement st = db.connection().createStatement()) {
            for (String view : List.of("runs", "results", "samples")) {
                st.execute("ALTER VIEW " + view + " RENAME TO all_" + view);
                st.execute("CREATE VIEW " + view + " AS SELECT * FROM all_" + view + " WHERE project = " + literal);
            }
        }
    }
}

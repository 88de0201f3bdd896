package io.benchledger.cli.command;

import io.benchledger.archive.store.Archive;
import io.benchledger.archive.store.Compactor;
import io.benchledger.cli.ArchiveOptions;
import io.benchledger.cli.GlobalOptions;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "compact", mixinStandardHelpOptions = true,
        description = {"Merges the small files of each partition (project, version) into one file per table.",
                "Crash-safe: at every moment either the old files or the new one are counted, never both."})
public final class ArchiveCompactCommand implements Callable<Integer> {
    @Mixin
    ArchiveOptions archiveOptions;
    @Mixin
    GlobalOptions global;

    @Option(names = "--min-files", defaultValue = "2", paramLabel = "N",
            description = "Compact a partition only when a table has at least N files there (default: ${DEFAULT-VALUE}).")
    int minFiles;

    @Override
    public Integer call() throws Exception {
        Archive archive = archiveOptions.openExisting();
        List<Compactor.Merge> merges = Compactor.compact(archive, minFiles);
        for (Compactor.Merge m : merges) {
            System.out.println(m.table() + " project=" + m.project() + " version=" + m.version() + ": "
                    + m.filesBefore() + " files -> 1");
        }
        if (merges.isEmpty()) {
            System.out.println("nothing to compact");
        }
        return 0;
    }
}

package io.benchledger.cli.command;

import io.benchledger.archive.format.TableFormatter;
import io.benchledger.archive.maintenance.ArchiveInfo;
import io.benchledger.archive.store.Archive;
import io.benchledger.cli.ArchiveOptions;
import io.benchledger.cli.FormatOption;
import io.benchledger.cli.GlobalOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Prints runs, cases, samples, files and bytes per project and version.")
public final class ArchiveInfoCommand implements Callable<Integer> {
    @Mixin
    ArchiveOptions archiveOptions;
    @Mixin
    FormatOption formatOption;
    @Mixin
    GlobalOptions global;

    @Override
    public Integer call() throws Exception {
        Archive archive = archiveOptions.openExisting();
        System.out.print(TableFormatter.format(ArchiveInfo.of(archive), formatOption.format));
        return 0;
    }
}

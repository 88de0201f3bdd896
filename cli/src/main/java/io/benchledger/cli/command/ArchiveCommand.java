package io.benchledger.cli.command;

import picocli.CommandLine.Command;

@Command(name = "archive", mixinStandardHelpOptions = true,
        description = "Looks after the archive: counts and sizes, integrity, compaction.",
        subcommands = {ArchiveInfoCommand.class, ArchiveVerifyCommand.class, ArchiveCompactCommand.class,
                ArchiveMergeCommand.class})
public final class ArchiveCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }
}

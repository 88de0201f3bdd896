package io.benchledger.cli.command;

import io.benchledger.archive.maintenance.ArchiveVerifier;
import io.benchledger.cli.ArchiveOptions;
import io.benchledger.cli.ExitCodes;
import io.benchledger.cli.GlobalOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Checks every file of the archive (readable to the last value, rows agree with the file name)",
                "and that every committed run is complete. Leftovers of interrupted writes are removed and listed.",
                "Exit code 2 when anything is wrong; each problem is one line naming the file."})
public final class ArchiveVerifyCommand implements Callable<Integer> {
    @Mixin
    ArchiveOptions archiveOptions;
    @Mixin
    GlobalOptions global;

    @Override
    public Integer call() throws Exception {
        ArchiveVerifier.Report report = ArchiveVerifier.verify(archiveOptions.archive);
        for (ArchiveVerifier.Finding f : report.findings()) {
            System.err.println((f.problem() ? "benchledger: " : "note: ") + f);
        }
        if (!report.ok()) {
            long n = report.findings().stream().filter(ArchiveVerifier.Finding::problem).count();
            System.out.println("archive " + archiveOptions.archive + ": " + n + " problem(s) in " + report.files() + " files");
            return ExitCodes.BAD_INPUT;
        }
        System.out.println("archive " + archiveOptions.archive + ": ok (" + report.runs() + " runs, " + report.files() + " files)");
        return ExitCodes.OK;
    }
}

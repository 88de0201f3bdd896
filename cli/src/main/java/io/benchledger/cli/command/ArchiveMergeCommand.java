package io.benchledger.cli.command;

import io.benchledger.archive.store.ArchiveMerger;
import io.benchledger.cli.GlobalOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Combines archives written on different hosts into one, file by file without rewriting",
                "(run ids never collide). Merging the same archive twice adds nothing. Archives of an unknown",
                "schema version are refused before anything is written."})
public final class ArchiveMergeCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Parameters(arity = "1..*", paramLabel = "SRC", description = "Archives to merge from.")
    List<Path> sources;

    @Option(names = "--into", required = true, paramLabel = "DST", description = "The archive to merge into (created when missing).")
    Path into;

    @Override
    public Integer call() throws Exception {
        for (ArchiveMerger.MergeReport r : ArchiveMerger.merge(sources, into)) {
            System.out.println(r.source() + ": " + r.runsAdded() + " runs added, " + r.runsAlreadyPresent()
                    + " already present (" + r.filesCopied() + " files copied, " + r.filesRewritten() + " rewritten)");
        }
        return 0;
    }
}

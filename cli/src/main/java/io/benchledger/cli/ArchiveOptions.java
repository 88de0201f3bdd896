package io.benchledger.cli;

import io.benchledger.archive.store.Archive;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --archive} and {@code --project}, taken by every data command. */
public final class ArchiveOptions {
    @Option(names = "--archive", paramLabel = "DIR", defaultValue = "data/archive",
            description = "The archive folder (default: ${DEFAULT-VALUE}).")
    public Path archive;

    @Option(names = "--project", paramLabel = "NAME", defaultValue = "default",
            description = "The project within the archive (default: ${DEFAULT-VALUE}).")
    public String project;

    /** For commands that read: the archive must exist. */
    public Archive openExisting() throws IOException {
        return Archive.openExisting(archive);
    }

    /** For commands that write: the archive is created when missing. */
    public Archive openOrCreate() throws IOException {
        return Archive.open(archive);
    }
}

package io.benchledger.cli;

import io.benchledger.archive.model.Run;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** What code a measuring command measured and why: the options {@code collect} and {@code load} share. */
public final class RunOriginOptions {
    @Option(names = "--project-version", paramLabel = "V", description = "Version of the code measured (default: dev).")
    public String projectVersion = "";

    @Option(names = "--commit", paramLabel = "C", description = "Commit measured (with --git-dir: resolved there, with its time).")
    public String commit = "";

    @Option(names = "--git-dir", paramLabel = "DIR", description = "A git work tree to read commit, branch and commit time from.")
    public Path gitDir;

    @Option(names = "--trigger", paramLabel = "T", description = "Why the run happened: nightly, release, manual (default), ab, profile …")
    public String trigger = Run.TRIGGER_MANUAL;
}

package io.benchledger.collector.importer;

import io.benchledger.archive.BadInputException;
import io.benchledger.archive.model.Run;
import io.benchledger.archive.store.PartitionValues;
import io.benchledger.archive.store.RunIds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * The parts every imported run shares: where it goes (project, version), where it came from
 * (format, content hash, harness), a stable run id, and the rule "the file's value first, then the
 * flag, then the default" (the project alone: an explicit {@code --project} wins, since it names
 * the archive partition the user asked for).
 */
public final class RunStart {
    public static final String DEFAULT_PROJECT = "default";
    /** The version of imported runs when neither the file nor {@code --project-version} gives one. */
    public static final String DEFAULT_VERSION = "unversioned";

    private final ImportContext context;
    private final String format;
    private final String harness;

    public RunStart(ImportContext context, String format, String harness) {
        this.context = context;
        this.format = format;
        this.harness = harness;
    }

    public ImportContext context() {
        return context;
    }

    /**
     * A builder with id, project, version, commit, trigger and provenance filled in.
     *
     * @param fileProject the project the file names, or empty
     * @param fileCommit  the commit the file names, or empty
     * @param idParts     what identifies the run within its source (with the time, the id's input)
     */
    public Run.Builder run(Instant startedAt, String fileProject, String fileCommit, String... idParts) {
        String project = project(fileProject);
        String[] parts = new String[idParts.length + 2];
        parts[0] = format;
        parts[1] = project;
        System.arraycopy(idParts, 0, parts, 2, idParts.length);
        String runId = RunIds.derived(startedAt, parts);
        return Run.builder(runId, startedAt)
                .project(project)
                .version(context.version().isEmpty() ? DEFAULT_VERSION : context.version())
                .commit(fileCommit.isEmpty() ? context.commit() : fileCommit)
                .trigger(Run.TRIGGER_IMPORT)
                .harness(harness)
                .sourceFormat(format)
                .sourceSha256(context.sourceSha256())
                .toolVersion(context.toolVersion());
    }

    private String project(String fileProject) {
        if (!context.project().isEmpty()) {
            return context.project();
        }
        if (!fileProject.isEmpty()) {
            try {
                return PartitionValues.check("project", fileProject);
            } catch (BadInputException e) {
                context.warn("the file's project name is not usable as a project (" + e.getMessage()
                        + "); using '" + DEFAULT_PROJECT + "'");
            }
        }
        return DEFAULT_PROJECT;
    }

    /**
     * The run's time for a source that carries none: {@code --time}, else the file's modification
     * time (with a warning, since a copy of the file has another one).
     */
    public Instant timeOf(Path source, Optional<Instant> fileTime) {
        if (fileTime.isPresent()) {
            return fileTime.get();
        }
        if (context.time().isPresent()) {
            return context.time().get();
        }
        try {
            Instant t = Files.getLastModifiedTime(source).toInstant();
            if (t.isBefore(Timestamps.MIN) || t.isAfter(Timestamps.MAX)) {
                throw new BadInputException(source + ": carries no time and its modification time " + t
                        + " is out of range; give --time");
            }
            context.warn(source + ": carries no time; using its modification time " + t + " (--time sets it)");
            return t;
        } catch (IOException e) {
            throw new BadInputException(source + ": carries no time and its modification time is unreadable; give --time");
        }
    }
}

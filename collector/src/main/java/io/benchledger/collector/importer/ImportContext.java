package io.benchledger.collector.importer;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the user said about an import (flags) and what was computed about the source. Importers
 * use these where the file does not carry the value itself. Text fields are empty when the user
 * gave no value (the importer then uses the file's value or the default).
 *
 * @param project      {@code --project} when given explicitly, else empty
 * @param version      {@code --project-version}, else empty
 * @param commit       {@code --commit}, else empty
 * @param time         {@code --time}
 * @param sourceSha256 hex SHA-256 of the source's bytes (for a folder: of its files in name order);
 *                     stored in {@code runs.source_sha256} and used to derive stable run ids
 * @param warnings     receives one-line notes about the source that do not stop the import (a
 *                     value taken from a fallback, raw data left out), for the command to print
 */
public record ImportContext(
        String project,
        String version,
        String commit,
        Optional<Instant> time,
        String sourceSha256,
        String toolVersion,
        Consumer<String> warnings) {

    public ImportContext {
        project = project == null ? "" : project;
        version = version == null ? "" : version;
        commit = commit == null ? "" : commit;
        time = time == null ? Optional.empty() : time;
        sourceSha256 = Objects.requireNonNull(sourceSha256, "sourceSha256");
        toolVersion = toolVersion == null ? "" : toolVersion;
        warnings = warnings == null ? w -> { } : warnings;
    }

    /** A context whose warnings are dropped (callers that have nowhere to show them). */
    public ImportContext(String project, String version, String commit, Optional<Instant> time,
                         String sourceSha256, String toolVersion) {
        this(project, version, commit, time, sourceSha256, toolVersion, null);
    }

    public void warn(String message) {
        warnings.accept(message);
    }
}

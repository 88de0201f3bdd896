package io.benchledger.collector.importer;

import java.time.Instant;
import java.util.Optional;

/**
 * What the user said about an import (flags) and what was computed about the source. Importers
 * use these where the file does not carry the value itself.
 *
 * @param sourceSha256 hex SHA-256 of the source's bytes (for a folder: of its files in name order);
 *                     stored in {@code runs.source_sha256} and used to derive stable run ids
 */
public record ImportContext(
        String project,
        String version,
        String commit,
        Optional<Instant> time,
        String sourceSha256,
        String toolVersion) {
}

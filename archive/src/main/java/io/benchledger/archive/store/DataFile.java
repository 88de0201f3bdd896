package io.benchledger.archive.store;

import java.nio.file.Path;
import java.util.Set;

/** One Parquet file of an archive table, with the partition and runs it holds. */
public record DataFile(String table, String project, String version, Path path, Set<String> runIds, long bytes) {
    public String name() {
        String n = path.getFileName().toString();
        return n.substring(0, n.length() - ArchiveLayout.PARQUET.length());
    }

    public boolean combined() {
        return name().startsWith(ArchiveLayout.COMBINED_PREFIX);
    }
}

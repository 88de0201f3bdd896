package io.benchledger.archive.store;

import java.nio.file.Path;

/**
 * Where things live in an archive folder:
 * <pre>
 *   archive.json
 *   runs|results|samples/project=&lt;p&gt;/version=&lt;v&gt;/&lt;name&gt;.parquet
 *   logs/&lt;run_id&gt;/…          the harness's own output, kept beside the tables
 *   annotations/             acknowledgements of change points
 *   analysis/changepoints-&lt;p&gt;.bin  the change-point detector's cache ({@code AnalysisCache})
 *   .staging/&lt;id&gt;/           writes in progress (locked by their writer)
 * </pre>
 * A data file is named after its run id, or {@code c-<ulid>} when it holds several runs (a batch
 * import or a compaction); such a file lists its run ids in the footer.
 */
public record ArchiveLayout(Path root) {
    public static final String MANIFEST = "archive.json";
    public static final String STAGING = ".staging";
    public static final String COMBINED_PREFIX = "c-";
    public static final String PARQUET = ".parquet";
    public static final String[] TABLES = {"runs", "results", "samples"};

    public Path manifest() {
        return root.resolve(MANIFEST);
    }

    public Path table(String table) {
        return root.resolve(table);
    }

    public Path partition(String table, String project, String version) {
        return root.resolve(table).resolve("project=" + project).resolve("version=" + version);
    }

    public Path staging() {
        return root.resolve(STAGING);
    }

    public Path logs(String runId) {
        return root.resolve("logs").resolve(runId);
    }

    /**
     * Whether a folder entry may be there when an archive is created in it: hidden entries other than
     * the staging folder ({@code .git}, {@code .gitignore}) and plain files that are not the manifest (a
     * README). benchledger reads only its own names, so these stay untouched afterwards too.
     */
    public static boolean mayHoldBeforeCreation(Path entry) {
        String name = entry.getFileName().toString();
        if (name.equals(STAGING) || name.equals(MANIFEST)) {
            return false;
        }
        return name.startsWith(".") || java.nio.file.Files.isRegularFile(entry, java.nio.file.LinkOption.NOFOLLOW_LINKS);
    }

    public Path annotations() {
        return root.resolve("annotations");
    }
}

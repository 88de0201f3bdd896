package io.benchledger.archive.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges the live files of each partition of each table into one {@code c-<ulid>} file.
 *
 * <p>Crash safety: the combined file is written in staging and renamed into place; from that
 * instant it owns its runs (its name sorts after the files it replaces, see {@link Snapshot}), so
 * the old files are superseded and no longer counted; then they are deleted. A crash before the
 * rename leaves only the old files visible, after it only the new one; the next open deletes
 * whichever copy is left over.
 */
public final class Compactor {
    private Compactor() {
    }

    /** What a compaction did, per table and partition. */
    public record Merge(String table, String project, String version, int filesBefore, Path combined) {
    }

    /** Single-run files a partition may gather before a commit folds them into one combined file. */
    public static final int SMALL_FILES_LIMIT = 32;

    /** Compacts every partition holding at least {@code minFiles} live files of a table. */
    public static List<Merge> compact(Archive archive, int minFiles) throws IOException {
        return compact(archive, minFiles, false);
    }

    /**
     * The policy applied after each commit (tiered, so big files are not rewritten again and again):
     * only single-run files are combined, once a partition has {@link #SMALL_FILES_LIMIT} of them.
     * An archive of 1,000 nightly runs then has a few dozen files per partition, not thousands,
     * which keeps queries fast (see docs/performance.md).
     */
    public static List<Merge> compactSmallFiles(Archive archive) throws IOException {
        return compact(archive, SMALL_FILES_LIMIT, true);
    }

    private static List<Merge> compact(Archive archive, int minFiles, boolean singleRunFilesOnly) throws IOException {
        Snapshot snap = archive.snapshot();
        List<Merge> done = new ArrayList<>();
        try (StagingArea staging = archive.newStaging(); FileRewriter rewriter = new FileRewriter()) {
            // results and samples first, runs last, as in a commit
            for (String table : new String[] {"results", "samples", "runs"}) {
                Map<List<String>, List<DataFile>> byPartition = new LinkedHashMap<>();
                for (DataFile f : snap.files(table)) {
                    if (singleRunFilesOnly && f.combined()) {
                        continue;
                    }
                    byPartition.computeIfAbsent(List.of(f.project(), f.version()), k -> new ArrayList<>()).add(f);
                }
                for (Map.Entry<List<String>, List<DataFile>> e : byPartition.entrySet()) {
                    List<DataFile> files = e.getValue();
                    if (files.size() < Math.max(2, minFiles)) {
                        continue;
                    }
                    Set<String> runIds = new LinkedHashSet<>();
                    files.forEach(f -> runIds.addAll(f.runIds()));
                    String name = ArchiveLayout.COMBINED_PREFIX + RunIds.next() + ArchiveLayout.PARQUET;
                    Path staged = staging.dir().resolve(table + "-" + name);
                    rewriter.write(table, files.stream().map(DataFile::path).toList(), runIds, staged);
                    Path target = archive.layout().partition(table, e.getKey().get(0), e.getKey().get(1)).resolve(name);
                    Archive.moveIntoPlace(staged, target);
                    for (DataFile f : files) {
                        Files.deleteIfExists(f.path());
                    }
                    done.add(new Merge(table, e.getKey().get(0), e.getKey().get(1), files.size(), target));
                }
            }
        }
        return done;
    }
}

package io.benchledger.archive.store;

import io.benchledger.archive.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Combines archives written on different hosts into one, file by file. Run ids are ULIDs and never
 * collide, so a source file whose runs the target lacks is copied byte for byte; a file whose runs
 * the target has is skipped (merging twice adds nothing); a combined file that overlaps only in part
 * is rewritten with just the missing runs. Copies go through the target's staging folder, runs files
 * last, like any commit.
 */
public final class ArchiveMerger {
    private ArchiveMerger() {
    }

    /** What one merge added. */
    public record MergeReport(Path source, int runsAdded, int runsAlreadyPresent, int filesCopied, int filesRewritten) {
    }

    public static List<MergeReport> merge(List<Path> sources, Path into) throws IOException {
        List<Archive> opened = new ArrayList<>();
        for (Path src : sources) {
            // checks the manifest (format, schema version) of every source before anything is written
            opened.add(Archive.openExisting(src));
        }
        Archive target = Archive.open(into);
        List<MergeReport> reports = new ArrayList<>();
        for (Archive source : opened) {
            if (source.root().equals(target.root())) {
                throw new BadInputException(source.root() + ": cannot merge an archive into itself");
            }
            reports.add(mergeOne(source, target));
        }
        return reports;
    }

    private static MergeReport mergeOne(Archive source, Archive target) throws IOException {
        Snapshot src = source.snapshot();
        Set<String> present = new HashSet<>(target.snapshot().committedRuns());
        Set<String> adding = new HashSet<>(src.committedRuns());
        adding.removeAll(present);
        int copied = 0;
        int rewritten = 0;
        try (StagingArea staging = target.newStaging(); FileRewriter rewriter = new FileRewriter()) {
            List<Path[]> moves = new ArrayList<>();
            List<Path[]> commitRecords = new ArrayList<>();
            for (String table : new String[] {"results", "samples", "runs"}) {
                for (DataFile f : src.files(table)) {
                    Set<String> missing = new HashSet<>(f.runIds());
                    missing.retainAll(adding);
                    if (missing.isEmpty()) {
                        continue;
                    }
                    Path dir = target.layout().partition(table, f.project(), f.version());
                    Path staged;
                    Path finalPath;
                    if (missing.size() == f.runIds().size()) {
                        finalPath = dir.resolve(f.path().getFileName());
                        staged = staging.dir().resolve(table + "-" + f.project() + "-" + f.version() + "-" + f.path().getFileName());
                        Files.copy(f.path(), staged, StandardCopyOption.COPY_ATTRIBUTES);
                        Archive.force(staged);
                        copied++;
                    } else {
                        String name = ArchiveLayout.COMBINED_PREFIX + RunIds.next() + ArchiveLayout.PARQUET;
                        finalPath = dir.resolve(name);
                        staged = staging.dir().resolve(table + "-" + name);
                        rewriter.write(table, List.of(f.path()), missing.stream().sorted().toList(), staged);
                        rewritten++;
                    }
                    (table.equals("runs") ? commitRecords : moves).add(new Path[] {staged, finalPath});
                }
            }
            for (Path[] m : moves) {
                Archive.moveIntoPlace(m[0], m[1]);
            }
            for (Path[] m : commitRecords) {
                Archive.moveIntoPlace(m[0], m[1]);
            }
        }
        return new MergeReport(source.root(), adding.size(), src.committedRuns().size() - adding.size(), copied, rewritten);
    }
}

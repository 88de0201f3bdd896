package io.benchledger.archive.store;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a reader sees of an archive at one moment: for each table the live files, and the set of
 * committed runs.
 *
 * <p>Visibility rules. A run is committed when a live {@code runs} file holds it. A run may sit in
 * more than one file of a table for a moment (a compaction wrote the combined file and has not yet
 * deleted the old ones, or crashed in between): the file with the greatest name wins, since
 * {@code c-<ulid>} sorts after run-id names and newer ULIDs after older. A file is live when it
 * wins for all its runs; results and samples count only when their runs are committed. So a reader
 * never counts a run twice and never loses one, whatever moment a writer died at.
 */
public record Snapshot(Map<String, List<DataFile>> live, Set<String> committedRuns, List<DataFile> superseded,
                       List<DataFile> uncommitted) {

    static Snapshot of(Map<String, List<DataFile>> filesByTable) {
        Map<String, List<DataFile>> live = new HashMap<>();
        List<DataFile> superseded = new java.util.ArrayList<>();
        for (String table : ArchiveLayout.TABLES) {
            List<DataFile> files = filesByTable.getOrDefault(table, List.of());
            Map<String, String> owner = new HashMap<>();
            for (DataFile f : files) {
                for (String run : f.runIds()) {
                    owner.merge(run, f.name(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
                }
            }
            List<DataFile> keep = new java.util.ArrayList<>();
            for (DataFile f : files) {
                boolean ownsAll = !f.runIds().isEmpty() && f.runIds().stream().allMatch(r -> owner.get(r).equals(f.name()));
                (ownsAll ? keep : superseded).add(f);
            }
            live.put(table, keep);
        }
        Set<String> committed = new TreeSet<>();
        live.get("runs").forEach(f -> committed.addAll(f.runIds()));
        List<DataFile> uncommitted = new java.util.ArrayList<>();
        for (String table : List.of("results", "samples")) {
            List<DataFile> visible = new java.util.ArrayList<>();
            for (DataFile f : live.get(table)) {
                (committed.containsAll(f.runIds()) ? visible : uncommitted).add(f);
            }
            live.put(table, visible);
        }
        return new Snapshot(Map.copyOf(live), Set.copyOf(committed), List.copyOf(superseded), List.copyOf(uncommitted));
    }

    public List<DataFile> files(String table) {
        return live.getOrDefault(table, List.of());
    }
}

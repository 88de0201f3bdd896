package io.benchledger.archive.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.benchledger.archive.BadInputException;
import io.benchledger.archive.model.Result;
import io.benchledger.archive.model.Run;
import io.benchledger.archive.model.RunRecord;
import io.benchledger.archive.model.Sample;
import io.benchledger.archive.parquet.ArchiveTables;
import io.benchledger.archive.parquet.Footers;
import io.benchledger.archive.parquet.TableSchema;
import io.benchledger.archive.parquet.TableWriter;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A benchledger archive folder: Hive-partitioned Parquet, written with a commit protocol that
 * needs no lock between writers.
 *
 * <p>A commit writes every file into a locked staging folder, then renames results and samples
 * into place, and the runs file last: the runs file is the commit record. Readers see only runs
 * whose runs file is in place ({@link Snapshot}). The next {@link #open} removes what a crashed
 * writer left: its staging folder and its uncommitted results and samples.
 */
public final class Archive {
    public static final String FORMAT = "benchledger-archive";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ArchiveLayout layout;
    private boolean compactionPolicy = true;

    private Archive(Path root) {
        this.layout = new ArchiveLayout(root);
    }

    /** Opens an archive, creating it when the folder is missing or empty, and recovers from crashes. */
    public static Archive open(Path root) throws IOException {
        Archive a = new Archive(root.toAbsolutePath().normalize());
        a.ensureManifest(true);
        a.recover();
        return a;
    }

    /** Opens an archive that must exist already (read commands: no folder is created by a typo). */
    public static Archive openExisting(Path root) throws IOException {
        Path abs = root.toAbsolutePath().normalize();
        if (!Files.isRegularFile(abs.resolve(ArchiveLayout.MANIFEST))) {
            throw new BadInputException(root + ": not a benchledger archive (no " + ArchiveLayout.MANIFEST
                    + "; create one with 'collect', 'import' or 'generate')");
        }
        Archive a = new Archive(abs);
        a.ensureManifest(false);
        a.recover();
        return a;
    }

    public Path root() {
        return layout.root();
    }

    public ArchiveLayout layout() {
        return layout;
    }

    private void ensureManifest(boolean create) throws IOException {
        Path manifest = layout.manifest();
        if (Files.exists(manifest)) {
            JsonNode node;
            try {
                node = JSON.readTree(manifest.toFile());
            } catch (IOException e) {
                throw new BadInputException(manifest + ": not valid JSON (" + oneLine(e.getMessage()) + ")");
            }
            if (node == null || !FORMAT.equals(node.path("format").asText())) {
                throw new BadInputException(manifest + ": field 'format' must be '" + FORMAT + "'");
            }
            int version = node.path("schema_version").asInt(-1);
            if (version < 1 || version > ArchiveTables.SCHEMA_VERSION) {
                throw new BadInputException(manifest + ": schema_version " + node.path("schema_version")
                        + " is not supported (this benchledger reads 1 to " + ArchiveTables.SCHEMA_VERSION + ")");
            }
            return;
        }
        if (!create) {
            throw new BadInputException(root() + ": not a benchledger archive");
        }
        if (Files.isDirectory(root())) {
            // a git branch checked out as the archive holds .git (and maybe a README): that is an empty
            // archive; a folder with sub-folders of its own (a source tree, a typo) is refused
            try (Stream<Path> s = Files.list(root())) {
                Optional<Path> foreign = s.filter(p -> !ArchiveLayout.mayHoldBeforeCreation(p)).sorted().findFirst();
                if (foreign.isPresent()) {
                    throw new BadInputException(root() + ": folder is not a benchledger archive (no " + ArchiveLayout.MANIFEST
                            + ") and holds '" + foreign.get().getFileName() + "'; a new archive's folder may hold only"
                            + " hidden entries (.git) and plain files (a README)");
                }
            }
        }
        Files.createDirectories(root());
        ObjectNode m = JSON.createObjectNode();
        m.put("format", FORMAT);
        m.put("schema_version", ArchiveTables.SCHEMA_VERSION);
        Path tmp = root().resolve(ArchiveLayout.MANIFEST + "." + RunIds.next() + ".tmp");
        JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), m);
        try {
            Files.move(tmp, manifest, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(tmp); // another process created it first
        }
    }

    // ---------------------------------------------------------------- reading

    /** Lists every data file and decides which are visible. */
    public Snapshot snapshot() throws IOException {
        Map<String, List<DataFile>> byTable = new HashMap<>();
        for (String table : ArchiveLayout.TABLES) {
            byTable.put(table, listFiles(table));
        }
        return Snapshot.of(byTable);
    }

    private List<DataFile> listFiles(String table) throws IOException {
        List<DataFile> out = new ArrayList<>();
        Path dir = layout.table(table);
        if (!Files.isDirectory(dir)) {
            return out;
        }
        for (Path projectDir : list(dir)) {
            String project = partitionValue(projectDir, "project=");
            if (project == null) {
                continue;
            }
            for (Path versionDir : list(projectDir)) {
                String version = partitionValue(versionDir, "version=");
                if (version == null) {
                    continue;
                }
                for (Path file : list(versionDir)) {
                    String name = file.getFileName().toString();
                    if (!name.endsWith(ArchiveLayout.PARQUET) || !Files.isRegularFile(file)) {
                        continue;
                    }
                    String stem = name.substring(0, name.length() - ArchiveLayout.PARQUET.length());
                    Set<String> runs;
                    long bytes;
                    try {
                        bytes = Files.size(file);
                        runs = RunIds.isRunId(stem) ? Set.of(stem) : runIdsInFooter(file);
                    } catch (NoSuchFileException gone) {
                        continue; // removed by a concurrent compaction: it was superseded
                    }
                    out.add(new DataFile(table, project, version, file, runs, bytes));
                }
            }
        }
        out.sort(Comparator.comparing(f -> f.path().toString()));
        return out;
    }

    private static Set<String> runIdsInFooter(Path file) throws IOException {
        String ids;
        try {
            ids = Footers.keyValues(file).get(Footers.RUN_IDS);
        } catch (NoSuchFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new BadInputException(file + ": unreadable Parquet footer (" + oneLine(e.getMessage()) + ")", e);
        }
        if (ids == null || ids.isBlank()) {
            throw new BadInputException(file + ": combined file without '" + Footers.RUN_IDS + "' in its footer");
        }
        return new LinkedHashSet<>(Arrays.asList(ids.split(",")));
    }

    private static String partitionValue(Path dir, String prefix) {
        String n = dir.getFileName().toString();
        return Files.isDirectory(dir) && n.startsWith(prefix) ? n.substring(prefix.length()) : null;
    }

    private static List<Path> list(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            ds.forEach(out::add);
        } catch (NoSuchFileException e) {
            return out;
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    // ---------------------------------------------------------------- writing

    /** Commits one run. */
    public CommitOutcome commit(RunRecord record) throws IOException {
        return commit(List.of(record));
    }

    /**
     * Commits runs, skipping those the archive holds already (same run id). Runs of one partition
     * are committed together in one set of files; partitions are committed one after the other.
     */
    public CommitOutcome commit(List<RunRecord> records) throws IOException {
        for (RunRecord r : records) {
            PartitionValues.check("project", r.run().project());
            PartitionValues.check("version", r.run().version());
        }
        Set<String> present = snapshot().committedRuns();
        List<String> skipped = new ArrayList<>();
        Map<List<String>, List<RunRecord>> byPartition = new LinkedHashMap<>();
        Set<String> seen = new java.util.HashSet<>();
        for (RunRecord r : records) {
            String id = r.run().runId();
            if (present.contains(id) || !seen.add(id)) {
                skipped.add(id);
                continue;
            }
            byPartition.computeIfAbsent(List.of(r.run().project(), r.run().version()), k -> new ArrayList<>()).add(r);
        }
        List<String> added = new ArrayList<>();
        if (byPartition.isEmpty()) {
            return new CommitOutcome(added, skipped);
        }
        try (StagingArea staging = StagingArea.create(layout)) {
            List<Path[]> moves = new ArrayList<>();
            List<Path[]> commitRecords = new ArrayList<>();
            for (Map.Entry<List<String>, List<RunRecord>> e : byPartition.entrySet()) {
                String project = e.getKey().get(0);
                String version = e.getKey().get(1);
                List<RunRecord> runs = e.getValue();
                List<String> ids = runs.stream().map(r -> r.run().runId()).toList();
                String name = runs.size() == 1 ? ids.get(0) : ArchiveLayout.COMBINED_PREFIX + RunIds.next();
                moves.add(stage(staging, "results", project, version, name, ids, ArchiveTables.RESULTS,
                        runs.stream().flatMap(r -> r.results().stream()).toList()));
                moves.add(stage(staging, "samples", project, version, name, ids, ArchiveTables.SAMPLES,
                        runs.stream().flatMap(r -> r.samples().stream()).toList()));
                commitRecords.add(stage(staging, "runs", project, version, name, ids, ArchiveTables.RUNS,
                        runs.stream().map(RunRecord::run).toList()));
                added.addAll(ids);
            }
            for (Path[] m : moves) {
                moveIntoPlace(m[0], m[1]);
            }
            for (Path[] m : commitRecords) {
                moveIntoPlace(m[0], m[1]);
            }
        }
        // the runs are committed; now keep the number of small files bounded
        if (compactionPolicy) {
            Compactor.compactSmallFiles(this);
        }
        return new CommitOutcome(added, skipped);
    }

    /**
     * Whether commits fold small files together ({@link Compactor#compactSmallFiles}); on by default.
     * Tests of the raw protocol turn it off.
     */
    public Archive withCompactionPolicy(boolean on) {
        Archive a = new Archive(root());
        a.compactionPolicy = on;
        return a;
    }

    /** Writes one table file into staging; returns {staged path, final path}. */
    <T> Path[] stage(StagingArea staging, String table, String project, String version, String name,
                     List<String> runIds, TableSchema<T> schema, List<T> rows) throws IOException {
        Path target = layout.partition(table, project, version).resolve(name + ArchiveLayout.PARQUET);
        Path staged = staging.dir().resolve(table + "-" + project + "-" + version + "-" + name + ArchiveLayout.PARQUET);
        Map<String, String> footer = new TreeMap<>();
        footer.put(Footers.SCHEMA_VERSION, Integer.toString(ArchiveTables.SCHEMA_VERSION));
        footer.put(Footers.TABLE, table);
        footer.put(Footers.RUN_IDS, String.join(",", runIds));
        TableWriter.write(staged, schema, rows, footer);
        force(staged);
        return new Path[] {staged, target};
    }

    static void force(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    static void moveIntoPlace(Path staged, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        try {
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system of " + target.getParent() + " cannot rename atomically", e);
        }
    }

    /** Runs a staged write (for compaction and merges in this package). */
    StagingArea newStaging() throws IOException {
        return StagingArea.create(layout);
    }

    // ---------------------------------------------------------------- recovery

    /**
     * Cleans what crashed writers left: staging folders nobody holds, results and samples of runs
     * that were never committed, and files a finished compaction superseded. Leaves everything
     * alone while another writer is at work.
     */
    public RecoveryReport recover() throws IOException {
        Snapshot before = snapshot();
        List<Path> removed = new ArrayList<>();
        // superseded files are redundant copies whatever else is going on
        for (DataFile f : before.superseded()) {
            if (Files.deleteIfExists(f.path())) {
                removed.add(f.path());
            }
        }
        boolean writerLive = false;
        for (Path dir : list(layout.staging())) {
            if (StagingArea.isLive(dir)) {
                writerLive = true;
            } else {
                StagingArea.deleteTree(dir, null);
                Files.deleteIfExists(dir);
                removed.add(dir);
            }
        }
        if (!writerLive && !before.uncommitted().isEmpty()) {
            // a writer may have committed between our listing and the staging check: look again
            Set<String> committedNow = snapshot().committedRuns();
            for (DataFile f : before.uncommitted()) {
                if (!committedNow.containsAll(f.runIds()) && Files.deleteIfExists(f.path())) {
                    removed.add(f.path());
                }
            }
        }
        return new RecoveryReport(removed, writerLive);
    }

    /** What {@link #recover} removed. */
    public record RecoveryReport(List<Path> removed, boolean writerWasLive) {
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }

    /** Convenience for callers that hold rows by table. */
    public static RunRecord record(Run run, List<Result> results, List<Sample> samples) {
        return new RunRecord(run, results, samples);
    }
}

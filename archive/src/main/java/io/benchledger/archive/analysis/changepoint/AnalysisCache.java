package io.benchledger.archive.analysis.changepoint;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchledger.archive.store.Archive;
import io.benchledger.archive.store.RunIds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the last change-point analysis of a project may leave for the next one:
 * {@code analysis/changepoints-<project>.json} in the archive, the {@link SeriesDetector.SplitState}
 * of every series, valid only for the same detector settings. It is a cache: deleting it costs one
 * full analysis, never a different answer. Written to a temporary file and renamed.
 */
public final class AnalysisCache {
    static final String FORMAT = "benchledger-changepoint-cache";
    static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The file's content. */
    record Content(String format, int version, String settings, @JsonProperty("run_count") int runCount,
                   @JsonProperty("last_run_id") String lastRunId, List<Entry> series) {
    }

    /** One series' split state. */
    record Entry(@JsonProperty("case_key") String caseKey, String metric, int length, long fingerprint, int restart,
                 List<Integer> frozen) {
    }

    private AnalysisCache() {
    }

    static Path file(Archive archive, String project) {
        return archive.root().resolve("analysis").resolve("changepoints-" + project + ".json");
    }

    /** The states of the last analysis with these settings; empty when there is none or it is unreadable. */
    public static Map<String, SeriesDetector.SplitState> read(Archive archive, String project, DetectorSettings settings) {
        Path f = file(archive, project);
        Map<String, SeriesDetector.SplitState> out = new HashMap<>();
        if (!Files.isRegularFile(f)) {
            return out;
        }
        try {
            Content c = JSON.readValue(f.toFile(), Content.class);
            if (!FORMAT.equals(c.format()) || c.version() != VERSION || !settings.key().equals(c.settings())) {
                return out;
            }
            for (Entry e : c.series()) {
                out.put(e.caseKey() + "\u0000" + e.metric(),
                        new SeriesDetector.SplitState(e.length(), e.fingerprint(), e.restart(), e.frozen()));
            }
        } catch (IOException | RuntimeException e) {
            out.clear(); // a damaged cache is ignored: the analysis simply starts from scratch
        }
        return out;
    }

    /** Writes the states; returns false when the archive folder cannot be written (a read-only copy). */
    public static boolean write(Archive archive, String project, DetectorSettings settings, int runCount,
                                String lastRunId, List<Entry> entries) {
        Path f = file(archive, project);
        try {
            Files.createDirectories(f.getParent());
            Path tmp = f.resolveSibling("." + f.getFileName() + "." + RunIds.next() + ".tmp");
            JSON.writeValue(tmp.toFile(), new Content(FORMAT, VERSION, settings.key(), runCount, lastRunId, entries));
            Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static Entry entry(String caseKey, String metric, SeriesDetector.SplitState s) {
        return new Entry(caseKey, metric, s.length(), s.fingerprint(), s.restart(), s.frozenWeak());
    }
}

package io.benchledger.archive.analysis.changepoint;

import io.benchledger.archive.analysis.history.CaseSeries;
import io.benchledger.archive.store.Archive;
import io.benchledger.archive.store.RunIds;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the last change-point analysis of a project leaves for the next one, in the archive as
 * {@code analysis/changepoints-<project>.bin}: the ordered run ids it saw and, per series, its values,
 * its outlier-filtered values and its {@link SeriesDetector.SplitState}. With it, a new run costs a
 * query of the new runs' results only, the filter of the last few values, the split of the last
 * windows and a merge.
 *
 * <p>It is a cache: valid only for the same detector settings and when the archive's runs still
 * begin with the runs it saw (committed runs never change; a run imported with an older start time
 * shifts the positions and forces a full analysis). Deleting it costs one full analysis, never a
 * different answer. A compact binary file (values as IEEE doubles), written to a temporary name and
 * renamed; an unreadable one is ignored.
 */
public final class AnalysisCache {
    static final int MAGIC = 0x424C4350; // "BLCP"
    static final int VERSION = 1;

    /** One series as the last analysis left it. */
    public record Entry(CaseSeries series, double[] filtered, SeriesDetector.SplitState state) {
    }

    /** The cache's content: the runs seen, in order, and the series. */
    public record Content(List<String> runIds, Map<String, Entry> series) {
    }

    private AnalysisCache() {
    }

    static Path file(Archive archive, String project) {
        return archive.root().resolve("analysis").resolve("changepoints-" + project + ".bin");
    }

    /** The last analysis with these settings, if there is a readable one. */
    public static Optional<Content> read(Archive archive, String project, DetectorSettings settings) {
        Path f = file(archive, project);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(f), 1 << 16))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION || !settings.key().equals(in.readUTF())) {
                return Optional.empty();
            }
            int runs = in.readInt();
            List<String> ids = new ArrayList<>(runs);
            for (int i = 0; i < runs; i++) {
                ids.add(in.readUTF());
            }
            int count = in.readInt();
            Map<String, Entry> series = new LinkedHashMap<>();
            for (int s = 0; s < count; s++) {
                String caseKey = in.readUTF();
                String metric = in.readUTF();
                String benchmark = in.readUTF();
                String unit = in.readUTF();
                boolean higher = in.readBoolean();
                int n = in.readInt();
                int[] idx = new int[n];
                double[] raw = new double[n];
                double[] filtered = new double[n];
                for (int i = 0; i < n; i++) {
                    idx[i] = in.readInt();
                }
                for (int i = 0; i < n; i++) {
                    raw[i] = in.readDouble();
                }
                for (int i = 0; i < n; i++) {
                    filtered[i] = in.readDouble();
                }
                long fingerprint = in.readLong();
                int restart = in.readInt();
                int frozenCount = in.readInt();
                List<Integer> frozen = new ArrayList<>(frozenCount);
                for (int i = 0; i < frozenCount; i++) {
                    frozen.add(in.readInt());
                }
                CaseSeries cs = new CaseSeries(caseKey, metric, benchmark, unit, higher, idx, raw);
                series.put(cs.key(), new Entry(cs, filtered, new SeriesDetector.SplitState(n, fingerprint, restart, frozen)));
            }
            return Optional.of(new Content(ids, series));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a damaged cache is ignored: the analysis starts from scratch
        }
    }

    /** Writes the cache; returns false when the archive folder cannot be written (a read-only copy). */
    public static boolean write(Archive archive, String project, DetectorSettings settings, List<String> runIds,
                                List<Entry> entries) {
        Path f = file(archive, project);
        Path tmp = f.resolveSibling("." + f.getFileName() + "." + RunIds.next() + ".tmp");
        try {
            Files.createDirectories(f.getParent());
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
                out.writeInt(MAGIC);
                out.writeInt(VERSION);
                out.writeUTF(settings.key());
                out.writeInt(runIds.size());
                for (String id : runIds) {
                    out.writeUTF(id);
                }
                out.writeInt(entries.size());
                for (Entry e : entries) {
                    CaseSeries s = e.series();
                    out.writeUTF(s.caseKey());
                    out.writeUTF(s.metric());
                    out.writeUTF(s.benchmark());
                    out.writeUTF(s.unit());
                    out.writeBoolean(s.higherIsBetter());
                    out.writeInt(s.size());
                    for (int i : s.runIndexes()) {
                        out.writeInt(i);
                    }
                    for (double v : s.values()) {
                        out.writeDouble(v);
                    }
                    for (double v : e.filtered()) {
                        out.writeDouble(v);
                    }
                    out.writeLong(e.state().fingerprint());
                    out.writeInt(e.state().restart());
                    out.writeInt(e.state().frozenWeak().size());
                    for (int cp : e.state().frozenWeak()) {
                        out.writeInt(cp);
                    }
                }
            }
            Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return true;
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // nothing more to do: the cache is optional
            }
            return false;
        }
    }
}

package io.benchledger.archive.analysis.changepoint;

import io.benchledger.archive.analysis.history.CaseSeries;
import io.benchledger.archive.store.Archive;
import io.benchledger.archive.store.RunIds;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * What the last change-point analysis of a project leaves for the next one, in the archive as
 * {@code analysis/changepoints-<project>.bin}: the ordered run ids it saw and, per series, its values,
 * its outlier-filtered values, its {@link SeriesDetector.SplitState} and what detection found (steps,
 * drifts, noise: the whole {@link SeriesDetector.Detection}). With it, a new run costs a query of the
 * new runs' results only; a series the new runs did not measure is not detected again (its values,
 * and so its findings, are the ones cached), and one they did costs the filter of the last few values,
 * the split of the last windows and a merge.
 *
 * <p>It is a cache: valid only for the same detector settings, the same detection code (a fingerprint
 * of the class files of the change-point package and of the centres it uses: a benchledger with other
 * rules starts from scratch) and when the archive's runs still begin with the runs it saw (committed runs
 * never change; a run imported with an older start time shifts the positions and forces a full
 * analysis). Deleting it costs one full analysis, never a different answer. A compact binary file
 * (values as IEEE doubles), written to a temporary name and renamed; an unreadable one is ignored.
 */
public final class AnalysisCache {
    static final int MAGIC = 0x424C4350; // "BLCP"
    /** 2: each series' detection is kept, and the detection code's fingerprint. */
    static final int VERSION = 2;

    /** One series as the last analysis left it: its values and what detection found in them. */
    public record Entry(CaseSeries series, SeriesDetector.Detection detection) {
        public double[] filtered() {
            return detection.filtered();
        }

        public SeriesDetector.SplitState state() {
            return detection.state();
        }
    }

    /** The cache's content: the runs seen, in order, and the series. */
    public record Content(List<String> runIds, Map<String, Entry> series) {
    }

    private AnalysisCache() {
    }

    static Path file(Archive archive, String project) {
        return archive.root().resolve("analysis").resolve("changepoints-" + project + ".bin");
    }

    /** The last analysis with these settings and this detection code, if there is a readable one. */
    public static Optional<Content> read(Archive archive, String project, DetectorSettings settings) {
        Path f = file(archive, project);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(f), 1 << 16))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION || !settings.key().equals(in.readUTF())
                    || in.readLong() != codeFingerprint()) {
                return Optional.empty();
            }
            int runs = in.readInt();
            List<String> ids = new ArrayList<>(runs);
            for (int i = 0; i < runs; i++) {
                ids.add(in.readUTF());
            }
            int count = in.readInt();
            Map<String, Entry> series = new LinkedHashMap<>();
            Bulk bulk = new Bulk();
            for (int s = 0; s < count; s++) {
                String caseKey = in.readUTF();
                String metric = in.readUTF();
                String benchmark = in.readUTF();
                String unit = in.readUTF();
                boolean higher = in.readBoolean();
                int n = in.readInt();
                int[] idx = bulk.ints(in, n);
                double[] raw = bulk.doubles(in, n);
                double[] filtered = bulk.doubles(in, n);
                long fingerprint = in.readLong();
                int restart = in.readInt();
                int frozenCount = in.readInt();
                List<Integer> frozen = new ArrayList<>(frozenCount);
                for (int i = 0; i < frozenCount; i++) {
                    frozen.add(in.readInt());
                }
                double noise = in.readDouble();
                int steps = in.readInt();
                List<EDivisive.Split> splits = new ArrayList<>(steps);
                for (int i = 0; i < steps; i++) {
                    splits.add(new EDivisive.Split(in.readInt(), in.readDouble(), in.readDouble(), in.readDouble(),
                            in.readDouble(), in.readDouble(), in.readInt(), in.readInt()));
                }
                int driftCount = in.readInt();
                List<DriftDetector.Drift> drifts = new ArrayList<>(driftCount);
                for (int i = 0; i < driftCount; i++) {
                    drifts.add(new DriftDetector.Drift(in.readInt(), in.readInt(), in.readDouble(), in.readDouble(),
                            in.readDouble(), in.readDouble(), in.readDouble()));
                }
                CaseSeries cs = new CaseSeries(caseKey, metric, benchmark, unit, higher, idx, raw);
                SeriesDetector.SplitState state = new SeriesDetector.SplitState(n, fingerprint, restart, frozen);
                // found again from the cache: no window examined
                series.put(cs.key(), new Entry(cs, new SeriesDetector.Detection(List.copyOf(splits), List.copyOf(drifts),
                        filtered, noise, state, 0, true)));
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
                out.writeLong(codeFingerprint());
                out.writeInt(runIds.size());
                for (String id : runIds) {
                    out.writeUTF(id);
                }
                out.writeInt(entries.size());
                Bulk bulk = new Bulk();
                for (Entry e : entries) {
                    CaseSeries s = e.series();
                    SeriesDetector.Detection d = e.detection();
                    out.writeUTF(s.caseKey());
                    out.writeUTF(s.metric());
                    out.writeUTF(s.benchmark());
                    out.writeUTF(s.unit());
                    out.writeBoolean(s.higherIsBetter());
                    out.writeInt(s.size());
                    bulk.write(out, s.runIndexes());
                    bulk.write(out, s.values());
                    bulk.write(out, d.filtered());
                    out.writeLong(d.state().fingerprint());
                    out.writeInt(d.state().restart());
                    out.writeInt(d.state().frozenWeak().size());
                    for (int cp : d.state().frozenWeak()) {
                        out.writeInt(cp);
                    }
                    out.writeDouble(d.noise());
                    out.writeInt(d.changePoints().size());
                    for (EDivisive.Split sp : d.changePoints()) {
                        out.writeInt(sp.index());
                        out.writeDouble(sp.pValue());
                        out.writeDouble(sp.meanBefore());
                        out.writeDouble(sp.meanAfter());
                        out.writeDouble(sp.sdBefore());
                        out.writeDouble(sp.sdAfter());
                        out.writeInt(sp.nBefore());
                        out.writeInt(sp.nAfter());
                    }
                    out.writeInt(d.drifts().size());
                    for (DriftDetector.Drift dr : d.drifts()) {
                        out.writeInt(dr.start());
                        out.writeInt(dr.end());
                        out.writeDouble(dr.levelBefore());
                        out.writeDouble(dr.change());
                        out.writeDouble(dr.slopePerRun());
                        out.writeDouble(dr.pValue());
                        out.writeDouble(dr.tStat());
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

    /**
     * Arrays as one block of big-endian bytes (what {@link DataOutputStream} writes value by value), through
     * one reused buffer: a 2,000 × 1,000 cache is 40 MB, and a value at a time was most of its cost.
     */
    private static final class Bulk {
        private byte[] buffer = new byte[8192];

        private ByteBuffer fill(DataInputStream in, int bytes) throws IOException {
            if (buffer.length < bytes) {
                buffer = new byte[Math.max(bytes, 2 * buffer.length)];
            }
            in.readFully(buffer, 0, bytes);
            return ByteBuffer.wrap(buffer, 0, bytes);
        }

        int[] ints(DataInputStream in, int n) throws IOException {
            int[] out = new int[n];
            fill(in, 4 * n).asIntBuffer().get(out);
            return out;
        }

        double[] doubles(DataInputStream in, int n) throws IOException {
            double[] out = new double[n];
            fill(in, 8 * n).asDoubleBuffer().get(out);
            return out;
        }

        private ByteBuffer room(int bytes) {
            if (buffer.length < bytes) {
                buffer = new byte[Math.max(bytes, 2 * buffer.length)];
            }
            return ByteBuffer.wrap(buffer, 0, bytes);
        }

        void write(DataOutputStream out, int[] values) throws IOException {
            room(4 * values.length).asIntBuffer().put(values);
            out.write(buffer, 0, 4 * values.length);
        }

        void write(DataOutputStream out, double[] values) throws IOException {
            room(8 * values.length).asDoubleBuffer().put(values);
            out.write(buffer, 0, 8 * values.length);
        }
    }

    /** The package whose code decides what detection finds. */
    private static final String DETECTION_PACKAGE = "io/benchledger/archive/analysis/changepoint/";
    /** The one class of another package detection uses (its centres). */
    private static final String CENTRE = "io/benchledger/archive/stats/Centre";

    /** Whether a class file (by its name in a jar or below a class folder) is detection code. */
    private static boolean detectionCode(String name) {
        return name.endsWith(".class")
                && (name.startsWith(DETECTION_PACKAGE) && name.indexOf('/', DETECTION_PACKAGE.length()) < 0
                        || name.equals(CENTRE + ".class") || name.startsWith(CENTRE + "$"));
    }

    private static volatile Long code;

    /**
     * A fingerprint (FNV-1a) of the class files of the detection code (the change-point package and
     * {@code stats.Centre}), as this program loads them:
     * cached findings of a benchledger whose rules differ are not reused. 0 when they cannot be read
     * (then the cache is kept to settings and values only, as before findings were cached).
     */
    static long codeFingerprint() {
        Long c = code;
        if (c == null) {
            c = readCodeFingerprint();
            code = c;
        }
        return c;
    }

    private static long readCodeFingerprint() {
        try {
            Path source = Path.of(AnalysisCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Map<String, byte[]> classes = new TreeMap<>();
            if (Files.isDirectory(source)) {
                for (String pkg : List.of(DETECTION_PACKAGE, CENTRE.substring(0, CENTRE.lastIndexOf('/') + 1))) {
                    Path dir = source.resolve(pkg);
                    if (Files.isDirectory(dir)) {
                        try (Stream<Path> files = Files.list(dir)) {
                            for (Path p : files.toList()) {
                                String name = pkg + p.getFileName();
                                if (detectionCode(name)) {
                                    classes.put(name, Files.readAllBytes(p));
                                }
                            }
                        }
                    }
                }
            } else {
                try (JarFile jar = new JarFile(source.toFile())) {
                    for (JarEntry e : java.util.Collections.list(jar.entries())) {
                        String name = e.getName();
                        if (detectionCode(name)) {
                            try (InputStream in = jar.getInputStream(e)) {
                                classes.put(name, in.readAllBytes());
                            }
                        }
                    }
                }
            }
            long h = 0xcbf29ce484222325L;
            for (Map.Entry<String, byte[]> e : classes.entrySet()) {
                for (byte b : e.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                    h = (h ^ (b & 0xff)) * 0x100000001b3L;
                }
                for (byte b : e.getValue()) {
                    h = (h ^ (b & 0xff)) * 0x100000001b3L;
                }
            }
            return h;
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return 0;
        }
    }
}

package io.benchledger.archive.analysis.changepoint;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.benchledger.archive.BadInputException;
import io.benchledger.archive.analysis.history.CaseSeries;
import io.benchledger.archive.analysis.history.History;
import io.benchledger.archive.analysis.history.RunPoint;
import io.benchledger.archive.store.Archive;
import io.benchledger.archive.store.RunIds;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The acknowledgements of an archive: {@code annotations/ack-<ulid>.yaml}, one file each, written to a
 * temporary name and renamed into place, so concurrent acknowledgements never overwrite each other
 * and a reader never sees half a file.
 *
 * <p>An acknowledgement silences a change point of the same case and metric whose run lies within
 * {@value #SLACK} positions of the acknowledged run in the case's series: as runs accumulate,
 * E-Divisive may move a change point by a run or two, and it is still the same change.
 */
public final class Acknowledgements {
    public static final int SLACK = 2;
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));

    private final List<Acknowledgement> all;

    private Acknowledgements(List<Acknowledgement> all) {
        this.all = List.copyOf(all);
    }

    public List<Acknowledgement> all() {
        return all;
    }

    public static Acknowledgements read(Archive archive) throws IOException {
        Path dir = archive.layout().annotations();
        List<Acknowledgement> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return new Acknowledgements(out);
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "ack-*.yaml")) {
            ds.forEach(files::add);
        }
        files.sort(null);
        for (Path f : files) {
            try {
                Acknowledgement a = YAML.readValue(f.toFile(), Acknowledgement.class);
                if (a == null || a.caseKey() == null || a.runId() == null) {
                    throw new BadInputException(f + ": an acknowledgement needs 'case_key' and 'run_id'");
                }
                if (a.kind() != null && !a.isDrift()) {
                    throw new BadInputException(f + ": 'kind' must be '" + Acknowledgement.DRIFT + "' or absent, was '"
                            + a.kind() + "'");
                }
                if (a.isDrift() && a.startRunId() == null) {
                    throw new BadInputException(f + ": a drift's acknowledgement needs 'start_run_id'");
                }
                out.add(new Acknowledgement(a.caseKey(), a.metric() == null ? "primary" : a.metric(), a.runId(),
                        a.by() == null ? "" : a.by(), a.why() == null ? "" : a.why(), a.at() == null ? "" : a.at(),
                        a.change(), a.kind(), a.startRunId()));
            } catch (com.fasterxml.jackson.core.JacksonException e) {
                throw new BadInputException(f + ": not a valid acknowledgement (" + e.getOriginalMessage() + ")", e);
            }
        }
        return new Acknowledgements(out);
    }

    /** Writes one acknowledgement atomically and returns its file. */
    public static Path write(Archive archive, Acknowledgement ack) throws IOException {
        Path dir = archive.layout().annotations();
        Files.createDirectories(dir);
        String id = RunIds.next();
        Path tmp = dir.resolve(".ack-" + id + ".yaml.tmp");
        Path target = dir.resolve("ack-" + id + ".yaml");
        YAML.writeValue(tmp.toFile(), ack);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    /** Whether a change point at series position {@code index} of {@code series} is acknowledged. */
    public boolean covers(CaseSeries series, int index, History history, Map<String, RunPoint> runsById) {
        for (Acknowledgement a : byKey().getOrDefault(series.key(), List.of())) {
            if (a.isDrift()) {
                continue;
            }
            RunPoint run = runsById.get(a.runId());
            if (run == null) {
                continue;
            }
            int at = series.indexOfRun(run.index());
            if (at >= 0 && Math.abs(at - index) <= SLACK) {
                return true;
            }
        }
        return false;
    }

    /**
     * The total change an acknowledged drift had when it was acknowledged, when a drift of
     * {@code series} from position {@code start} to {@code end} (inclusive) is that drift: the two
     * spans share at least half of the shorter one (a drift's ends move by a few runs as history grows,
     * and it grows while it goes on). The newest such acknowledgement counts.
     */
    public OptionalDouble acknowledgedDrift(CaseSeries series, int start, int end, Map<String, RunPoint> runsById) {
        OptionalDouble found = OptionalDouble.empty();
        for (Acknowledgement a : byKey().getOrDefault(series.key(), List.of())) {
            RunPoint first = a.isDrift() ? runsById.get(a.startRunId()) : null;
            RunPoint last = a.isDrift() ? runsById.get(a.runId()) : null;
            if (first == null || last == null) {
                continue;
            }
            int from = series.indexOfRun(first.index());
            int to = series.indexOfRun(last.index());
            if (from < 0 || to < from) {
                continue;
            }
            int shared = Math.min(to, end) - Math.max(from, start) + 1;
            if (2 * shared >= Math.min(to - from + 1, end - start + 1)) {
                found = OptionalDouble.of(a.change());
            }
        }
        return found;
    }

    private Map<String, List<Acknowledgement>> byKey;

    private Map<String, List<Acknowledgement>> byKey() {
        if (byKey == null) {
            Map<String, List<Acknowledgement>> m = new HashMap<>();
            for (Acknowledgement a : all) {
                m.computeIfAbsent(a.caseKey() + "\u0000" + a.metric(), k -> new ArrayList<>()).add(a);
            }
            byKey = m;
        }
        return byKey;
    }
}

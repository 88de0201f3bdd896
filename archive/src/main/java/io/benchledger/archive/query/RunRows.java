package io.benchledger.archive.query;

import io.benchledger.archive.format.Table;
import io.benchledger.archive.model.Run;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rows of the {@code runs} table read back as {@link Run}s: the one reader of a run from a query, so
 * every page and report sees a run with the fields the collector wrote. A query may select fewer
 * columns (those missing are empty) or more (ignored).
 */
public final class RunRows {
    private RunRows() {
    }

    /** Every row of {@code t} as a run. */
    public static List<Run> runs(Table t) {
        List<Run> out = new ArrayList<>(t.size());
        for (int i = 0; i < t.size(); i++) {
            out.add(run(t, i));
        }
        return out;
    }

    /** Row {@code i} of {@code t} as a run. */
    public static Run run(Table t, int i) {
        Map<String, Object> r = new HashMap<>();
        List<Object> row = t.rows().get(i);
        for (int c = 0; c < t.columns().size(); c++) {
            r.put(t.columns().get(c), row.get(c));
        }
        Instant started = instant(r.get("started_at"));
        Run.Builder b = Run.builder(text(r.get("run_id")), started)
                .finishedAt(r.get("finished_at") == null ? started : instant(r.get("finished_at")))
                .project(text(r.get("project"))).version(text(r.get("version"))).suite(text(r.get("suite")))
                .suiteVersion(text(r.get("suite_version"))).environment(text(r.get("environment")))
                .trigger(text(r.get("trigger"))).variant(text(r.get("variant"))).commit(text(r.get("commit")))
                .branch(text(r.get("branch"))).host(text(r.get("host"))).os(text(r.get("os")))
                .arch(text(r.get("arch"))).cpuModel(text(r.get("cpu_model")))
                .cpuCount(r.get("cpu_count") instanceof Number n ? n.intValue() : 0)
                .memoryBytes(r.get("memory_bytes") instanceof Number n ? n.longValue() : 0)
                .jvmVendor(text(r.get("jvm_vendor"))).jvmVersion(text(r.get("jvm_version")))
                .jvmArgs(text(r.get("jvm_args"))).harness(text(r.get("harness")))
                .harnessVersion(text(r.get("harness_version"))).sourceFormat(text(r.get("source_format")))
                .sourceSha256(text(r.get("source_sha256"))).toolVersion(text(r.get("tool_version")));
        if (r.get("commit_time") != null) {
            b.commitTime(instant(r.get("commit_time")));
        }
        TreeMap<String, String> labels = new TreeMap<>();
        if (r.get("labels") instanceof Map<?, ?> m) {
            m.forEach((k, v) -> labels.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        }
        return b.labels(labels).build();
    }

    private static String text(Object o) {
        return o == null ? "" : o.toString();
    }

    /** A timestamp as {@link ArchiveDatabase} returns it: an instant's text, or a local time in UTC. */
    private static Instant instant(Object o) {
        if (o == null) {
            return Instant.EPOCH;
        }
        String s = o.toString();
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException notAnInstant) {
            return LocalDateTime.parse(s.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        }
    }
}

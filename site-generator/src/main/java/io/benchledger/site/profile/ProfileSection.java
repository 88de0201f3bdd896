package io.benchledger.site.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchledger.archive.BadInputException;
import io.benchledger.site.chart.Json;
import io.benchledger.site.model.CaseInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The profile section of a benchmark page: for each case whose newest run kept a JFR recording
 * ({@code collect --profile-with jfr} or {@code async}), a flame graph of its execution samples and the methods with
 * the most samples. The frames go into a script file ({@code profiles/<page>.js}) that flame.js draws
 * with ECharts.
 */
public final class ProfileSection {
    static final int TOP = 15;

    /** One case's profile as the template reads it. */
    public record View(int index, String caseLabel, String runId, long samples, List<TopRow> top, String profiler) {
    }

    /** A row of the top-methods table, percentages of all samples. */
    public record TopRow(String method, String self, String total) {
    }

    /** @param script the data file's content, empty when no case has a recording */
    public record Section(List<View> views, String script) {
        public boolean isEmpty() {
            return views.isEmpty();
        }
    }

    private ProfileSection() {
    }

    /**
     * The profiles of the cases: each case's newest run that kept a recording (a weekly profiled run
     * stays on the page after the nightly runs that follow it).
     *
     * @param logs where a run's JMH logs (and its jfr/ folder) are in the archive
     */
    public static Section of(List<CaseInfo> cases, Function<String, Path> logs) {
        Map<String, Recording> recordings = recordings(logs.apply("none").getParent());
        List<View> views = new ArrayList<>();
        List<Object> data = new ArrayList<>();
        for (CaseInfo c : cases) {
            Recording r = recordings.get(c.caseKey());
            if (r == null) {
                continue;
            }
            JfrProfile.Profile p = JfrProfile.read(r.file(), TOP);
            if (p.samples() == 0) {
                continue;
            }
            List<TopRow> top = p.top().stream().map(m -> new TopRow(m.method(), percent(m.self(), p.samples()),
                    percent(m.total(), p.samples()))).toList();
            views.add(new View(views.size(), c.label(), r.runId(), p.samples(), top, p.profiler()));
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("label", c.label());
            d.put("samples", p.samples());
            d.put("frames", p.frames().stream().map(f -> List.of(f.depth(), f.start(), f.samples(), f.self(), f.method())).toList());
            data.add(d);
        }
        return new Section(views, views.isEmpty() ? "" : "window.BL_FLAMES = " + Json.of(data) + ";\n");
    }

    /** A case's recording and the run that made it. */
    record Recording(String runId, Path file) {
    }

    /** Indexes read once per logs folder state: every benchmark page asks for the same map. */
    private static final Map<String, Map<String, Recording>> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    /** Case key → newest recording over every {@code logs/<run_id>/jfr/cases.json} (run ids sort by time). */
    static Map<String, Recording> recordings(Path logsRoot) {
        if (!Files.isDirectory(logsRoot)) {
            return Map.of();
        }
        String key;
        try {
            key = logsRoot.toAbsolutePath() + "|" + Files.getLastModifiedTime(logsRoot).toMillis();
        } catch (IOException e) {
            return Map.of();
        }
        return CACHE.computeIfAbsent(key, k -> {
            Map<String, Recording> out = new java.util.HashMap<>();
            List<Path> runs;
            try (java.util.stream.Stream<Path> s = Files.list(logsRoot)) {
                runs = s.filter(p -> Files.isRegularFile(p.resolve("jfr/cases.json"))).sorted().toList();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            for (Path run : runs) { // oldest first: newer runs replace older ones
                Path indexFile = run.resolve("jfr/cases.json");
                JsonNode index = index(indexFile);
                for (java.util.Iterator<Map.Entry<String, JsonNode>> it = index.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    Path file = run.resolve(e.getValue().asText("")).normalize();
                    if (!e.getValue().isTextual() || !file.startsWith(run)) {
                        throw new BadInputException(indexFile + ": " + e.getKey() + ": expected a path inside the run's folder");
                    }
                    out.put(e.getKey(), new Recording(run.getFileName().toString(), file));
                }
            }
            return out;
        });
    }

    private static JsonNode index(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            JsonNode n = new ObjectMapper().readTree(file.toFile());
            if (n == null || !n.isObject()) {
                throw new BadInputException(file + ": expected an object of case key → recording path");
            }
            return n;
        } catch (IOException e) {
            throw new BadInputException(file + ": not JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
    }

    private static String percent(long part, long all) {
        return String.format(Locale.ROOT, "%.1f%%", 100.0 * part / all);
    }
}

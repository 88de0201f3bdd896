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
 * ({@code collect --profile-with jfr}), a flame graph of its execution samples and the methods with
 * the most samples. The frames go into a script file ({@code profiles/<page>.js}) that flame.js draws
 * with ECharts.
 */
public final class ProfileSection {
    static final int TOP = 15;

    /** One case's profile as the template reads it. */
    public record View(int index, String caseLabel, String runId, long samples, List<TopRow> top) {
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
     * @param logs where a run's JMH logs (and its jfr/ folder) are in the archive
     */
    public static Section of(List<CaseInfo> cases, Function<String, Path> logs) {
        List<View> views = new ArrayList<>();
        List<Object> data = new ArrayList<>();
        Map<String, JsonNode> indexes = new LinkedHashMap<>();
        for (CaseInfo c : cases) {
            Path runLogs = logs.apply(c.lastRunId());
            JsonNode index = indexes.computeIfAbsent(c.lastRunId(), id -> index(runLogs.resolve("jfr/cases.json")));
            if (index == null || !index.path(c.caseKey()).isTextual()) {
                continue;
            }
            Path recording = runLogs.resolve(index.get(c.caseKey()).asText()).normalize();
            if (!recording.startsWith(runLogs)) {
                throw new BadInputException(runLogs.resolve("jfr/cases.json") + ": " + c.caseKey()
                        + ": the recording's path leaves the run's folder");
            }
            JfrProfile.Profile p = JfrProfile.read(recording, TOP);
            if (p.samples() == 0) {
                continue;
            }
            List<TopRow> top = p.top().stream().map(m -> new TopRow(m.method(), percent(m.self(), p.samples()),
                    percent(m.total(), p.samples()))).toList();
            views.add(new View(views.size(), c.label(), c.lastRunId(), p.samples(), top));
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("label", c.label());
            d.put("samples", p.samples());
            d.put("frames", p.frames().stream().map(f -> List.of(f.depth(), f.start(), f.samples(), f.self(), f.method())).toList());
            data.add(d);
        }
        return new Section(views, views.isEmpty() ? "" : "window.BL_FLAMES = " + Json.of(data) + ";\n");
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

package io.benchledger.cli.profile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.benchledger.archive.BadInputException;
import io.benchledger.archive.model.Result;
import io.benchledger.collector.run.CollectResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code collect --profile-with jfr}: JMH's JFR profiler ({@code -prof jfr}) records each trial into a
 * scratch folder; after the run is committed the recordings are kept in the archive under
 * {@code logs/<run_id>/jfr/<trial>/profile.jfr}, with {@code jfr/cases.json} saying which case each
 * recording belongs to (the site's flame graphs read it).
 */
public final class JfrRecordings implements AutoCloseable {
    public static final String FOLDER = "jfr";
    public static final String INDEX = "cases.json";
    private static final Map<String, String> MODES = Map.of("thrpt", "Throughput", "avgt", "AverageTime",
            "sample", "SampleTime", "ss", "SingleShotTime");

    private final Path scratch;

    private JfrRecordings(Path scratch) {
        this.scratch = scratch;
    }

    /** @param profiler the option's value: only {@code jfr} is supported */
    public static JfrRecordings start(String profiler) throws IOException {
        if (!profiler.equals("jfr")) {
            throw new BadInputException("--profile-with: expected jfr, got '" + profiler
                    + "' (async-profiler is not supported yet; pass it to JMH yourself after --)");
        }
        return new JfrRecordings(Files.createTempDirectory("benchledger-jfr-"));
    }

    public List<String> jmhArgs() {
        return List.of("-prof", "jfr:dir=" + scratch.toAbsolutePath());
    }

    /** JMH's name of a trial's folder: benchmark, mode and parameters joined by dashes, parameters by name. */
    static String trialName(Result r) {
        StringBuilder sb = new StringBuilder(r.benchmark()).append('-').append(MODES.getOrDefault(r.mode(), r.mode()));
        r.params().forEach((k, v) -> sb.append('-').append(k).append('-').append(v));
        return sb.toString();
    }

    /** Copies the recordings next to the run's JMH logs; returns how many cases have one. */
    public int keep(CollectResult run) throws IOException {
        Path target = run.logs().resolve(FOLDER);
        try (Stream<Path> s = Files.walk(scratch)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                Path to = target.resolve(scratch.relativize(p).toString());
                Files.createDirectories(to.getParent());
                Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        ObjectNode index = new ObjectMapper().createObjectNode();
        Map<String, Result> primaries = run.record().results().stream().filter(Result::isPrimary)
                .collect(Collectors.toMap(Result::caseKey, r -> r, (a, b) -> a, java.util.TreeMap::new));
        primaries.forEach((key, r) -> {
            String rel = trialName(r) + "/profile.jfr";
            if (Files.isRegularFile(target.resolve(rel))) {
                index.put(key, FOLDER + "/" + rel);
            }
        });
        if (Files.isDirectory(target)) {
            Files.writeString(target.resolve(INDEX), index.toPrettyString());
        }
        return index.size();
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> s = Files.walk(scratch)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

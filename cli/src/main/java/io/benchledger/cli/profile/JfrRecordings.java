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
 * {@code collect --profile-with jfr|async[:EVENT]}: JMH's JFR profiler ({@code -prof jfr}) or async-profiler
 * ({@code -prof async}, its JFR output) records each trial into a scratch folder; after the run is
 * committed the recordings are kept in the archive under {@code logs/<run_id>/jfr/<trial>/} (JMH's file
 * names: {@code profile.jfr}, {@code jfr-cpu.jfr}), with {@code jfr/cases.json} saying which case each
 * recording belongs to (the site's flame graphs read it).
 *
 * <p>async-profiler writes JFR too, so one reader and one layout serve both; its recordings also say
 * which sampler ran (perf_events, or ctimer where perf_events are not allowed).
 */
public final class JfrRecordings implements AutoCloseable {
    public static final String FOLDER = "jfr";
    public static final String INDEX = "cases.json";
    private static final Map<String, String> MODES = Map.of("thrpt", "Throughput", "avgt", "AverageTime",
            "sample", "SampleTime", "ss", "SingleShotTime");
    /**
     * async-profiler's CPU samplers: cpu (perf_events; async-profiler itself falls back to ctimer where
     * perf_events are not allowed, as on many CI runners), itimer (setitimer, one signal per process) and
     * ctimer (per-thread POSIX timers, Linux only). They all write the execution samples the page draws.
     */
    static final List<String> ASYNC_EVENTS = List.of("cpu", "itimer", "ctimer");

    private final Path scratch;
    private final String label;
    private final List<String> jmhArgs;
    private final String fileName;

    private JfrRecordings(Path scratch, String label, List<String> jmhArgs, String fileName) {
        this.scratch = scratch;
        this.label = label;
        this.jmhArgs = jmhArgs;
        this.fileName = fileName;
    }

    /** @param profiler the option's value: {@code jfr}, {@code async} or {@code async:EVENT} */
    public static JfrRecordings start(String profiler) throws IOException {
        String event = profiler.equals("async") ? "cpu" : profiler.startsWith("async:") ? profiler.substring(6) : "";
        if (!profiler.equals("jfr") && !ASYNC_EVENTS.contains(event)) {
            throw new BadInputException("--profile-with: expected jfr, async or async:EVENT with EVENT one of "
                    + String.join(", ", ASYNC_EVENTS) + ", got '" + profiler + "'");
        }
        if (event.equals("ctimer") && !System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("linux")) {
            throw new BadInputException("--profile-with async:ctimer: ctimer is Linux only; use async or async:itimer");
        }
        Path scratch = Files.createTempDirectory("benchledger-profile-");
        try {
            Path out = Files.createDirectory(scratch.resolve("out")).toAbsolutePath();
            if (event.isEmpty()) {
                return new JfrRecordings(scratch, "jfr", List.of("-prof", "jfr:dir=" + out), "profile.jfr");
            }
            Path lib = AsyncProfilerLibrary.extract(Files.createDirectory(scratch.resolve("lib"))).toAbsolutePath();
            return new JfrRecordings(scratch, "async:" + event,
                    List.of("-prof", "async:libPath=" + lib + ";output=jfr;event=" + event + ";dir=" + out), "jfr-" + event + ".jfr");
        } catch (IOException | RuntimeException e) {
            delete(scratch);
            throw e;
        }
    }

    /** JMH's options for the profiler; they name the scratch folder, so they are not recorded with the run. */
    public List<String> jmhArgs() {
        return jmhArgs;
    }

    /** What is recorded with the run (its {@code profiler} label): {@code jfr} or {@code async:EVENT}, no paths. */
    public String label() {
        return label;
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
        Path out = scratch.resolve("out");
        try (Stream<Path> s = Files.walk(out)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                Path to = target.resolve(out.relativize(p).toString());
                Files.createDirectories(to.getParent());
                Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        ObjectNode index = new ObjectMapper().createObjectNode();
        Map<String, Result> primaries = run.record().results().stream().filter(Result::isPrimary)
                .collect(Collectors.toMap(Result::caseKey, r -> r, (a, b) -> a, java.util.TreeMap::new));
        primaries.forEach((key, r) -> {
            String rel = trialName(r) + "/" + fileName;
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
        delete(scratch);
    }

    private static void delete(Path scratch) throws IOException {
        try (Stream<Path> s = Files.walk(scratch)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

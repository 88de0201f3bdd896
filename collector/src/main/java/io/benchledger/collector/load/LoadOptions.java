package io.benchledger.collector.load;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What {@code benchledger load} runs. Empty strings and zeros mean "not given".
 *
 * @param workloads names of the configuration's workloads; empty: all (or, with {@code nightlyOnly}, those marked nightly)
 * @param rates target rates replacing the workloads' own (no sweep then); empty: the configuration's
 * @param durationMillis and {@code warmupMillis}: replace the configuration's when above 0 ({@code warmupMillis} ≥ 0 with {@code warmupGiven})
 */
public record LoadOptions(Path archive, String project, Optional<Path> config, List<String> workloads,
                          boolean nightlyOnly, Optional<Path> jar, Optional<String> classPath, Optional<Path> jvm,
                          String projectVersion, String commit, Optional<Path> gitDir, String trigger,
                          List<Double> rates, long durationMillis, long warmupMillis, boolean warmupGiven,
                          Map<String, String> labels, String toolVersion) {
    public LoadOptions {
        workloads = List.copyOf(workloads);
        rates = List.copyOf(rates);
        labels = new TreeMap<>(labels);
    }

    /** Milliseconds of a command-line duration such as 500ms, 10s or 2m. */
    public static long millis(String option, String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)\\s*(ms|s|m|min)").matcher(text.trim());
        if (!m.matches()) {
            throw new io.benchledger.archive.BadInputException(option + " " + text
                    + ": expected a duration such as 500ms, 10s or 2m");
        }
        long v = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> v;
            case "s" -> v * 1000;
            default -> v * 60_000;
        };
    }

    public static Builder builder(Path archive) {
        return new Builder(archive);
    }

    /** Builder with the defaults of {@code load}. */
    public static final class Builder {
        private final Path archive;
        private String project = "default";
        private Optional<Path> config = Optional.empty();
        private List<String> workloads = List.of();
        private boolean nightlyOnly;
        private Optional<Path> jar = Optional.empty();
        private Optional<String> classPath = Optional.empty();
        private Optional<Path> jvm = Optional.empty();
        private String projectVersion = "";
        private String commit = "";
        private Optional<Path> gitDir = Optional.empty();
        private String trigger = "manual";
        private List<Double> rates = List.of();
        private long durationMillis;
        private long warmupMillis;
        private boolean warmupGiven;
        private Map<String, String> labels = Map.of();
        private String toolVersion = "";

        private Builder(Path archive) {
            this.archive = archive;
        }

        public Builder project(String v) { project = v; return this; }
        public Builder config(Path v) { config = Optional.ofNullable(v); return this; }
        public Builder workloads(List<String> v) { workloads = v; return this; }
        public Builder nightlyOnly(boolean v) { nightlyOnly = v; return this; }
        public Builder jar(Path v) { jar = Optional.ofNullable(v); return this; }
        public Builder classPath(String v) { classPath = Optional.ofNullable(v); return this; }
        public Builder jvm(Path v) { jvm = Optional.ofNullable(v); return this; }
        public Builder projectVersion(String v) { projectVersion = v; return this; }
        public Builder commit(String v) { commit = v; return this; }
        public Builder gitDir(Path v) { gitDir = Optional.ofNullable(v); return this; }
        public Builder trigger(String v) { trigger = v; return this; }
        public Builder rates(List<Double> v) { rates = v; return this; }
        public Builder durationMillis(long v) { durationMillis = v; return this; }
        public Builder warmupMillis(long v) { warmupMillis = v; warmupGiven = true; return this; }
        public Builder labels(Map<String, String> v) { labels = v; return this; }
        public Builder toolVersion(String v) { toolVersion = v; return this; }

        public LoadOptions build() {
            return new LoadOptions(archive, project, config, workloads, nightlyOnly, jar, classPath, jvm, projectVersion,
                    commit, gitDir, trigger, rates, durationMillis, warmupMillis, warmupGiven, labels, toolVersion);
        }
    }
}

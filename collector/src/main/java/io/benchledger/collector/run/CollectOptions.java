package io.benchledger.collector.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What to collect, as {@code benchledger collect} takes it; {@code nightly} and {@code ab} build one
 * with {@link #builder}. Empty strings mean "not given".
 *
 * @param profile a profile of the configuration ({@code quick}, {@code nightly}); empty: {@code nightly}
 * @param jar a JMH uber jar; {@code classPath} a class path; neither: the bundled suites
 * @param jvm the {@code java} executable that measures; empty: the one running benchledger
 * @param projectVersion the archive partition {@code version}; empty: {@code dev}
 * @param jmhArgs JMH options given after {@code --}, on top of the configuration's (recorded as the
 *                run's {@code jmh.args} label)
 * @param profilerArgs JMH options of a profiler benchledger sets up ({@code collect --profile-with}): passed
 *                     to JMH but not recorded, since they name a scratch folder that differs every run
 * @param branch the branch the run is recorded under; empty: from {@code gitDir} or the CI's variables
 * @param ignoreJmhLock run even when another JMH run holds JMH's machine-wide lock (measurements
 *                      then disturb each other: for smoke tests on shared machines only)
 */
public record CollectOptions(
        Path archive,
        String project,
        Optional<Path> config,
        String suite,
        String profile,
        String environment,
        Optional<Path> jar,
        Optional<String> classPath,
        List<String> include,
        List<String> exclude,
        Optional<Path> jvm,
        String projectVersion,
        String commit,
        Optional<Path> gitDir,
        String trigger,
        String variant,
        Map<String, String> labels,
        List<String> jmhArgs,
        String toolVersion,
        boolean ignoreJmhLock,
        List<String> profilerArgs,
        String branch) {

    public static final String DEFAULT_VERSION = "dev";

    public CollectOptions {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
        labels = new TreeMap<>(labels);
        jmhArgs = List.copyOf(jmhArgs);
        profilerArgs = List.copyOf(profilerArgs);
    }

    /** What JMH is given on top of the configuration: the user's options, then the profiler's. */
    public List<String> allJmhArgs() {
        List<String> all = new java.util.ArrayList<>(jmhArgs);
        all.addAll(profilerArgs);
        return all;
    }

    public static Builder builder(Path archive) {
        return new Builder(archive);
    }

    /** Builder with the defaults of {@code collect}. */
    public static final class Builder {
        private final Path archive;
        private String project = "default";
        private Optional<Path> config = Optional.empty();
        private String suite = "";
        private String profile = "";
        private String environment = "";
        private Optional<Path> jar = Optional.empty();
        private Optional<String> classPath = Optional.empty();
        private List<String> include = List.of();
        private List<String> exclude = List.of();
        private Optional<Path> jvm = Optional.empty();
        private String projectVersion = "";
        private String commit = "";
        private Optional<Path> gitDir = Optional.empty();
        private String trigger = "manual";
        private String variant = "";
        private Map<String, String> labels = Map.of();
        private List<String> jmhArgs = List.of();
        private String toolVersion = "";
        private boolean ignoreJmhLock;
        private List<String> profilerArgs = List.of();
        private String branch = "";

        private Builder(Path archive) {
            this.archive = archive;
        }

        public Builder project(String v) { project = v; return this; }
        public Builder config(Path v) { config = Optional.ofNullable(v); return this; }
        public Builder suite(String v) { suite = v; return this; }
        public Builder profile(String v) { profile = v; return this; }
        public Builder environment(String v) { environment = v; return this; }
        public Builder jar(Path v) { jar = Optional.ofNullable(v); return this; }
        public Builder classPath(String v) { classPath = Optional.ofNullable(v); return this; }
        public Builder include(List<String> v) { include = v; return this; }
        public Builder exclude(List<String> v) { exclude = v; return this; }
        public Builder jvm(Path v) { jvm = Optional.ofNullable(v); return this; }
        public Builder projectVersion(String v) { projectVersion = v; return this; }
        public Builder commit(String v) { commit = v; return this; }
        public Builder gitDir(Path v) { gitDir = Optional.ofNullable(v); return this; }
        public Builder trigger(String v) { trigger = v; return this; }
        public Builder variant(String v) { variant = v; return this; }
        public Builder labels(Map<String, String> v) { labels = v; return this; }
        public Builder jmhArgs(List<String> v) { jmhArgs = v; return this; }
        public Builder toolVersion(String v) { toolVersion = v; return this; }
        public Builder ignoreJmhLock(boolean v) { ignoreJmhLock = v; return this; }
        public Builder profilerArgs(List<String> v) { profilerArgs = v; return this; }
        public Builder branch(String v) { branch = v == null ? "" : v; return this; }

        public CollectOptions build() {
            return new CollectOptions(archive, project, config, suite, profile, environment, jar, classPath, include,
                    exclude, jvm, projectVersion, commit, gitDir, trigger, variant, labels, jmhArgs, toolVersion,
                    ignoreJmhLock, profilerArgs, branch);
        }
    }
}

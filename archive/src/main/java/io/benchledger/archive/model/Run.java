package io.benchledger.archive.model;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One row of the {@code runs} table: who measured what, where and when. The run's file in
 * {@code runs/} is its commit record.
 *
 * <p>Text fields are never null; an empty string means "not known" and is stored as SQL NULL.
 */
public record Run(
        String runId,
        String project,
        String version,
        String suite,
        String suiteVersion,
        String environment,
        String trigger,
        String variant,
        String commit,
        String branch,
        Optional<Instant> commitTime,
        Instant startedAt,
        Instant finishedAt,
        String host,
        String os,
        String arch,
        String cpuModel,
        int cpuCount,
        long memoryBytes,
        String jvmVendor,
        String jvmVersion,
        String jvmArgs,
        String harness,
        String harnessVersion,
        String sourceFormat,
        String sourceSha256,
        String toolVersion,
        SortedMap<String, String> labels) {

    /** Triggers the design names; others are allowed but these are what the tools write. */
    public static final String TRIGGER_NIGHTLY = "nightly";
    public static final String TRIGGER_RELEASE = "release";
    public static final String TRIGGER_MANUAL = "manual";
    public static final String TRIGGER_AB = "ab";
    public static final String TRIGGER_IMPORT = "import";
    /** A run measured under a profiler (collect --profile-with): its overhead keeps it out of the history. */
    public static final String TRIGGER_PROFILE = "profile";
    /**
     * A nightly's second look: the benchmarks its run called changed, measured again at once before
     * the gate trusts the change (label {@code confirms} = the run). Kept in the archive, not in the
     * history: the night is already there once.
     */
    public static final String TRIGGER_CONFIRM = "confirm";
    /** The suite of the runs of benchledger's open-loop load harness ({@code benchledger load}). */
    public static final String WORKLOADS_SUITE = "workloads";

    public Run {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        project = text(project);
        version = text(version);
        suite = text(suite);
        suiteVersion = text(suiteVersion);
        environment = text(environment);
        trigger = text(trigger);
        variant = text(variant);
        commit = text(commit);
        branch = text(branch);
        commitTime = commitTime == null ? Optional.empty() : commitTime;
        host = text(host);
        os = text(os);
        arch = text(arch);
        cpuModel = text(cpuModel);
        jvmVendor = text(jvmVendor);
        jvmVersion = text(jvmVersion);
        jvmArgs = text(jvmArgs);
        harness = text(harness);
        harnessVersion = text(harnessVersion);
        sourceFormat = text(sourceFormat);
        sourceSha256 = text(sourceSha256);
        toolVersion = text(toolVersion);
        labels = labels == null ? new TreeMap<>() : new TreeMap<>(labels);
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    /** A builder, since a run has many optional fields and importers fill only some. */
    public static Builder builder(String runId, Instant startedAt) {
        return new Builder(runId, startedAt);
    }

    public Builder toBuilder() {
        Builder b = new Builder(runId, startedAt);
        b.project = project; b.version = version; b.suite = suite; b.suiteVersion = suiteVersion;
        b.environment = environment; b.trigger = trigger; b.variant = variant; b.commit = commit;
        b.branch = branch; b.commitTime = commitTime; b.finishedAt = finishedAt; b.host = host;
        b.os = os; b.arch = arch; b.cpuModel = cpuModel; b.cpuCount = cpuCount;
        b.memoryBytes = memoryBytes; b.jvmVendor = jvmVendor; b.jvmVersion = jvmVersion;
        b.jvmArgs = jvmArgs; b.harness = harness; b.harnessVersion = harnessVersion;
        b.sourceFormat = sourceFormat; b.sourceSha256 = sourceSha256; b.toolVersion = toolVersion;
        b.labels = new TreeMap<>(labels);
        return b;
    }

    public static final class Builder {
        private String runId;
        private Instant startedAt;
        private Instant finishedAt;
        private String project = "default", version = "", suite = "", suiteVersion = "", environment = "",
                trigger = TRIGGER_MANUAL, variant = "", commit = "", branch = "", host = "", os = "",
                arch = "", cpuModel = "", jvmVendor = "", jvmVersion = "", jvmArgs = "", harness = "",
                harnessVersion = "", sourceFormat = "", sourceSha256 = "", toolVersion = "";
        private Optional<Instant> commitTime = Optional.empty();
        private int cpuCount;
        private long memoryBytes;
        private SortedMap<String, String> labels = new TreeMap<>();

        private Builder(String runId, Instant startedAt) {
            this.runId = runId;
            this.startedAt = startedAt;
            this.finishedAt = startedAt;
        }

        public Builder runId(String v) { runId = v; return this; }
        public Builder startedAt(Instant v) { startedAt = v; return this; }
        public Builder finishedAt(Instant v) { finishedAt = v; return this; }
        public Builder project(String v) { project = v; return this; }
        public Builder version(String v) { version = v; return this; }
        public Builder suite(String v) { suite = v; return this; }
        public Builder suiteVersion(String v) { suiteVersion = v; return this; }
        public Builder environment(String v) { environment = v; return this; }
        public Builder trigger(String v) { trigger = v; return this; }
        public Builder variant(String v) { variant = v; return this; }
        public Builder commit(String v) { commit = v; return this; }
        public Builder branch(String v) { branch = v; return this; }
        public Builder commitTime(Instant v) { commitTime = Optional.ofNullable(v); return this; }
        public Builder host(String v) { host = v; return this; }
        public Builder os(String v) { os = v; return this; }
        public Builder arch(String v) { arch = v; return this; }
        public Builder cpuModel(String v) { cpuModel = v; return this; }
        public Builder cpuCount(int v) { cpuCount = v; return this; }
        public Builder memoryBytes(long v) { memoryBytes = v; return this; }
        public Builder jvmVendor(String v) { jvmVendor = v; return this; }
        public Builder jvmVersion(String v) { jvmVersion = v; return this; }
        public Builder jvmArgs(String v) { jvmArgs = v; return this; }
        public Builder harness(String v) { harness = v; return this; }
        public Builder harnessVersion(String v) { harnessVersion = v; return this; }
        public Builder sourceFormat(String v) { sourceFormat = v; return this; }
        public Builder sourceSha256(String v) { sourceSha256 = v; return this; }
        public Builder toolVersion(String v) { toolVersion = v; return this; }
        public Builder labels(Map<String, String> v) { labels = new TreeMap<>(v); return this; }
        public Builder label(String k, String v) { labels.put(k, v); return this; }

        public Run build() {
            return new Run(runId, project, version, suite, suiteVersion, environment, trigger, variant,
                    commit, branch, commitTime, startedAt, finishedAt, host, os, arch, cpuModel, cpuCount,
                    memoryBytes, jvmVendor, jvmVersion, jvmArgs, harness, harnessVersion, sourceFormat,
                    sourceSha256, toolVersion, labels);
        }
    }
}

package io.benchledger.site.model;

import java.time.Instant;
import java.util.SortedMap;

/**
 * One run as the site shows it: what, where and when. {@code index} is the run's place among the
 * project's runs ordered by start time (0 = oldest); {@code inHistory} whether it is one of the
 * runs of the project's history (the archive's view {@code history}, not an A/B arm or variant).
 */
public record RunInfo(
        int index,
        String runId,
        String version,
        String suite,
        String environment,
        String trigger,
        String variant,
        String commit,
        String branch,
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
        SortedMap<String, String> labels,
        boolean inHistory) {

    /**
     * What makes two runs' numbers comparable as to the machine: host, hardware, operating system
     * and JVM. A change of this between consecutive runs is marked on the history charts.
     */
    public String environmentKey() {
        return String.join("\u0000", host, os, arch, cpuModel, Integer.toString(cpuCount), jvmVendor, jvmVersion,
                jvmArgs);
    }

    /** A short description of what changed from {@code before} to this run's environment. */
    public String environmentChangeFrom(RunInfo before) {
        StringBuilder sb = new StringBuilder();
        diff(sb, "host", before.host, host);
        diff(sb, "os", before.os, os);
        diff(sb, "arch", before.arch, arch);
        diff(sb, "cpu", before.cpuModel, cpuModel);
        diff(sb, "cpus", Integer.toString(before.cpuCount), Integer.toString(cpuCount));
        diff(sb, "jvm", before.jvmVendor + " " + before.jvmVersion, jvmVendor + " " + jvmVersion);
        diff(sb, "jvm args", before.jvmArgs, jvmArgs);
        return sb.toString();
    }

    private static void diff(StringBuilder sb, String what, String a, String b) {
        if (!a.equals(b)) {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(what).append(": ").append(a.isBlank() ? "?" : a.strip()).append(" \u2192 ")
                    .append(b.isBlank() ? "?" : b.strip());
        }
    }

    public boolean isAb() {
        return "ab".equals(trigger);
    }

    public double durationSeconds() {
        return (finishedAt.toEpochMilli() - startedAt.toEpochMilli()) / 1000.0;
    }

    /** The commit message the collector recorded as a label, or empty. */
    public String message() {
        return labels.getOrDefault("message", labels.getOrDefault("commit_message", ""));
    }

    public String shortCommit() {
        return commit.length() > 10 ? commit.substring(0, 10) : commit;
    }
}

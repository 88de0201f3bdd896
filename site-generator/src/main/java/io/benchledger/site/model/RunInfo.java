package io.benchledger.site.model;

import io.benchledger.archive.model.Run;

/**
 * One run as the site shows it: the run as the archive holds it, its {@code index}, the run's place
 * among the project's runs ordered by start time (0 = oldest), and {@code inHistory} whether it is one of the
 * runs of the project's history (the archive's view {@code history}, not an A/B arm or variant).
 */
public record RunInfo(int index, Run run, boolean inHistory) {

    /**
     * What makes two runs' numbers comparable as to the machine: host, hardware, operating system
     * and JVM. A change of this between consecutive runs is marked on the history charts.
     */
    public String environmentKey() {
        return String.join("\u0000", run.host(), run.os(), run.arch(), run.cpuModel(), Integer.toString(run.cpuCount()),
                run.jvmVendor(), run.jvmVersion(), run.jvmArgs());
    }

    /** A short description of what changed from {@code before} to this run's environment. */
    public String environmentChangeFrom(RunInfo before) {
        StringBuilder sb = new StringBuilder();
        Run a = before.run;
        diff(sb, "host", a.host(), run.host());
        diff(sb, "os", a.os(), run.os());
        diff(sb, "arch", a.arch(), run.arch());
        diff(sb, "cpu", a.cpuModel(), run.cpuModel());
        diff(sb, "cpus", Integer.toString(a.cpuCount()), Integer.toString(run.cpuCount()));
        diff(sb, "jvm", a.jvmVendor() + " " + a.jvmVersion(), run.jvmVendor() + " " + run.jvmVersion());
        diff(sb, "jvm args", a.jvmArgs(), run.jvmArgs());
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
        return Run.TRIGGER_AB.equals(run.trigger());
    }

    public double durationSeconds() {
        return (run.finishedAt().toEpochMilli() - run.startedAt().toEpochMilli()) / 1000.0;
    }

    /** The commit message the collector recorded as a label, or empty. */
    public String message() {
        return run.labels().getOrDefault("message", run.labels().getOrDefault("commit_message", ""));
    }

    public String shortCommit() {
        String commit = run.commit();
        return commit.length() > 10 ? commit.substring(0, 10) : commit;
    }
}

package io.benchledger.report.model;

import java.time.Instant;

/**
 * One run's environment, for the appendix: where and how it was measured. Text fields are empty
 * when unknown.
 *
 * @param role {@code baseline}, {@code candidate} or {@code history}
 */
public record RunEnvironment(
        String runId,
        String role,
        String version,
        Instant startedAt,
        String suite,
        String environment,
        String trigger,
        String commit,
        String branch,
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
        String harnessVersion) {

    public static final String BASELINE = "baseline";
    public static final String CANDIDATE = "candidate";
    public static final String HISTORY = "history";

    /** One line for the title page: host, CPU, memory, JVM. */
    public String oneLine() {
        StringBuilder b = new StringBuilder();
        append(b, host);
        append(b, cpuModel.isEmpty() && cpuCount == 0 ? "" : (cpuModel.isEmpty() ? "" : cpuModel + ", ")
                + (cpuCount > 0 ? cpuCount + " CPUs" : ""));
        append(b, memoryBytes > 0 ? Formats.bytes(memoryBytes) + " memory" : "");
        append(b, (os + " " + arch).trim());
        append(b, (jvmVendor + " " + jvmVersion).trim());
        return b.length() == 0 ? "unknown environment" : b.toString();
    }

    private static void append(StringBuilder b, String s) {
        if (s == null || s.isBlank()) {
            return;
        }
        if (b.length() > 0) {
            b.append(" · ");
        }
        b.append(s.strip());
    }
}

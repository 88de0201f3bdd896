package io.benchledger.report.model;

import io.benchledger.archive.model.Run;

/**
 * One run of a report, for the appendix and the title page: the run as the archive holds it and its
 * role in the report.
 *
 * @param role {@code baseline}, {@code candidate} or {@code history}
 */
public record RunEnvironment(String role, Run run) {

    public static final String BASELINE = "baseline";
    public static final String CANDIDATE = "candidate";
    public static final String HISTORY = "history";

    /** One line for the title page: host, CPU, memory, JVM. */
    public String oneLine() {
        StringBuilder b = new StringBuilder();
        append(b, run.host());
        String cpuModel = run.cpuModel();
        int cpuCount = run.cpuCount();
        append(b, cpuModel.isEmpty() && cpuCount == 0 ? "" : (cpuModel.isEmpty() ? "" : cpuModel + ", ")
                + (cpuCount > 0 ? cpuCount + " CPUs" : ""));
        append(b, run.memoryBytes() > 0 ? Formats.bytes(run.memoryBytes()) + " memory" : "");
        append(b, (run.os() + " " + run.arch()).trim());
        append(b, (run.jvmVendor() + " " + run.jvmVersion()).trim());
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

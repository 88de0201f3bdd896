package io.benchledger.collector.env;

import io.benchledger.archive.model.Run;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Where a run was measured: host, hardware, operating system, the measuring JVM, the source code
 * revision, and labels for what can disturb a measurement (CPU frequency governor, load average, CI).
 * Empty strings and zeros where a value could not be read.
 */
public record Environment(
        String host,
        String os,
        String arch,
        String cpuModel,
        int cpuCount,
        long memoryBytes,
        String jvmVendor,
        String jvmVersion,
        String commit,
        String branch,
        Optional<Instant> commitTime,
        SortedMap<String, String> labels) {

    public Environment {
        labels = new TreeMap<>(labels);
        commitTime = commitTime == null ? Optional.empty() : commitTime;
    }

    /** Fills the run's environment fields and adds the labels. */
    public Run.Builder describe(Run.Builder run) {
        run.host(host).os(os).arch(arch).cpuModel(cpuModel).cpuCount(cpuCount).memoryBytes(memoryBytes)
                .jvmVendor(jvmVendor).jvmVersion(jvmVersion).commit(commit).branch(branch);
        commitTime.ifPresent(run::commitTime);
        for (Map.Entry<String, String> e : labels.entrySet()) {
            run.label(e.getKey(), e.getValue());
        }
        return run;
    }
}

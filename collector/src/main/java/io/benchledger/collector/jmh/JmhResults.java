package io.benchledger.collector.jmh;

import io.benchledger.archive.model.Result;
import io.benchledger.archive.model.Run;
import io.benchledger.archive.model.RunRecord;
import io.benchledger.archive.model.Sample;
import java.util.List;

/**
 * What one JMH JSON file holds, converted: results and raw samples of one run, plus what JMH says
 * about the JVM that measured (empty strings where the file does not say, as in JMH before 1.20).
 *
 * @param jvmArgs the measuring JVM's arguments, space-separated
 */
public record JmhResults(
        String runId,
        List<Result> results,
        List<Sample> samples,
        String jmhVersion,
        String jdkVersion,
        String vmName,
        String vmVersion,
        String jvm,
        String jvmArgs) {

    public JmhResults {
        results = List.copyOf(results);
        samples = List.copyOf(samples);
    }

    /** Fills the run's harness and JVM fields from the file where the run does not have them. */
    public Run.Builder describe(Run.Builder run) {
        run.harness("jmh").harnessVersion(jmhVersion);
        if (!jdkVersion.isEmpty()) {
            run.jvmVersion(jdkVersion);
        }
        if (!vmName.isEmpty()) {
            run.jvmVendor(vmName);
        }
        if (!jvmArgs.isEmpty()) {
            run.jvmArgs(jvmArgs);
        }
        return run;
    }

    /** The run with these results and samples. */
    public RunRecord toRecord(Run run) {
        return new RunRecord(run, results, samples);
    }
}

package io.benchledger.cli.workflow;

import io.benchledger.archive.model.Run;
import io.benchledger.collector.config.WorkloadsSection;
import io.benchledger.collector.load.LoadOptions;
import io.benchledger.collector.load.LoadResult;
import io.benchledger.collector.load.LoadRunner;
import io.benchledger.collector.load.LoadSummaryLine;
import io.benchledger.collector.load.WorkloadSpec;
import io.benchledger.collector.run.Progress;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The nightly's load step: the configuration's workloads marked {@code nightly: true} run as their
 * own run (harness {@code load}, trigger {@code nightly}), before the JMH collection so that the
 * JMH run stays the newest one the gate and the dashboard judge. Their cases are on the workloads
 * page and in the archive for compare, history and budgets; the nightly gate does not judge them.
 */
public final class NightlyWorkloads {
    private NightlyWorkloads() {
    }

    /** Returns how many cases failed (0 also when no workload is marked nightly). */
    public static int run(Path archive, String project, Path config, String version, boolean quick, String toolVersion)
            throws IOException {
        WorkloadsSection section = config == null ? WorkloadsSection.loadDefault() : WorkloadsSection.load(config);
        if (section.workloads().values().stream().noneMatch(WorkloadSpec::nightly)) {
            return 0;
        }
        LoadOptions.Builder b = LoadOptions.builder(archive).project(project).config(config).nightlyOnly(true)
                .projectVersion(version).trigger(Run.TRIGGER_NIGHTLY).toolVersion(toolVersion);
        if (quick) {
            b.durationMillis(3_000).warmupMillis(1_000);
        }
        LoadResult r;
        try (Progress progress = Progress.forStderr()) {
            r = new LoadRunner(progress, line -> { }).run(b.build());
        }
        System.err.println("benchledger: load run " + r.runId());
        for (LoadResult.CaseSummary c : r.cases()) {
            c.outcome().ifPresent(o -> System.err.println("benchledger:   " + LoadSummaryLine.of(c.caseKey(), o)));
        }
        return r.failed().size();
    }
}

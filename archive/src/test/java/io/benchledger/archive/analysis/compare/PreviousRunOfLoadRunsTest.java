package io.benchledger.archive.analysis.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.benchledger.archive.model.Run;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A nightly that runs load workloads and JMH suites: each kind's previous run is of its own kind. */
class PreviousRunOfLoadRunsTest {
    private static SideResolver.RunRow row(String id, int hour, String suite) {
        return new SideResolver.RunRow(id, "1.0", "nightly", "", "main", Instant.parse("2026-01-01T00:00:00Z").plusSeconds(3600L * hour),
                suite, "", "", "");
    }

    @Test
    void aJmhRunsPreviousRunIsNotTheLoadRunJustBeforeIt() {
        SideResolver r = new SideResolverProbe().resolver(List.of(row("jmh1", 1, "default"),
                row("load1", 2, Run.WORKLOADS_SUITE), row("jmh2", 3, "default"), row("load2", 4, Run.WORKLOADS_SUITE),
                row("jmh3", 5, "default")));
        ResolvedSide[] jmh = r.resolve(Side.parse("previous"), Side.parse("jmh3"));
        assertThat(jmh[0].runIds()).containsExactly("jmh2");
        ResolvedSide[] load = r.resolve(Side.parse("previous"), Side.parse("load2"));
        assertThat(load[0].runIds()).containsExactly("load1");
    }
}

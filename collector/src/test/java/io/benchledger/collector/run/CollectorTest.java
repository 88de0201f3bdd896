package io.benchledger.collector.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.benchledger.archive.model.Result;
import io.benchledger.archive.model.RunRecord;
import io.benchledger.archive.store.Archive;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real JMH run of the test benchmarks in this module, through the Java entry point nightly and ab use. */
class CollectorTest {
    @Test
    void aBenchmarkThatThrowsIsAFailedCaseAndTheOthersAreKept(@TempDir Path tmp) throws Exception {
        Path archiveDir = tmp.resolve("archive");
        CollectOptions o = CollectOptions.builder(archiveDir)
                .classPath(System.getProperty("java.class.path"))
                .include(List.of("FailingBenchmark"))
                .projectVersion("0.0.1")
                .trigger("nightly")
                .variant("A")
                .jmhArgs(List.of("-f", "1", "-wi", "0", "-i", "2", "-r", "100ms"))
                .ignoreJmhLock(true)
                .build();
        CollectResult r = new Collector(Progress.none()).collect(o);

        RunRecord rec = r.record();
        assertThat(rec.run().suite()).isEqualTo("all");
        assertThat(rec.run().trigger()).isEqualTo("nightly");
        assertThat(rec.run().variant()).isEqualTo("A");
        assertThat(rec.run().harnessVersion()).isEqualTo("1.37");
        assertThat(r.failed()).hasSize(1);
        Result failed = r.failed().get(0);
        assertThat(failed.caseKey()).isEqualTo("io.benchledger.collector.run.bench.FailingBenchmark.throwsAlways[n=7]@avgt");
        assertThat(failed.failure()).isEqualTo("java.lang.IllegalStateException: deliberate failure for the test, n=7");
        assertThat(failed.score()).isNaN();

        Result works = rec.results().stream().filter(x -> x.isPrimary() && x.benchmark().endsWith(".works")).findFirst().orElseThrow();
        assertThat(works.failed()).isFalse();
        assertThat(works.unit()).isEqualTo("ns/op");
        assertThat(works.params()).containsEntry("n", "7");
        assertThat(rec.samples().stream().filter(s -> s.caseKey().equals(works.caseKey()) && s.metric().equals("primary")))
                .hasSize(2);
        assertThat(r.measuredCases()).isEqualTo(1);

        // committed, with JMH's own files beside it
        Archive archive = Archive.openExisting(archiveDir);
        assertThat(archive.snapshot().committedRuns()).containsExactly(r.runId());
        assertThat(Files.readString(r.logs().resolve("jmh-1.log"))).contains("<failure>");
        assertThat(r.logs().resolve("jmh-1.json")).exists();
    }
}

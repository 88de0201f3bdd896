package io.benchledger.collector.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchledger.archive.model.Percentiles;
import io.benchledger.archive.model.Result;
import io.benchledger.archive.model.RunRecord;
import io.benchledger.archive.model.Sample;
import io.benchledger.archive.stats.TailBootstrap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real tiny JMH run in throughput and sample mode through the collector: the percentiles kept
 * are JMH's own, the archived histogram gives them back, a payload-sized case gets its bytes per
 * second, and the forked JVM's resident memory is sampled over time.
 */
class SampleModeCollectTest {
    @Test
    void sampleModePercentilesBytesPerSecondAndMemory(@TempDir Path tmp) throws Exception {
        Path config = tmp.resolve("suites.yaml");
        Files.writeString(config, """
                suites:
                  payload:
                    version: 1.0.0
                    bytesParam: size
                    include: ['PayloadBenchmark']
                """);
        CollectOptions o = CollectOptions.builder(tmp.resolve("archive"))
                .classPath(System.getProperty("java.class.path"))
                .config(config).suite("payload")
                .projectVersion("0.0.1")
                .jmhArgs(List.of("-f", "2", "-wi", "0", "-i", "3", "-r", "100ms"))
                .ignoreJmhLock(true)
                .build();
        CollectResult r = new Collector(Progress.none()).collect(o);
        RunRecord rec = r.record();

        // JMH's own percentiles, from its JSON
        JsonNode jmh = new ObjectMapper().readTree(r.logs().resolve("jmh-1.json").toFile());
        JsonNode sampleCase = null;
        for (JsonNode b : jmh) {
            if ("sample".equals(b.get("mode").asText())) {
                sampleCase = b;
            }
        }
        assertThat(sampleCase).isNotNull();
        JsonNode own = sampleCase.get("primaryMetric").get("scorePercentiles");

        Result sample = primary(rec, "sample");
        Percentiles p = sample.percentiles().orElseThrow();
        assertThat(p.p50()).isEqualTo(own.get("50.0").asDouble());
        assertThat(p.p90()).isEqualTo(own.get("90.0").asDouble());
        assertThat(p.p95()).isEqualTo(own.get("95.0").asDouble());
        assertThat(p.p99()).isEqualTo(own.get("99.0").asDouble());
        assertThat(p.p999()).isEqualTo(own.get("99.9").asDouble());

        // the histogram buckets kept as samples give JMH's percentiles back (what the tail comparison uses)
        List<Sample> buckets = rec.samples().stream()
                .filter(s -> s.caseKey().equals(sample.caseKey()) && s.metric().equals(Result.PRIMARY)).toList();
        Map<Integer, Map<Integer, List<Sample>>> byFork = new TreeMap<>();
        for (Sample s : buckets) {
            byFork.computeIfAbsent(s.fork(), k -> new TreeMap<>()).computeIfAbsent(s.iteration(), k -> new java.util.ArrayList<>()).add(s);
        }
        assertThat(byFork).hasSize(2);
        double[][][] v = new double[byFork.size()][][];
        double[][][] c = new double[byFork.size()][][];
        int f = 0;
        for (Map<Integer, List<Sample>> its : byFork.values()) {
            v[f] = new double[its.size()][];
            c[f] = new double[its.size()][];
            int i = 0;
            for (List<Sample> it : its.values()) {
                v[f][i] = it.stream().mapToDouble(Sample::value).toArray();
                c[f][i] = it.stream().mapToDouble(Sample::weight).toArray();
                i++;
            }
            f++;
        }
        TailBootstrap.Histograms h = new TailBootstrap.Histograms(v, c);
        assertThat(h.operations()).isEqualTo(sample.sampleCount());
        for (double[] rankAndJmh : new double[][] {{50, p.p50()}, {90, p.p90()}, {99, p.p99()}, {99.9, p.p999()}}) {
            assertThat(h.quantile(rankAndJmh[0])).as("p" + rankAndJmh[0]).isCloseTo(rankAndJmh[1], within(1e-9 * rankAndJmh[1]));
        }

        // bytes per second of the throughput case: ops/us × 10⁶ × 4096 B
        Result thrpt = primary(rec, "thrpt");
        Result bytes = rec.results().stream()
                .filter(x -> x.caseKey().equals(thrpt.caseKey()) && x.metric().equals(BytesThroughput.METRIC)).findFirst().orElseThrow();
        assertThat(bytes.unit()).isEqualTo("B/s");
        assertThat(bytes.higherIsBetter()).isTrue();
        assertThat(bytes.score()).isCloseTo(thrpt.score() * 1e6 * 4096, within(1e-6 * bytes.score()));
        assertThat(rec.results().stream().filter(x -> x.caseKey().equals(sample.caseKey())
                && x.metric().equals(BytesThroughput.METRIC))).isEmpty();

        // resident memory over time: a mean per fork, never above the peak
        if (ProcessSampler.supported()) {
            Result peak = metric(rec, thrpt.caseKey(), Collector.RSS_PEAK);
            Result mean = metric(rec, thrpt.caseKey(), Collector.RSS_MEAN);
            assertThat(mean.score()).isPositive().isLessThanOrEqualTo(peak.score());
        }
    }

    private static Result primary(RunRecord rec, String mode) {
        return rec.results().stream().filter(x -> x.isPrimary() && x.mode().equals(mode)).findFirst().orElseThrow();
    }

    private static Result metric(RunRecord rec, String caseKey, String metric) {
        return rec.results().stream().filter(x -> x.caseKey().equals(caseKey) && x.metric().equals(metric)).findFirst().orElseThrow();
    }
}

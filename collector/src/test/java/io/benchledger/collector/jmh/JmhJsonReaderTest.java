package io.benchledger.collector.jmh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.benchledger.archive.BadInputException;
import io.benchledger.archive.model.Result;
import io.benchledger.archive.model.Sample;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Expected values were read off the JSON files by hand (they are copies of real JMH output). */
class JmhJsonReaderTest {
    static final String RUN = "01JABCDEFGHJKMNPQRSTVWXYZ0";

    static Path resource(String name) {
        try {
            return Path.of(JmhJsonReaderTest.class.getResource("/external/jmh/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static JmhResults read(String name) throws IOException {
        return JmhJsonReader.read(resource(name), RUN);
    }

    static Result primary(JmhResults r, String caseKey) {
        return r.results().stream().filter(x -> x.caseKey().equals(caseKey) && x.isPrimary()).findFirst().orElseThrow();
    }

    static List<Sample> samples(JmhResults r, String caseKey, String metric) {
        return r.samples().stream().filter(s -> s.caseKey().equals(caseKey) && s.metric().equals(metric)).toList();
    }

    static final String HOLLOW = "com.netflix.hollow.core.read.engine.object.HollowObjectTypeReadStateReshardingBenchmark.testReadString"
            + "[countStrings=500,countStringsDb=100000,deltaChanges=2000,maxStringLength=5,shardSizeMBs=1]";

    @Test
    void allFourModesOfJmh125() throws IOException {
        JmhResults r = read("Netflix__hollow/jmh-result.json");
        assertThat(r.jmhVersion()).isEqualTo("1.25");
        assertThat(r.jdkVersion()).isEqualTo("1.8.0_322");
        assertThat(r.vmName()).isEqualTo("OpenJDK 64-Bit Server VM");
        assertThat(r.jvmArgs()).isEqualTo("-Djmh.ignoreLock=true");
        // 20 entries, no secondaries kept: sample mode's ·pN secondaries repeat scorePercentiles
        assertThat(r.results()).hasSize(20);
        assertThat(r.results()).allMatch(Result::isPrimary);

        Result thrpt = primary(r, HOLLOW + "@thrpt");
        assertThat(thrpt.score()).isEqualTo(46.902503593590836);
        assertThat(thrpt.scoreError()).isEqualTo(23.399065583844617);
        assertThat(thrpt.unit()).isEqualTo("ops/ms");
        assertThat(thrpt.higherIsBetter()).isTrue();
        assertThat(thrpt.params()).containsEntry("maxStringLength", "5").hasSize(5);

        Result sample = primary(r, HOLLOW + "@sample");
        assertThat(sample.score()).isEqualTo(0.019925037415817724);
        assertThat(sample.unit()).isEqualTo("ms/op");
        assertThat(sample.higherIsBetter()).isFalse();
        assertThat(sample.ciLow()).isEqualTo(0.01983111571614117);
        assertThat(sample.ciHigh()).isEqualTo(0.020018959115494277);
        assertThat(sample.percentiles()).isPresent();
        assertThat(sample.percentiles().get().p0()).isEqualTo(0.017824);
        assertThat(sample.percentiles().get().p50()).isEqualTo(0.01936);
        assertThat(sample.percentiles().get().p99()).isEqualTo(0.031744);
        assertThat(sample.percentiles().get().p100()).isEqualTo(1.046528);
        assertThat(sample.warmupIterations()).isEqualTo(3);
        assertThat(sample.measurementTime()).isEqualTo("1 s");
        // rawDataHistogram: 1 fork, 3 iterations, 1537 buckets holding 75877 samples
        List<Sample> hist = samples(r, sample.caseKey(), Result.PRIMARY);
        assertThat(hist).hasSize(1537);
        assertThat(hist.stream().mapToLong(Sample::weight).sum()).isEqualTo(75877);
        assertThat(sample.sampleCount()).isEqualTo(75877);
        assertThat(hist.get(0).value()).isEqualTo(0.017856);
        assertThat(hist.get(0).weight()).isEqualTo(5);
        assertThat(hist.stream().map(Sample::iteration).distinct()).containsExactly(0, 1, 2);

        Result ss = primary(r, HOLLOW + "@ss");
        assertThat(ss.score()).isEqualTo(0.19306933333333332);
        assertThat(ss.ciLow()).isEqualTo(-0.7705822178354921);
        List<Sample> ssSamples = samples(r, ss.caseKey(), Result.PRIMARY);
        assertThat(ssSamples).extracting(Sample::value).startsWith(0.220667, 0.132166);
        assertThat(ssSamples).allMatch(s -> s.weight() == 1);

        assertThat(primary(r, HOLLOW + "@avgt").unit()).isEqualTo("ms/op");
    }

    @Test
    void veryOldFileWithoutVersionsAndForksZero() throws IOException {
        JmhResults r = read("gpanther__benchmark-arraycopy/jmh-result.json");
        assertThat(r.jmhVersion()).isEmpty();
        assertThat(r.vmName()).isEmpty();
        assertThat(r.results()).hasSize(196);
        Result first = primary(r, "net.greypanther.BenchmarkAlignment.arraycopy[destinationOffset=0,size=1024,sourceOffset=0]@avgt");
        assertThat(first.forks()).isZero();
        assertThat(first.score()).isEqualTo(17.01423110346235);
        assertThat(first.unit()).isEqualTo("ns/op");
        assertThat(first.sampleCount()).isEqualTo(5);
        assertThat(samples(r, first.caseKey(), Result.PRIMARY)).extracting(Sample::fork).containsOnly(0);
        assertThat(samples(r, first.caseKey(), Result.PRIMARY)).extracting(Sample::value)
                .containsExactly(16.86583237928238, 17.20385399208315, 17.03890440364136, 16.95842025518359, 17.00414448712127);
    }

    @Test
    void jmh120WithoutVmNameOrParamsAndTwoThreads() throws IOException {
        JmhResults r = read("dkomanov__scala-serialization/jmh-result.json");
        assertThat(r.jmhVersion()).isEqualTo("1.20");
        assertThat(r.vmName()).isEmpty();
        assertThat(r.jdkVersion()).isEqualTo("1.8.0_161");
        assertThat(r.jvmArgs()).isEqualTo("-Xmx2G");
        assertThat(r.results()).hasSize(390);
        Result first = primary(r, "com.komanov.serialization.jmh.BooPickleBenchmark.both_events_1k@avgt/t2");
        assertThat(first.params()).isEmpty();
        assertThat(first.threads()).isEqualTo(2);
        assertThat(first.score()).isEqualTo(3450.6189057580036);
        assertThat(first.warmupTime()).isEqualTo("5 s");
    }

    @Test
    void oldGcProfilerNamesAreNormalisedAndNaNStringsRead() throws IOException {
        JmhResults r = read("guyko__weighted-lottery/jmh-result.json");
        String key = "com.wl.benchmark.LotteryNoRepetitionsBenchmark.reservoir[benchmarkType=Init,distribution=Uniform]@thrpt";
        Result p = primary(r, key);
        assertThat(p.score()).isEqualTo(30428.14812842532);
        assertThat(p.scoreError()).isNaN();
        assertThat(p.ciLow()).isNaN();
        Map<String, Result> byMetric = r.results().stream().filter(x -> x.caseKey().equals(key))
                .collect(Collectors.toMap(Result::metric, x -> x));
        assertThat(byMetric.keySet()).contains("gc.alloc.rate.norm", "gc.alloc.rate", "gc.count", "gc.time",
                "gc.churn.PS_Eden_Space").hasSize(9);
        Result alloc = byMetric.get("gc.alloc.rate.norm");
        assertThat(alloc.score()).isEqualTo(5045.5567201250105);
        assertThat(alloc.unit()).isEqualTo("B/op");
        assertThat(alloc.higherIsBetter()).isFalse();
        assertThat(byMetric.get("gc.alloc.rate").higherIsBetter()).isFalse();
        assertThat(samples(r, key, "gc.alloc.rate.norm")).extracting(Sample::value).containsExactly(5045.5567201250105);
    }

    @Test
    void jmh132GcNamesAndFiveIterations() throws IOException {
        JmhResults r = read("kcrypt__scala-blake3/master-gc/jmh-result.intel.json");
        String key = "pt.kcry.blake3.benchmark.Blake3Benchmark.newHasher[dataLen=16384,hashLen=256]@avgt";
        Result alloc = r.results().stream().filter(x -> x.caseKey().equals(key) && x.metric().equals("gc.alloc.rate.norm"))
                .findFirst().orElseThrow();
        assertThat(alloc.score()).isEqualTo(5008.001365491836);
        assertThat(alloc.scoreError()).isEqualTo(0.00019853874841216986);
        assertThat(samples(r, key, "gc.alloc.rate.norm")).hasSize(5);
    }

    @Test
    void fiveForksGiveFiveSeriesOfSamples() throws IOException {
        JmhResults r = read("kamilkloch__fs2-benchmark/jmh-result.json");
        Result p = primary(r, "fs2.benchmarks.Benchmarks.listParJoin2@thrpt");
        assertThat(p.forks()).isEqualTo(5);
        assertThat(p.score()).isEqualTo(61.13783674481722);
        assertThat(p.percentiles().get().p99()).isEqualTo(121.56857845562196);
        List<Sample> s = samples(r, p.caseKey(), Result.PRIMARY);
        assertThat(s).hasSize(25);
        assertThat(s.stream().map(Sample::fork).distinct()).containsExactly(0, 1, 2, 3, 4);
        assertThat(s.get(0).value()).isEqualTo(56.153639016553);
        assertThat(s.get(1).value()).isEqualTo(55.046981538264305);
        assertThat(s.get(1).iteration()).isEqualTo(1);
    }

    @Test
    void jmh137SingleShotAndThreads32() throws IOException {
        JmhResults casbin = read("casbin__jcasbin/jmh-result.json");
        assertThat(casbin.jmhVersion()).isEqualTo("1.37");
        Result ss = primary(casbin, "org.casbin.jcasbin.main.benchmark.BenchmarkMemory.measureMemory[scenario=ABAC_Complex]@ss");
        assertThat(ss.score()).isEqualTo(353.52653333333336);
        assertThat(ss.unit()).isEqualTo("ms/op");
        assertThat(ss.measurementIterations()).isEqualTo(3);

        JmhResults six = read("bencherdev__bencher/lib/bencher_adapter/tool_output/java/jmh/six.json");
        Result t32 = primary(six, "com.github.caffeine.caffeine.cache.ComputeBenchmark.compute_sameKey[computeType=Caffeine]@thrpt/t32");
        assertThat(t32.threads()).isEqualTo(32);
        assertThat(t32.score()).isEqualTo(152520132.34402195);
    }

    // ------------------------------------------------------------ strictness, with the exact messages

    static JmhResults parse(String json) throws IOException {
        return JmhJsonReader.read("results.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), RUN);
    }

    static String entry(String benchmark, String score) {
        return "{\"benchmark\":\"" + benchmark + "\",\"mode\":\"thrpt\",\"threads\":1,\"forks\":1,"
                + "\"primaryMetric\":{\"score\":" + score + ",\"scoreUnit\":\"ops/s\",\"rawData\":[[1.0,2.0]]}}";
    }

    @Test
    void aScoreThatIsNotANumberIsNamedByItsPath() {
        String json = "[" + entry("a.B.c", "1") + "," + entry("a.B.d", "2") + "," + entry("a.B.e", "3") + ","
                + entry("a.B.f", "\"abc\"") + "]";
        assertThatThrownBy(() -> parse(json)).isInstanceOf(BadInputException.class)
                .hasMessage("results.json: [3].primaryMetric.score: expected a number, got \"abc\"");
    }

    @Test
    void strictMessages() {
        assertThatThrownBy(() -> parse("{}")).hasMessage("results.json: expected a JSON array of benchmark results, got an object");
        assertThatThrownBy(() -> parse("")).hasMessage("results.json: expected a JSON array of benchmark results, got an empty file");
        assertThatThrownBy(() -> parse("[1]")).hasMessage("results.json: [0]: expected an object, got 1");
        assertThatThrownBy(() -> parse("[{\"mode\":\"thrpt\"}]")).hasMessage("results.json: [0].benchmark: missing");
        assertThatThrownBy(() -> parse("[" + entry("a.B.c", "1").replace("thrpt", "fast") + "]"))
                .hasMessage("results.json: [0].mode: expected one of thrpt, avgt, sample, ss, got \"fast\"");
        assertThatThrownBy(() -> parse("[" + entry("a.B.c", "1").replace("\"threads\":1", "\"threads\":1.5") + "]"))
                .hasMessage("results.json: [0].threads: expected an integer, got 1.5");
        assertThatThrownBy(() -> parse("[" + entry("a.B.c", "1").replace("[[1.0,2.0]]", "[[1.0,true]]") + "]"))
                .hasMessage("results.json: [0].primaryMetric.rawData[0][1]: expected a number, got true");
        assertThatThrownBy(() -> parse("[" + entry("a.B.c", "1e999") + "]"))
                .hasMessage("results.json: [0].primaryMetric.score: number out of range: Infinity");
        assertThatThrownBy(() -> parse("[" + entry("a.B.c", "1") + "," + entry("a.B.c", "2") + "]"))
                .hasMessage("results.json: [1]: case a.B.c@thrpt appears twice in the file");
        assertThatThrownBy(() -> parse("[" + entry("a.B.c", "1")))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith("results.json: line 1, column ")
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void lenientWhereTheMeaningIsClear() throws IOException {
        // no threads, forks, params or percentiles; NaN as a string; params as numbers
        JmhResults r = parse("[{\"benchmark\":\"x.Y.z\",\"mode\":\"avgt\",\"params\":{\"n\":10},"
                + "\"primaryMetric\":{\"score\":\"NaN\",\"scoreError\":2.0,\"scoreUnit\":\"ns/op\",\"rawData\":[[1],[2,3]]},"
                + "\"secondaryMetrics\":{\"\u00b7gc.alloc.rate.norm\":{\"score\":16,\"scoreUnit\":\"B/op\",\"rawData\":[[16],[16,16]]},"
                + "\"gc.alloc.rate.norm\":{\"score\":16,\"scoreUnit\":\"B/op\"}}}]");
        Result p = r.results().get(0);
        assertThat(p.caseKey()).isEqualTo("x.Y.z[n=10]@avgt");
        assertThat(p.threads()).isEqualTo(1);
        assertThat(p.forks()).isEqualTo(2);
        assertThat(p.score()).isNaN();
        assertThat(p.percentiles()).isEmpty();
        assertThat(p.sampleCount()).isEqualTo(3);
        assertThat(r.results()).extracting(Result::metric).containsExactly("primary", "gc.alloc.rate.norm");
        assertThat(r.samples()).filteredOn(s -> s.metric().equals("primary")).extracting(Sample::fork, Sample::iteration)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, 0), org.assertj.core.groups.Tuple.tuple(1, 0),
                        org.assertj.core.groups.Tuple.tuple(1, 1));
    }

    @Test
    void groupResultsBecomeSecondaryMetrics() throws IOException {
        // the shape JMH writes for an @Group benchmark (JMHSample_15_Asymmetric, JMH 1.37)
        JmhResults r = parse("[{\"jmhVersion\":\"1.37\",\"benchmark\":\"org.openjdk.jmh.samples.JMHSample_15_Asymmetric.g\","
                + "\"mode\":\"avgt\",\"threads\":4,\"forks\":1,"
                + "\"primaryMetric\":{\"score\":40.5,\"scoreError\":\"NaN\",\"scoreConfidence\":[\"NaN\",\"NaN\"],\"scoreUnit\":\"ns/op\",\"rawData\":[[40.5]]},"
                + "\"secondaryMetrics\":{\"get\":{\"score\":20.1,\"scoreUnit\":\"ns/op\",\"rawData\":[[20.1]]},"
                + "\"inc\":{\"score\":80.3,\"scoreUnit\":\"ns/op\",\"rawData\":[[80.3]]}}}]");
        assertThat(r.results()).extracting(Result::metric, Result::score, Result::higherIsBetter).containsExactly(
                org.assertj.core.groups.Tuple.tuple("primary", 40.5, false),
                org.assertj.core.groups.Tuple.tuple("get", 20.1, false),
                org.assertj.core.groups.Tuple.tuple("inc", 80.3, false));
        assertThat(r.results().get(0).caseKey()).isEqualTo("org.openjdk.jmh.samples.JMHSample_15_Asymmetric.g@avgt/t4");
        assertThat(r.results().get(1).ciLow()).isNaN();
        assertThat(r.samples()).hasSize(3);
        assertThat(r.results().get(2).score()).isCloseTo(80.3, within(0.0));
    }
}

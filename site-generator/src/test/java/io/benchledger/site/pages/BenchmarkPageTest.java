package io.benchledger.site.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchledger.archive.analysis.changepoint.ChangePoint;
import io.benchledger.site.model.CaseInfo;
import io.benchledger.site.model.CaseSeries;
import io.benchledger.archive.model.Run;
import io.benchledger.site.model.RunInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class BenchmarkPageTest {

    @Test
    void longHistoriesAreDownsampledUnderTheLimitKeepingChangePoints() throws Exception {
        int n = 5000;
        List<RunInfo> runs = new ArrayList<>();
        Instant t0 = Instant.parse("2020-01-01T00:00:00Z");
        for (int i = 0; i < n; i++) {
            runs.add(new RunInfo(i, run(i, "1." + i / 500, t0.plus(Duration.ofHours(i)), i < 2500 ? "17" : "21"), true));
        }
        List<CaseSeries> series = new ArrayList<>();
        for (int s = 0; s < 8; s++) {
            int[] idx = new int[n];
            double[] y = new double[n];
            double[] lo = new double[n];
            double[] hi = new double[n];
            for (int i = 0; i < n; i++) {
                idx[i] = i;
                y[i] = (i < 3000 ? 1000.123456789 : 900.987654321) + Math.sin(i * 0.7 + s) * 13.3333333;
                lo[i] = y[i] - 1.23456789;
                hi[i] = y[i] + 1.23456789;
            }
            series.add(new CaseSeries(new CaseInfo("b[size=" + s + "]@thrpt", "b", new TreeMap<>(Map.of("size", "" + s)),
                    "thrpt", "ops/s", true, 1, n, "RUN05999", "x"), idx, y, lo, hi));
        }
        ChangePoint cp = new ChangePoint("b[size=3]@thrpt", "b", "primary", "RUN03000", "1.6", "", t0.plus(Duration.ofHours(3000)),
                3000, 1000, 900, -0.1, 0.001, ChangePoint.REGRESSION);
        BenchmarkPage page = new BenchmarkPage("b", series, runs, Map.of("b[size=3]@thrpt", List.of(cp)), true, List.of(),
                Map.of(), (r, root) -> root + "runs.html", BenchmarkPage.environmentIds(runs), Map.of(),
                (c, m) -> java.util.Optional.empty());
        String script = page.chartScript();
        assertThat(script.length()).isLessThanOrEqualTo(BenchmarkPage.DATA_LIMIT + 40);
        JsonNode data = new ObjectMapper().readTree(script.substring("window.BL_DATA = ".length(), script.length() - 2));
        JsonNode s3 = data.path("series").get(3);
        assertThat(s3.path("total").asInt()).isEqualTo(n);
        assertThat(s3.path("r").size()).isLessThan(n).isGreaterThan(100);
        assertThat(s3.path("y").size()).isEqualTo(s3.path("r").size());
        // the change point's run is among the points drawn (runs named by index, as differences), and marked
        List<Integer> drawn = new ArrayList<>();
        int ri = 0;
        for (JsonNode d : s3.path("r")) {
            ri += d.asInt();
            drawn.add(ri);
        }
        assertThat(drawn).contains(3000, 0, n - 1).isSorted();
        // scores to six significant digits, the symmetric interval as one half-width to four
        assertThat(s3.path("y").get(0).asText()).isEqualTo("1002.01"); // 1000.123456789 + 13.3333333 sin 3
        assertThat(s3.path("e").get(0).asText()).isEqualTo("1.235");
        assertThat(s3.has("el")).isFalse();
        assertThat(s3.path("changePoints").get(0).path("ri").asInt()).isEqualTo(3000);
        // the JVM change at run 2500 is marked
        assertThat(data.path("env").get(0).path("ri").asInt()).isEqualTo(2500);
        assertThat(data.path("env").get(0).path("label").asText()).isEqualTo("jvm: v 17 \u2192 v 21");
        // every run once in the shared runs script: times as differences, versions by index
        String runsScript = BenchmarkPage.runsScript(runs);
        JsonNode all = new ObjectMapper().readTree(runsScript.substring("window.BL_RUNS = ".length(), runsScript.length() - 2));
        assertThat(all.path("t").size()).isEqualTo(n);
        assertThat(all.path("t").get(0).asLong()).isEqualTo(t0.toEpochMilli());
        assertThat(all.path("t").get(1).asLong()).isEqualTo(3_600_000L);
        assertThat(all.path("versions").get(all.path("v").get(4999).asInt()).asText()).isEqualTo("1.9");
        assertThat(all.path("c").get(7).asText()).isEqualTo(runs.get(7).shortCommit());
    }

    @Test
    void theTrendStartsAtTheLastStepAndDriftsAreSlopedSegments() throws Exception {
        // flat at 8,300, a −51 % step at run 60, flat at 4,070: one line across would fall steadily
        int n = 100;
        List<RunInfo> runs = new ArrayList<>();
        Instant t0 = Instant.parse("2025-01-01T00:00:00Z");
        int[] idx = new int[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            runs.add(new RunInfo(i, run(i, "1.0", t0.plus(Duration.ofDays(i)), "17"), true));
            idx[i] = i;
            y[i] = (i < 60 ? 8300 : 4070) + (i % 2 == 0 ? 20 : -20);
        }
        CaseSeries s = new CaseSeries(new CaseInfo("b@thrpt", "b", new TreeMap<>(), "thrpt", "ops/ms", true, 1, n,
                "RUN00099", "x"), idx, y, y.clone(), y.clone());
        ChangePoint cp = new ChangePoint("b@thrpt", "b", "primary", "RUN00060", "1.0", "", t0.plus(Duration.ofDays(60)),
                60, 8300, 4070, -0.51, 1e-30, ChangePoint.REGRESSION);
        io.benchledger.archive.analysis.changepoint.Drift drift = new io.benchledger.archive.analysis.changepoint.Drift(
                "b@thrpt", "b", "primary", 10, 40, "RUN00010", "RUN00040", "1.0", "1.0", "", "", t0.plus(Duration.ofDays(10)),
                t0.plus(Duration.ofDays(40)), 8300, 8100, -0.024, -0.0008, -0.0008, 1e-6, ChangePoint.REGRESSION, Double.NaN, Double.NaN, "", Double.NaN);
        BenchmarkPage page = new BenchmarkPage("b", List.of(s), runs, Map.of("b@thrpt", List.of(cp)), true, List.of(),
                Map.of(), (r, root) -> root + "runs.html", BenchmarkPage.environmentIds(runs),
                Map.of("b@thrpt", List.of(drift)), (c, m) -> trend(runs, y, 60));
        String script = page.chartScript();
        JsonNode series = new ObjectMapper().readTree(script.substring("window.BL_DATA = ".length(), script.length() - 2))
                .path("series").get(0);
        JsonNode trend = series.path("trend");
        // as the history command: the last 30 days (runs 69 to 99) of the level that began at run 60
        assertThat(trend.path("t0").asLong()).isEqualTo(t0.plus(Duration.ofDays(69)).toEpochMilli());
        assertThat(trend.path("t1").asLong()).isEqualTo(t0.plus(Duration.ofDays(99)).toEpochMilli());
        assertThat(trend.path("y0").asDouble()).isBetween(4040.0, 4100.0);
        assertThat(trend.path("y1").asDouble()).isBetween(4040.0, 4100.0);
        assertThat(Math.abs(trend.path("slopePerDay").asDouble())).isLessThan(1.0);
        JsonNode d = series.path("drifts").get(0);
        assertThat(d.path("ri0").asInt()).isEqualTo(10);
        assertThat(d.path("ri1").asInt()).isEqualTo(40);
        assertThat(d.path("y0").asDouble()).isEqualTo(8300);
        assertThat(d.path("y1").asDouble()).isEqualTo(8100);
        assertThat(d.path("label").asText()).isEqualTo("drift -2.4% over 31 runs");
        assertThat(d.path("direction").asText()).isEqualTo("regression");
    }

    @Test
    void safeNamesAreShortPlainAndDistinct() {
        assertThat(SafeNames.of("<img src=x onerror=alert(1)>")).matches("img-src-x-onerror-alert-1-[0-9a-f]{10}");
        assertThat(SafeNames.of("../../etc/passwd")).matches("etc-passwd-[0-9a-f]{10}");
        assertThat(SafeNames.of("名前")).matches("[0-9a-f]{10}");
        assertThat(SafeNames.of("a.B")).isNotEqualTo(SafeNames.of("a-b"));
        assertThat(SafeNames.anchor("01KFHPW480835VC7KWW2CV152T")).isEqualTo("run-01KFHPW480835VC7KWW2CV152T");
        assertThat(SafeNames.anchor("x\" onmouseover=\"y")).matches("run-[0-9a-f]{16}");
    }

    private static Run run(int i, String version, Instant started, String jvmVersion) {
        return Run.builder(String.format("RUN%05d", i), started).finishedAt(started.plusSeconds(60)).version(version)
                .suite("s").environment("ci").trigger("nightly").commit(String.format("%040d", i)).branch("main")
                .host("h").os("Linux").arch("amd64").cpuModel("cpu").cpuCount(8).memoryBytes(1L << 30).jvmVendor("v")
                .jvmVersion(jvmVersion).harness("jmh").harnessVersion("1.37").build();
    }

    /** The series' trend since the step at {@code segment}, as the findings give it to the page. */
    private static java.util.Optional<io.benchledger.archive.analysis.trend.Trend> trend(List<RunInfo> runs, double[] y,
                                                                                        int segment) {
        Instant[] t = runs.stream().map(r -> r.run().startedAt()).toArray(Instant[]::new);
        return io.benchledger.archive.analysis.trend.TrendAnalysis.sinceLastStep(t, y, true, segment);
    }
}

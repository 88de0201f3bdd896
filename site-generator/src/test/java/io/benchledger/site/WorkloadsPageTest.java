package io.benchledger.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.benchledger.archive.model.Mode;
import io.benchledger.archive.model.Percentiles;
import io.benchledger.archive.model.Result;
import io.benchledger.archive.model.Run;
import io.benchledger.archive.model.RunRecord;
import io.benchledger.archive.model.Sample;
import io.benchledger.archive.query.ArchiveDatabase;
import io.benchledger.archive.store.Archive;
import io.benchledger.archive.store.RunIds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workloads page over a load run whose numbers are known: a workload at 100 req/s (kept up)
 * and 400 req/s (achieved 250: below target), a sweep's saturation point, and a hostile name.
 */
class WorkloadsPageTest {
    private static final String HOSTILE = "<img src=x onerror=alert(1)>";

    @Test
    void tablesChartsAndSaturationOfTheNewestLoadRun(@TempDir Path tmp) throws Exception {
        Archive a = Archive.open(tmp.resolve("archive"));
        Instant t = Instant.parse("2026-03-01T02:00:00Z");
        String id = RunIds.derived(t, "workloads", "1");
        List<Result> results = new ArrayList<>();
        List<Sample> samples = new ArrayList<>();
        loadCase(id, "workload.shop", "100", 100, 100, new double[] {1, 2, 3, 4, 5, 6, 7}, results, samples);
        loadCase(id, "workload.shop", "400", 400, 250, new double[] {10, 200, 300, 400, 500, 600, 700}, results, samples);
        loadCase(id, "workload." + HOSTILE, "5", 5, 5, new double[] {1, 1, 1, 1, 1, 1, 1}, results, samples);
        results.add(row(id, "workload.shop.saturation", Map.of("max_p99", "20ms"), Result.PRIMARY, "req/s", 200, Optional.empty()));
        Run run = Run.builder(id, t).finishedAt(t.plusSeconds(60)).project("default").version("1.0.0").suite("workloads")
                .trigger(Run.TRIGGER_MANUAL).harness("load").host("h").os("Linux").arch("amd64").cpuCount(2).build();
        a.commit(new RunRecord(run, results, samples));
        Path out = tmp.resolve("site");
        try (ArchiveDatabase db = ArchiveDatabase.open(a)) {
            SiteGenerator.generate(db, SiteFixture.engineOnly(), SiteOptions.of(out, "default"));
        }
        String html = Files.readString(out.resolve("workloads.html"));
        assertThat(html).contains("<h2>shop</h2>")
                .contains("Saturation point: 200 req/s, the highest rate of the sweep whose request p99 stayed at or under 20ms")
                .contains("250 (below target)")
                .contains("<td class=\"num\" data-v=\"500.0\">500</td>") // p99 of the 400 req/s case
                .doesNotContain(HOSTILE).contains("&lt;img src=x onerror=alert(1)&gt;");
        assertThat(Files.readString(out.resolve("index.html"))).contains("href=\"workloads.html\"");
        String js = Files.readString(out.resolve("charts/workloads.js"));
        assertThat(js).contains("\"target\":[100,400]").contains("\"achieved\":[100,250]")
                .contains("\"p99\":[5,500]").doesNotContain("<img");
        assertThat(Files.readString(out.resolve("downloads/workload-shop.csv"))).contains("rate=400,400.0,250.0,200.0,300.0,500.0,600.0,700.0,,0.0,0.01,2.0");

        // a real browser draws both charts of each workload (ECharts puts a canvas in each)
        Path profile = Files.createTempDirectory(tmp, "chromium");
        Process p = new ProcessBuilder("chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--virtual-time-budget=5000", "--dump-dom",
                out.resolve("workloads.html").toUri().toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String dom = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(dom.split("<canvas", -1).length - 1).isEqualTo(4);
    }

    private static void loadCase(String id, String bench, String rate, double target, double achieved, double[] p,
                                 List<Result> results, List<Sample> samples) {
        Map<String, String> params = Map.of("rate", rate);
        results.add(row(id, bench, params, Result.PRIMARY, "ms", p[1],
                Optional.of(new Percentiles(p[0], p[1], p[2], p[3], p[4], p[5], p[6]))));
        results.add(row(id, bench, params, "rate.target", "req/s", target, Optional.empty()));
        results.add(row(id, bench, params, "rate.achieved", "req/s", achieved, Optional.empty()));
        results.add(row(id, bench, params, "errors.rate", "fraction", 0, Optional.empty()));
        results.add(row(id, bench, params, "timeouts.rate", "fraction", 0.01, Optional.empty()));
        results.add(row(id, bench, params, "stage.pay", "ms", 1,
                Optional.of(new Percentiles(1, 1, 1, 1, 2, 2, 2))));
        samples.add(new Sample(id, results.get(results.size() - 6).caseKey(), Result.PRIMARY, 0, 0, p[1], 1));
    }

    private static Result row(String id, String bench, Map<String, String> params, String metric, String unit, double score,
                              Optional<Percentiles> p) {
        return new Result(id, null, bench, new TreeMap<>(params), Mode.VALUE, metric, unit, unit.equals("req/s"), 1, 1, 0,
                "1000ms", 10, "10000ms", score, Double.NaN, Double.NaN, Double.NaN, 100, p, "");
    }
}

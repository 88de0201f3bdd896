package io.benchledger.site.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchledger.archive.model.Mode;
import io.benchledger.archive.model.Percentiles;
import io.benchledger.archive.model.Result;
import io.benchledger.archive.model.Run;
import io.benchledger.archive.model.RunRecord;
import io.benchledger.archive.model.Sample;
import io.benchledger.archive.query.ArchiveDatabase;
import io.benchledger.archive.store.Archive;
import io.benchledger.site.SiteGenerator;
import io.benchledger.site.SiteOptions;
import io.benchledger.site.SiteFixture;
import io.benchledger.site.pages.BenchmarkPage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Resources page and the benchmark page's latency section over a real archive of one run: a
 * throughput case with bytes per second, RSS and CPU; a sample-mode case with per-operation
 * percentiles; an average-time case whose stored percentiles are of iteration scores and must not be
 * shown as latency.
 */
class ResourcesPageTest {
    static final String AES = "org.x.AesGcm.encrypt";
    static final String SIGN = "org.x.Sign.sign";

    @TempDir
    Path tmp;

    static Result result(String id, String bench, Map<String, String> params, String mode, String metric, String unit,
                         boolean hib, double score, Optional<Percentiles> p) {
        return new Result(id, null, bench, new TreeMap<>(params), mode, metric, unit, hib, 1, 1, 1, "1 s", 2, "1 s",
                score, Double.NaN, Double.NaN, Double.NaN, 2, p, "");
    }

    Path site() throws Exception {
        String id = "01J0000000000000000000RES1";
        Run run = Run.builder(id, Instant.parse("2026-03-01T00:00:00Z")).finishedAt(Instant.parse("2026-03-01T00:10:00Z"))
                .project("default").version("1.0").suite("default").trigger(Run.TRIGGER_NIGHTLY).cpuCount(2).build();
        List<Result> rs = new ArrayList<>();
        List<Sample> ss = new ArrayList<>();
        Map<String, String> size = Map.of("size", "1024");
        Result aes = result(id, AES, size, Mode.THROUGHPUT, Result.PRIMARY, "ops/s", true, 40_000, Optional.empty());
        rs.add(aes);
        rs.add(result(id, AES, size, Mode.THROUGHPUT, "throughput.bytes", "B/s", true, 40_000 * 1024.0, Optional.empty()));
        rs.add(result(id, AES, size, Mode.THROUGHPUT, "proc.rss.peak", "B", false, 96 * 1048576.0, Optional.empty()));
        rs.add(result(id, AES, size, Mode.THROUGHPUT, "proc.rss.mean", "B", false, 80 * 1048576.0, Optional.empty()));
        rs.add(result(id, AES, size, Mode.THROUGHPUT, "proc.cpu.util", "cores", false, 1.25, Optional.empty()));
        Result lat = result(id, AES, size, Mode.SAMPLE_TIME, Result.PRIMARY, "us/op", false, 25,
                Optional.of(new Percentiles(20, 22, 24, 26, 31, 45, 90)));
        rs.add(lat);
        // avgt: JMH's "percentiles" are of the two iteration scores
        rs.add(result(id, SIGN, Map.of(), Mode.AVERAGE_TIME, Result.PRIMARY, "us/op", false, 50,
                Optional.of(new Percentiles(49, 50, 51, 51, 51, 51, 51))));
        for (Result r : rs) {
            ss.add(new Sample(id, r.caseKey(), r.metric(), 0, 0, r.score(), 1));
            ss.add(new Sample(id, r.caseKey(), r.metric(), 0, 1, r.score(), 1));
        }
        Archive archive = Archive.open(tmp.resolve("archive"));
        archive.commit(new RunRecord(run, rs, ss));
        Path out = tmp.resolve("site");
        try (ArchiveDatabase db = ArchiveDatabase.open(archive)) {
            SiteGenerator.generate(db, SiteFixture.engineOnly(), new SiteOptions(out, Optional.empty(), "default", "", "",
                    List.of(), false, ""));
        }
        return out;
    }

    /** The header and body cells of the table with this id, tags stripped: row 0 is the header. */
    static List<List<String>> table(Path page, String id) throws Exception {
        String html = Files.readString(page);
        int at = html.indexOf("id=\"" + id + "\"");
        if (at < 0) {
            return List.of();
        }
        String t = html.substring(at, html.indexOf("</table>", at));
        List<List<String>> out = new ArrayList<>();
        for (String tr : t.split("<tr")) {
            List<String> cells = new ArrayList<>();
            Matcher m = Pattern.compile("<t[hd][^>]*>(.*?)</t[hd]>", Pattern.DOTALL).matcher(tr);
            while (m.find()) {
                cells.add(m.group(1).replaceAll("<[^>]+>", "").replace("&amp;", "&").replace("&lt;", "<")
                        .replace("&gt;", ">").replace("&quot;", "\"").strip());
            }
            if (!cells.isEmpty()) {
                out.add(cells);
            }
        }
        return out;
    }

    @Test
    void resourcesPageShowsSpeedLatencyAndCostPerCase() throws Exception {
        Path site = site();
        String html = Files.readString(site.resolve("resources.html"));
        assertThat(html).contains("class=\"data sortable\" id=\"t-resources-default\"");
        List<List<String>> t = table(site.resolve("resources.html"), "t-resources-default");
        List<String> headers = t.get(0);
        assertThat(headers).contains("Bytes/s", "p50 / op", "p95 / op", "p99 / op", "B/op", "Peak RSS", "Mean RSS", "CPU (cores)");
        Map<String, List<String>> rows = new TreeMap<>();
        for (List<String> r : t.subList(1, t.size())) {
            rows.put(r.get(0), r);
        }
        List<String> thrpt = rows.get("AesGcm.encrypt[size=1024]@thrpt");
        assertThat(thrpt).as(rows.keySet().toString()).isNotNull();
        assertThat(thrpt.get(headers.indexOf("Bytes/s"))).isEqualTo("41.0 MB/s"); // 40,000 × 1,024 B/s
        assertThat(thrpt.get(headers.indexOf("Peak RSS"))).isEqualTo("96.0 MiB");
        assertThat(thrpt.get(headers.indexOf("Mean RSS"))).isEqualTo("80.0 MiB");
        assertThat(thrpt.get(headers.indexOf("CPU (cores)"))).isEqualTo("1.25");
        assertThat(thrpt.get(headers.indexOf("p99 / op"))).isEqualTo("\u2013");
        List<String> sample = rows.get("AesGcm.encrypt[size=1024]@sample");
        assertThat(sample.get(headers.indexOf("p50 / op"))).isEqualTo("22 us");
        assertThat(sample.get(headers.indexOf("p95 / op"))).isEqualTo("26 us");
        assertThat(sample.get(headers.indexOf("p99 / op"))).isEqualTo("31 us");
        // the average-time case's stored percentiles are of iteration scores: not shown as latency
        List<String> avgt = rows.get("Sign.sign@avgt");
        assertThat(avgt.get(headers.indexOf("p50 / op"))).isEqualTo("\u2013");
        assertThat(avgt.get(headers.indexOf("p99 / op"))).isEqualTo("\u2013");
        // downloads: raw numbers, null where there is no measurement
        JsonNode json = new ObjectMapper().readTree(site.resolve("downloads/resources-default.json").toFile());
        for (JsonNode r : json.get("rows")) {
            String c = r.get("Case").asText();
            if (c.endsWith("@sample")) {
                assertThat(r.get("p99 / op").asDouble()).isEqualTo(31.0);
            } else if (c.endsWith("@thrpt")) {
                assertThat(r.get("Bytes/s").asDouble()).isEqualTo(40_960_000.0);
                assertThat(r.get("p99 / op").isNull()).isTrue();
            } else {
                assertThat(r.get("p99 / op").isNull()).isTrue();
            }
        }
        assertThat(Files.readString(site.resolve("downloads/resources-default.csv"))).startsWith("Case,Threads,Score,Bytes/s");
        assertThat(Files.readString(site.resolve("index.html"))).contains("href=\"resources.html\"");
    }

    @Test
    void benchmarkPageHasAPercentileSectionOnlyForSampleMode() throws Exception {
        Path site = site();
        List<List<String>> latency = table(site.resolve(BenchmarkPage.pageFile(AES)), "t-latency");
        assertThat(latency.get(1)).containsExactly("AesGcm.encrypt[size=1024]@sample", "2", "22 us", "24 us",
                "26 us", "31 us", "45 us", "25 us");
        Path sign = site.resolve(BenchmarkPage.pageFile(SIGN));
        assertThat(table(sign, "t-latency")).isEmpty();
        assertThat(Files.readString(sign)).contains("No case of this benchmark ran in JMH sample mode");
    }
}

package io.benchledger.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archive is plain Hive-partitioned Parquet: Apache Spark in local mode reads an archive that
 * benchledger wrote (single-run and combined files alike) and computes the same per-case medians as
 * {@code benchledger compare} does for one version.
 */
class SparkReadsArchiveTest {
    @TempDir
    Path dir;

    private static String run(Path out, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("benchledger.jar")));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).redirectOutput(out.toFile()).start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(String.join(" ", args) + "\n" + stdout).isIn(0, 1);
        return stdout;
    }

    @Test
    void sparkComputesTheSameMediansAsCompare() throws Exception {
        Path archive = dir.resolve("archive");
        run(dir.resolve("generate.out"), "generate", "--benchmarks", "12", "--runs", "40", "--runs-per-version", "20",
                "--seed", "11", "--out", archive.toString());
        // a few more single-run files next to the combined ones: both kinds must read
        String json = run(dir.resolve("compare.out"), "compare", "--archive", archive.toString(), "--format", "json",
                "--metric", "primary", versions(archive).get(0), versions(archive).get(1));
        JsonNode cases = new ObjectMapper().readTree(json).get("cases");
        assertThat(cases.size()).isEqualTo(12);
        String candidateVersion = versions(archive).get(1);

        SparkSession spark = SparkSession.builder()
                .master("local[1]")
                .appName("benchledger-interop")
                .config("spark.ui.enabled", "false")
                // local mode talks to itself only: keep every socket on the loopback interface
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.sql.session.timeZone", "UTC")
                // '1.10' is a version, not the number 1.1
                .config("spark.sql.sources.partitionColumnTypeInference.enabled", "false")
                .getOrCreate();
        try {
            for (String table : List.of("runs", "results", "samples")) {
                spark.read().option("basePath", archive.resolve(table).toString())
                        .parquet(archive.resolve(table).toString()).createOrReplaceTempView(table);
            }
            assertThat(spark.sql("SELECT count(*) FROM runs").first().getLong(0)).isEqualTo(40L);
            List<Row> medians = spark.sql("SELECT s.case_key, percentile(s.value, 0.5) AS median, count(*) AS n "
                    + "FROM samples s JOIN runs r ON r.run_id = s.run_id AND r.version = s.version "
                    + "WHERE s.version = '" + candidateVersion + "' AND s.metric = 'primary' GROUP BY s.case_key")
                    .collectAsList();
            Map<String, Double> sparkMedian = new HashMap<>();
            Map<String, Long> sparkCount = new HashMap<>();
            for (Row r : medians) {
                sparkMedian.put(r.getString(0), r.getDouble(1));
                sparkCount.put(r.getString(0), r.getLong(2));
            }
            assertThat(sparkMedian).hasSize(12);
            for (JsonNode c : cases) {
                String key = c.get("case_key").asText();
                assertThat(sparkMedian.get(key)).as(key).isEqualTo(c.get("candidate_median").asDouble());
                assertThat(sparkCount.get(key)).as(key).isEqualTo(c.get("candidate_samples").asLong());
            }
        } finally {
            spark.stop();
        }
    }

    private static List<String> versions(Path archive) throws Exception {
        try (var s = Files.list(archive.resolve("runs").resolve("project=default"))) {
            return s.map(p -> p.getFileName().toString().substring("version=".length())).sorted().toList();
        }
    }
}

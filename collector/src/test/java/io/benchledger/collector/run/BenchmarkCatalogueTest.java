package io.benchledger.collector.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The progress line's total counts every mode a benchmark declares: JMH's {@code -lp} names
 * SignatureBenchmark.ecdsaSign once, but its {@code @BenchmarkMode({AverageTime, SampleTime})} runs
 * two cases. The BenchmarkList lines are JMH 1.37's, from this repository's bundled suites.
 */
class BenchmarkCatalogueTest {
    static final String SIGN = "io.benchledger.suites.crypto.SignatureBenchmark.ecdsaSign";
    static final String SHA = "io.benchledger.suites.crypto.HashBenchmark.sha256";

    @TempDir
    Path dir;

    @Test
    void modesAreCountedFromTheBenchmarkListOfFoldersAndJars() throws Exception {
        byte[] list;
        try (var in = BenchmarkCatalogueTest.class.getResourceAsStream("/benchmarklist/BenchmarkList")) {
            list = in.readAllBytes();
        }
        Path folder = Files.createDirectories(dir.resolve("classes/META-INF"));
        Files.write(folder.resolve("BenchmarkList"), list);
        Path jar = dir.resolve("benchmarks.jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            zip.putNextEntry(new ZipEntry("META-INF/BenchmarkList"));
            zip.write(list);
            zip.closeEntry();
        }
        Path broken = Files.writeString(dir.resolve("broken.jar"), "not a zip");
        for (Path entry : List.of(dir.resolve("classes"), jar)) {
            String cp = String.join(File.pathSeparator, broken.toString(), entry.toString(), dir.resolve("missing").toString());
            assertThat(BenchmarkCatalogue.modes(cp)).isEqualTo(Map.of(SIGN, 2, SHA, 1));
        }

        BenchmarkCatalogue c = new BenchmarkCatalogue(Map.of(SIGN, Map.of(), SHA, Map.of("size", List.of("64", "1024", "16384"))),
                BenchmarkCatalogue.modes(dir.resolve("classes").toString()));
        assertThat(c.modes(SIGN, "")).isEqualTo(2);
        assertThat(c.modes(SHA, "")).isEqualTo(1);
        assertThat(c.modes("other.Benchmark.run", "")).isEqualTo(1);
        assertThat(c.modes(SIGN, "ss")).isEqualTo(1);
        assertThat(c.modes(SIGN, "thrpt,avgt,sample")).isEqualTo(3);
        assertThat(c.modes(SHA, "all")).isEqualTo(4);
        assertThat(c.cases(SHA, Map.of()) * c.modes(SHA, "")).isEqualTo(3);
    }
}

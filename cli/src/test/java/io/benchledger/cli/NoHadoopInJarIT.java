package io.benchledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The runnable jar must work without Hadoop: not one Hadoop class may be in it. */
class NoHadoopInJarIT {
    @Test
    void runnableJarHasNoHadoopClasses() throws Exception {
        Path jar = Path.of(System.getProperty("benchledger.jar", "target/benchledger.jar"));
        assertThat(jar).exists();
        try (JarFile jf = new JarFile(jar.toFile())) {
            List<String> hadoop = jf.stream().map(JarEntry::getName)
                    .filter(n -> n.startsWith("org/apache/hadoop/")).limit(5).collect(Collectors.toList());
            assertThat(hadoop).as("Hadoop classes in " + jar).isEmpty();
            assertThat(jf.getEntry("org/apache/parquet/hadoop/ParquetWriter.class")).isNotNull();
            assertThat(jf.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo("io.benchledger.cli.BenchledgerCommand");
        }
        // and it runs: --version through a real child JVM
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "--version").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
        assertThat(out).startsWith("benchledger ");
        assertThat(Files.size(jar)).isGreaterThan(1_000_000);
    }
}

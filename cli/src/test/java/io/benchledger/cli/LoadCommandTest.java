package io.benchledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code benchledger load} as a user runs it: a workload of their own in a jar that depends only on
 * the workload API, and bad definitions that stop with one located line and exit 2.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoadCommandTest {
    private static final String CONFIG = """
            workloads:
              echo:
                class: com.example.EchoWorkload
                operations:
                  get:
                    weight: 3
                    stages: [read, reply]
                  put:
                    weight: 1
                    stages: [write, reply]
                rate: 200
                concurrency: 2
                warmup: 0s
                duration: 1s
            """;

    Path tmp;
    Path jar;

    /** Compiles a user's workload against the API alone and packs it, as a user's build would. */
    @BeforeAll
    void userJar(@TempDir Path dir) throws Exception {
        tmp = dir;
        Path src = tmp.resolve("src/com/example/EchoWorkload.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, """
                package com.example;
                import io.benchledger.workload.*;
                import java.util.Map;
                import java.util.concurrent.ConcurrentHashMap;
                public class EchoWorkload implements Workload {
                    private final Map<Long, String> store = new ConcurrentHashMap<>();
                    public Map<String, Stage> stages() {
                        return Map.of(
                            "read", r -> r.put("v", store.getOrDefault(r.sequence() % 100, "")),
                            "write", r -> store.put(r.sequence() % 100, "v" + r.sequence()),
                            "reply", r -> r.put("reply", String.valueOf(r.get("v")).getBytes()));
                    }
                }
                """);
        Path classes = tmp.resolve("classes");
        Files.createDirectories(classes);
        String api = io.benchledger.workload.Workload.class.getProtectionDomain().getCodeSource().getLocation().getPath();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac.run(null, null, null, "-cp", api, "-d", classes.toString(), src.toString())).isZero();
        jar = tmp.resolve("echo-workloads.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("com/example/EchoWorkload.class"));
            Files.copy(classes.resolve("com/example/EchoWorkload.class"), (OutputStream) out);
            out.closeEntry();
        }
    }

    @Test
    void runsAUsersWorkloadFromTheirJar() throws Exception {
        Path config = tmp.resolve("echo.yaml");
        Files.writeString(config, CONFIG);
        Path archive = tmp.resolve("archive-ok");
        CliRun r = CliRun.of("load", "--archive", archive.toString(), "--config", config.toString(), "--jar", jar.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("workload.echo[rate=200]: target 200 req/s, achieved ")
                .contains("errors 0.00 %").contains("1 cases, "); // timeouts depend on the machine
        assertThat(r.err()).contains("case 1 of 1").contains("workload.echo[rate=200]");
        CliRun sql = CliRun.of("sql", "--archive", archive.toString(), "--format", "csv",
                "SELECT metric, round(score) AS s FROM results WHERE metric IN ('rate.target', 'stage.write')"
                        + " OR (metric = 'primary' AND p99 IS NOT NULL) ORDER BY metric");
        assertThat(sql.exit()).as(sql.err()).isZero();
        assertThat(sql.out()).contains("rate.target,200").contains("stage.write,").contains("primary,"); // times depend on the machine
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "stages: [read, reply] | stages: [read, replay] | :7:24: workloads.echo.operations.get.stages[1]: unknown stage 'replay': com.example.EchoWorkload provides read, reply, write",
            "weight: 3 | weight: 0 | :6:17: workloads.echo.operations.get.weight: expected a weight above 0, got 0",
            "rate: 200 | rate: 0 | :11:11: workloads.echo.rate: expected a rate above 0 and at most 1000000 requests per second, got 0",
            "        stages: [write, reply] | | :9:9: workloads.echo.operations.put: missing field 'stages' (the stages an operation runs, in order)",
    })
    void aBadDefinitionIsOneLocatedLineAndExitTwo(String from, String to, String where) throws Exception {
        Path config = tmp.resolve("bad.yaml");
        String yaml = CONFIG.replace(from, to == null ? "" : to);
        assertThat(yaml).isNotEqualTo(CONFIG);
        Files.writeString(config, yaml);
        Path archive = tmp.resolve("archive-untouched");
        CliRun r = CliRun.of("load", "--archive", archive.toString(), "--config", config.toString(), "--jar", jar.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("benchledger: " + config + where + System.lineSeparator());
        assertThat(r.out()).isEmpty();
        assertThat(archive).doesNotExist();
    }

    @Test
    void anUnknownWorkloadOrAMissingClassIsExitTwo() throws Exception {
        Path config = tmp.resolve("echo2.yaml");
        Files.writeString(config, CONFIG);
        CliRun r = CliRun.of("load", "--archive", tmp.resolve("a2").toString(), "--config", config.toString(),
                "--workload", "ech");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("benchledger: " + config + ": no workload 'ech' (workloads: echo)");
        CliRun noJar = CliRun.of("load", "--archive", tmp.resolve("a2").toString(), "--config", config.toString());
        assertThat(noJar.exit()).isEqualTo(2);
        assertThat(noJar.err().strip()).isEqualTo("benchledger: " + config + ":3:5: workloads.echo: class com.example.EchoWorkload"
                + " not found on the class path (give --jar or --classpath for your own workloads)");
        assertThat(new File(tmp.resolve("a2").toString())).doesNotExist();
    }
}

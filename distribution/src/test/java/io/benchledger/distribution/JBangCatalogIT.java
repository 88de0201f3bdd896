package io.benchledger.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository's jbang-catalog.json, run by the real JBang (dev.jbang:jbang-cli) against the artifacts of
 * this build, as a user's {@code jbang benchledger@benchledger/benchledger} will once a release is on Maven
 * Central. Offline: JBang gets two file repositories and no other, the build's own modules (poms and jars,
 * laid out by the distribution's pom under target/jbang) and the build's local Maven repository, which
 * holds what Maven Central served to this build; its own folders (JBANG_DIR, JBANG_REPO, user.home) are
 * in an empty HOME. The catalog is used as written except for its version, which becomes this build's
 * (the catalog names the release, the build is its snapshot).
 */
class JBangCatalogIT {
    @TempDir
    Path tmp;

    @Test
    void theCatalogsAliasRunsTheCommandLineOfThisBuild() throws Exception {
        Path catalog = Docs.folder().resolveSibling("jbang-catalog.json");
        ObjectNode doc = (ObjectNode) new ObjectMapper().readTree(catalog.toFile());
        ObjectNode alias = (ObjectNode) doc.at("/aliases/benchledger");
        String release = Installed.version().replace("-SNAPSHOT", "");
        assertThat(alias.get("script-ref").asText()).as("the catalog names this version's release")
                .isEqualTo("io.benchledger:benchledger-cli:" + release);

        Path project = Files.createDirectories(tmp.resolve("project"));
        alias.put("script-ref", "io.benchledger:benchledger-cli:" + Installed.version());
        Files.writeString(project.resolve("jbang-catalog.json"), new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(doc));

        Path home = Files.createDirectories(tmp.resolve("home"));
        Map<String, String> env = Shell.env(home);
        env.remove("MAVEN_ARGS");
        env.put("JBANG_DIR", home.resolve(".jbang").toString());
        env.put("JBANG_REPO", home.resolve(".m2/repository").toString());

        long t0 = System.nanoTime();
        Shell version = jbang(project, env, home, "--version");
        assertThat(version.out()).contains("benchledger " + Installed.version());
        double first = (System.nanoTime() - t0) / 1e9;
        // what JBang fetched is what the runnable jar holds: the libraries THIRD-PARTY.txt lists, same versions
        List<String> fetched;
        try (Stream<Path> jars = Files.walk(home.resolve(".m2/repository"))) {
            Path repo = home.resolve(".m2/repository");
            fetched = jars.filter(p -> p.toString().endsWith(".jar")).map(p -> coordinates(repo.relativize(p))).sorted().toList();
        }
        assertThat(fetched).contains("io.benchledger:benchledger-cli:" + Installed.version());
        List<String> listed = THIRD_PARTY.matcher(Files.readString(Installed.home().resolve("THIRD-PARTY.txt"))).results()
                .map(m -> m.group(1)).toList();
        assertThat(fetched.stream().filter(c -> !c.startsWith("io.benchledger:")).toList())
                .containsExactlyInAnyOrderElementsOf(listed);

        // one real command: a bundled benchmark measured in a JMH fork whose class path is JBang's
        t0 = System.nanoTime();
        Shell collect = jbang(project, env, home, "collect", "--suite", "crypto", "--include", "AesGcmBenchmark\\.encrypt$",
                "--ignore-jmh-lock", "--", "-f", "1", "-wi", "0", "-i", "1", "-r", "100ms", "-p", "size=64");
        assertThat(collect.out()).contains("1 cases measured, 0 failed");
        try (Stream<Path> runs = Files.walk(project.resolve("data/archive/runs"))) {
            assertThat(runs.filter(p -> p.toString().endsWith(".parquet")).count()).isEqualTo(1);
        }
        System.out.printf("JBang: first run (resolve + --version) %.1f s, collect %.1f s%n", first, (System.nanoTime() - t0) / 1e9);
    }

    /** A licence line's coordinates: "(Apache-2.0) Name (group:artifact:version - url)". */
    private static final java.util.regex.Pattern THIRD_PARTY = java.util.regex.Pattern.compile("\\(([^ ():]+:[^ ():]+:[^ ()]+) - ");

    /** group:artifact:version of a jar in a Maven repository's layout (group/path/artifact/version/file.jar). */
    private static String coordinates(Path inRepository) {
        int n = inRepository.getNameCount();
        return inRepository.subpath(0, n - 3).toString().replace('/', '.') + ":" + inRepository.getName(n - 3) + ":" + inRepository.getName(n - 2);
    }

    /**
     * {@code jbang ARGS} as JBang's launcher script runs it: the jar prints the command line of the program
     * and exits 255, and the script execs that command line.
     */
    private static Shell jbang(Path dir, Map<String, String> env, Path home, String... args) throws Exception {
        Path build = Path.of(System.getProperty("benchledger.jbang.repository"));
        Path central = Path.of(System.getProperty("maven.repo.local"));
        List<String> cmd = new ArrayList<>(List.of("java", "-Duser.home=" + home, "-jar", System.getProperty("benchledger.jbang.jar"),
                "--repos", "build=" + build.toUri(), "--repos", "central=" + central.toUri(), "benchledger"));
        cmd.addAll(List.of(args));
        Shell launch = Shell.run(dir, cmd, env, 300);
        assertThat(launch.exit()).as("jbang " + String.join(" ", args) + ":\n" + launch.err() + launch.out()).isEqualTo(255);
        // the alias grants what the runnable jar's manifest grants (Enable-Native-Access: DuckDB, zstd-jni on JDK 22+)
        assertThat(launch.out()).contains(" --enable-native-access=ALL-UNNAMED ").contains(" io.benchledger.cli.BenchledgerCommand ");
        return Shell.run(dir, List.of("bash", "-c", "exec " + launch.out().strip()), env, 300).requireExit(0);
    }
}

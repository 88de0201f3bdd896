package io.benchledger.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a new user does, from an empty HOME: installs the distribution built in this run, makes a
 * JMH project with the JMH archetype, sets up docs/github-pages.md's archive branch and runs its
 * nightly and release workflows as written against a local git remote. The first night starts from
 * the empty branch checked out into data/archive. Tiny JMH settings: the workflows' benchledger
 * calls get --quick (one fork of short iterations), and --ignore-jmh-lock since test machines may run
 * other JMH tests at the same time.
 */
class FirstNightIT {
    @TempDir
    Path tmp;

    @Test
    void theDistributionHoldsTheLauncherTheJarLicencesAndDocs() throws Exception {
        Path home = Installed.home();
        assertThat(home.resolve("bin/benchledger")).isExecutable();
        assertThat(home.resolve("bin/benchledger.cmd")).content().contains("-jar \"%BENCHLEDGER_HOME%\\lib\\benchledger.jar\"");
        assertThat(home.resolve("lib/benchledger.jar")).isRegularFile();
        assertThat(home.resolve("LICENSE")).content().contains("Apache License");
        assertThat(home.resolve("THIRD-PARTY.txt")).content().contains("org.duckdb:duckdb_jdbc").contains("info.picocli:picocli")
                .contains("org.yaml:snakeyaml"); // a runtime library of the cli that the tests also use
        assertThat(home.resolve("docs/github-pages.md")).isRegularFile();
        assertThat(home.resolve("config/benchledger-suites.yaml")).isRegularFile();

        // the other ways to install: JBangCatalogIT runs the catalog, RecipesIT reads the Dockerfile
        String dockerfile = Files.readString(Docs.folder().resolveSibling("Dockerfile"));
        assertThat(dockerfile).contains("ARG VERSION=" + Installed.version())
                .contains("ADD distribution/target/benchledger-${VERSION}.tar.gz /opt/");

        // the zip holds the same files as the tar.gz
        List<String> fromTar = new ArrayList<>();
        try (var s = Files.walk(home.getParent())) {
            s.filter(Files::isRegularFile).forEach(p -> fromTar.add(home.getParent().relativize(p).toString()));
        }
        List<String> fromZip = new ArrayList<>();
        Path zip = Path.of(Installed.archive().toString().replace(".tar.gz", ".zip"));
        try (ZipFile z = new ZipFile(zip.toFile())) {
            z.stream().filter(e -> !e.isDirectory()).forEach(e -> fromZip.add(e.getName()));
        }
        assertThat(fromZip).containsExactlyInAnyOrderElementsOf(fromTar);

        // installed as the README says, called through a link on the PATH, from an empty HOME
        Path userHome = Files.createDirectories(tmp.resolve("home"));
        Path links = Files.createDirectories(tmp.resolve("links"));
        Files.createSymbolicLink(links.resolve("benchledger"), home.resolve("bin/benchledger"));
        Map<String, String> env = Shell.env(userHome);
        env.put("PATH", links + ":" + env.get("PATH"));
        Shell v = Shell.run(tmp, List.of("benchledger", "--version"), env, 60).requireExit(0);
        assertThat(v.out()).contains(Installed.version());
        Map<String, String> noJava = new HashMap<>(env);
        noJava.remove("JAVA_HOME");
        noJava.put("PATH", links + ":/nonexistent");
        Shell missing = Shell.run(tmp, List.of(links.resolve("benchledger").toString(), "--version"), noJava, 60);
        assertThat(missing.exit()).isEqualTo(3);
        assertThat(missing.err()).contains("no Java found");
    }

    @Test
    void aFreshJmhProjectPublishesItsFirstNightAndItsFirstRelease() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Map<String, String> env = Shell.env(home);
        env.put("GIT_AUTHOR_NAME", "A User");
        env.put("GIT_AUTHOR_EMAIL", "user@example.com");
        env.put("GIT_COMMITTER_NAME", "A User");
        env.put("GIT_COMMITTER_EMAIL", "user@example.com");

        // the project, as own-benchmarks.md makes it, in a git repository with a remote
        Path projects = Files.createDirectories(tmp.resolve("projects"));
        Shell.run(projects, List.of("mvn", "-B", "-ntp", "-q", "org.apache.maven.plugins:maven-archetype-plugin:3.4.1:generate",
                "-DinteractiveMode=false", "-DarchetypeGroupId=org.openjdk.jmh", "-DarchetypeArtifactId=jmh-java-benchmark-archetype",
                "-DarchetypeVersion=1.37", "-DgroupId=com.acme", "-DartifactId=myapp", "-Dversion=1.0"), env, 300).requireExit(0);
        Path project = projects.resolve("myapp");
        Path origin = tmp.resolve("origin.git");
        git(tmp, env, "init", "-q", "--bare", "-b", "main", origin.toString());
        git(project, env, "init", "-q", "-b", "main");
        git(project, env, "add", "-A");
        git(project, env, "commit", "-q", "-m", "benchmarks from the JMH archetype");
        git(project, env, "remote", "add", "origin", origin.toString());
        git(project, env, "push", "-q", "-u", "origin", "main");

        // "Set up once": the docs' own commands make the empty archive branch, and the .gitignore lines
        List<Docs.Block> blocks = Docs.blocks(Docs.folder().resolve("github-pages.md"));
        Docs.Block setup = blocks.stream().filter(b -> b.info().equals("sh") && b.text().contains("benchledger-archive"))
                .findFirst().orElseThrow();
        Shell.run(project, List.of("bash", "-e", "-c", setup.text()), env, 60).requireExit(0);
        String ignore = blocks.stream().filter(b -> b.info().equals("text")).findFirst().orElseThrow().text();
        assertThat(ignore).contains("data/archive/").contains("site/");
        Files.writeString(project.resolve(".gitignore"), ignore);
        git(project, env, "add", ".gitignore");
        git(project, env, "commit", "-q", "-m", "ignore what benchledger writes");
        git(project, env, "push", "-q");
        assertThat(git(tmp, env, "--git-dir", origin.toString(), "ls-tree", "-r", "benchledger-archive").out()).isEmpty();

        List<JsonNode> workflows = new ArrayList<>();
        for (Docs.Block b : blocks) {
            if (b.info().equals("yaml") && b.text().startsWith("name:")) {
                workflows.add(Docs.yaml(b.text()));
            }
        }
        // the page's first two workflows are the nightly and the release one (the action's follow)
        assertThat(workflows.size()).isGreaterThanOrEqualTo(2);
        assertThat(workflows.get(0).at("/on/schedule/0/cron").isMissingNode()).isFalse();
        assertThat(workflows.get(1).at("/on/release").isMissingNode()).isFalse();
        Map<String, String> download = Map.of("BENCHLEDGER_VERSION", Installed.version(),
                "BENCHLEDGER_URL", Installed.archive().toUri().toString());

        // the first night, from the empty branch
        long t0 = System.nanoTime();
        WorkflowRunner nightly = new WorkflowRunner(tmp.resolve("nightly"), origin, env, download, Map.of(),
                s -> s.replace("benchledger nightly ", "benchledger nightly --quick --ignore-jmh-lock "));
        boolean passed = nightly.run(workflows.get(0));
        assertThat(passed).as(nightly.log.toString()).isTrue();
        assertThat(nightly.jobOutputs.get("benchmark")).containsEntry("gate", "0");
        // the benchmark is listed and has its page (the dashboard names it only when a recommendation or
        // a change does, which depends on how noisy the night was)
        assertThat(nightly.pagesArtifact().resolve("index.html")).content().contains("1 benchmarks, 1 series, 1 runs");
        assertThat(nightly.pagesArtifact().resolve("benchmarks.html")).content().contains("MyBenchmark");
        String archive = git(tmp, env, "--git-dir", origin.toString(), "ls-tree", "-r", "--name-only", "benchledger-archive").out();
        assertThat(archive).contains("archive.json").containsPattern("runs/project=default/version=[0-9a-f]{7}/[0-9A-Z]{26}\\.parquet")
                .containsPattern("samples/project=default/version=");
        System.out.printf("first night: %.1f s%n", (System.nanoTime() - t0) / 1e9);

        // the first release: measured as a release run of its tag and published with the nightly history
        t0 = System.nanoTime();
        WorkflowRunner release = new WorkflowRunner(tmp.resolve("release"), origin, env, download,
                Map.of("github.event.release.tag_name", "1.0"),
                s -> s.replace("benchledger release \"$TAG\" ", "benchledger release \"$TAG\" --quick --ignore-jmh-lock "));
        passed = release.run(workflows.get(1));
        assertThat(passed).as(release.log.toString()).isTrue();
        archive = git(tmp, env, "--git-dir", origin.toString(), "ls-tree", "-r", "--name-only", "benchledger-archive").out();
        assertThat(archive).contains("runs/project=default/version=1.0/");
        assertThat(release.pagesArtifact().resolve("index.html")).isRegularFile();
        System.out.printf("first release: %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }

    private static Shell git(Path dir, Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("git"));
        cmd.addAll(List.of(args));
        return Shell.run(dir, cmd, env, 120).requireExit(0);
    }
}

package io.benchledger.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Docs are tests: every fenced {@code sh}/{@code bash}/{@code shell} block of README.md and docs/*.md
 * runs, in file order, with the installed distribution's {@code benchledger} on the PATH (and as
 * {@code ./benchledger}), in a fresh folder per file whose {@code data/archive} holds two tiny real
 * runs of the bundled AesGcmBenchmark.encrypt (version 1.4.0 as a release, 1.5.0). Each command must
 * exit 0 or 1 (1 is a gate's answer); 2 (bad usage) or 3 fails the test, naming the file and line.
 * A block preceded by {@code <!-- docs-test: skip (why) -->} is not run (network, hours, GitHub, your
 * own project's files; UnexecutedRecipesIT parses their benchledger command lines instead, and the output lists
 * them); a {@code text} block preceded by {@code <!-- docs-test: output -->} must
 * appear in what the block above it printed ({@code …} matches any text). A block that shows
 * benchledger commands must say which it is: {@code sh} (run) or {@code text} (a synopsis).
 */
class DocsCommandsIT {
    @TempDir
    static Path tmp;
    static Path fixture;
    static Map<String, String> env;

    @BeforeAll
    static void archiveOfTwoTinyRealRuns() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        env = Shell.env(home);
        env.put("PATH", Installed.bin() + ":" + env.get("PATH"));
        fixture = Files.createDirectories(tmp.resolve("fixture"));
        for (String[] v : new String[][] {{"1.4.0", "release"}, {"1.5.0", "nightly"}}) {
            Shell.run(fixture, List.of("benchledger", "collect", "--suite", "crypto", "--include", "AesGcmBenchmark\\.encrypt$",
                    "--project-version", v[0], "--trigger", v[1], "--ignore-jmh-lock", "--", "-f", "1", "-wi", "0", "-i", "3", "-r", "100ms",
                    "-p", "size=64"), env, 300).requireExit(0);
        }
    }

    static List<Path> files() throws IOException {
        List<Path> files = new ArrayList<>(List.of(Docs.readme()));
        try (Stream<Path> s = Files.list(Docs.folder())) {
            s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        return files;
    }

    static boolean runnable(Docs.Block b) {
        return List.of("sh", "bash", "shell").contains(b.info()) && !b.marker().startsWith("docs-test: skip");
    }

    @TestFactory
    Stream<DynamicTest> everyDocumentedCommandRuns() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : files()) {
            List<Docs.Block> blocks = Docs.blocks(file);
            tests.add(DynamicTest.dynamicTest(file.getFileName().toString(), () -> runFile(file, blocks)));
        }
        return tests.stream();
    }

    private void runFile(Path file, List<Docs.Block> blocks) throws Exception {
        for (Docs.Block b : blocks) {
            if (b.marker().startsWith("docs-test: skip")) {
                // what no test executes, and why, in the test's output (UnexecutedRecipesIT parses their command lines)
                System.out.println("not executed: " + b.where() + " " + b.info() + " " + b.marker().substring("docs-test: skip".length()).strip());
            }
            if (b.info().isEmpty()) {
                assertThat(b.text().lines().anyMatch(l -> l.startsWith("benchledger ") || l.startsWith("./benchledger ")))
                        .as(b.where() + ": a block of benchledger commands is either sh (run by the docs test) or text (a synopsis)")
                        .isFalse();
            }
        }
        if (blocks.stream().noneMatch(DocsCommandsIT::runnable)) {
            return;
        }
        Path dir = Files.createDirectories(tmp.resolve("run").resolve(file.getFileName().toString()));
        copy(fixture.resolve("data"), dir.resolve("data"));
        // the archive a clone's build makes, where the README's install from a clone unpacks it
        Path built = Files.createDirectories(dir.resolve("distribution/target"));
        Files.createSymbolicLink(built.resolve(Installed.archive().getFileName()), Installed.archive());
        Path local = dir.resolve("benchledger"); // as ./benchledger in a checkout of this repository
        Files.writeString(local, "#!/bin/sh\nexec '" + Installed.bin().resolve("benchledger") + "' \"$@\"\n");
        local.toFile().setExecutable(true);
        // a JMH result file for the import examples (JMH 1.x output of a public project, kept in the repository's test data)
        Files.copy(Docs.folder().resolveSibling("collector/src/test/resources/external/jmh/kamilkloch__fs2-benchmark/jmh-result.json"),
                dir.resolve("jmh-result.json"));
        String lastOutput = null;
        for (Docs.Block b : blocks) {
            if (runnable(b)) {
                Path script = dir.resolve(".docs-test-" + b.line() + ".sh");
                Files.writeString(script, checked(b));
                Shell s = Shell.run(dir, List.of("bash", "--noprofile", "--norc", script.toString()), env, 300);
                lastOutput = s.out() + s.err();
                assertThat(s.exit()).as(b.where() + ": " + s.err() + "\n" + s.out()).isZero();
            } else if (b.marker().startsWith("docs-test: output")) {
                assertThat(lastOutput).as(b.where() + ": output shown without a command run above it").isNotNull();
                for (String line : b.text().lines().filter(l -> !l.isBlank()).toList()) {
                    String re = Pattern.quote(line.strip()).replace("…", "\\E.*\\Q");
                    assertThat(Pattern.compile(re).matcher(lastOutput).find()).as(b.where() + ": the docs show\n" + line
                            + "\nbut the command printed\n" + lastOutput).isTrue();
                }
            }
        }
    }

    /** The block as a script that stops at the first command exiting 2 or more, naming its line. */
    static String checked(Docs.Block b) {
        StringBuilder script = new StringBuilder();
        StringBuilder command = new StringBuilder();
        int line = b.line();
        int start = line + 1;
        for (String l : b.text().lines().toList()) {
            line++;
            if (command.isEmpty()) {
                start = line;
                if (l.isBlank() || l.strip().startsWith("#")) {
                    continue;
                }
            }
            command.append(l).append('\n');
            if (!l.endsWith("\\")) {
                script.append(command).append("rc=$?; if [ $rc -gt 1 ]; then echo \"").append(b.file().getFileName()).append(':')
                        .append(start).append(": exit $rc\" >&2; exit 1; fi\n");
                command.setLength(0);
            }
        }
        return script.toString();
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}

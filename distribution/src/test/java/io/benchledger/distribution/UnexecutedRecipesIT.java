package io.benchledger.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.benchledger.cli.BenchledgerCommand;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * What the docs show but no test can run here, read against the build instead: the Dockerfile (no Docker
 * engine on the test machines), the Gradle variants (no Gradle), the workflows that need GitHub (the action's,
 * the weekly profiling one), commands that need a published release, a network or hours (the blocks the
 * docs test skips), and commands quoted in the text. Each benchledger command line among them must parse
 * with the real command line's options (picocli's parser, nothing executed: an unknown command or option,
 * a missing value, fails), and the Dockerfile's paths must be what the built distribution holds.
 */
class UnexecutedRecipesIT {
    private static final Pattern INLINE = Pattern.compile("(?<!`)`([^`\\n]+)`(?!`)");

    @TempDir
    Path tmp;

    @Test
    void everyCommandTheDocsShowButDoNotRunParses() throws Exception {
        Map<String, List<String>> commands = new LinkedHashMap<>();
        Map<String, List<String>> mentions = new LinkedHashMap<>(); // quoted in the text: may leave out required values
        for (Path file : DocsCommandsIT.files()) {
            for (Docs.Block b : Docs.blocks(file)) {
                boolean skippedShell = List.of("sh", "bash", "shell").contains(b.info()) && !DocsCommandsIT.runnable(b);
                if (skippedShell || b.info().equals("yaml")) {
                    for (List<String> c : CommandLines.in(b.text())) {
                        commands.put(b.where() + ": benchledger " + String.join(" ", c), c);
                    }
                }
            }
            String prose = Docs.prose(file);
            Matcher m = INLINE.matcher(prose);
            while (m.find()) {
                if (m.group(1).startsWith("benchledger ") || m.group(1).startsWith("./benchledger ")) {
                    int line = prose.substring(0, m.start()).split("\n", -1).length;
                    for (List<String> c : CommandLines.in(m.group(1))) {
                        mentions.put(file.getFileName() + ":" + line + ": benchledger " + String.join(" ", c), c);
                    }
                }
            }
        }
        // the Dockerfile shows how to use the image in its comments, indented: "#   docker run … benchledger nightly …"
        String examples = String.join("\n", Files.readAllLines(root().resolve("Dockerfile")).stream()
                .filter(l -> l.matches("#\\s{2,}\\S.*")).map(l -> l.substring(1)).toList());
        for (List<String> c : CommandLines.in(examples)) {
            commands.put("Dockerfile: benchledger " + String.join(" ", c), c);
        }
        List<String> refused = new ArrayList<>();
        CommandLine cli = BenchledgerCommand.commandLine(); // parseArgs resets every option before it parses
        commands.forEach((where, args) -> parse(cli, where, args, false, refused));
        mentions.forEach((where, args) -> parse(cli, where, args, true, refused));
        System.out.printf("parsed %d command lines and %d commands named in the text that no test runs%n", commands.size(), mentions.size());
        assertThat(commands).as("the docs' workflows name benchledger commands").hasSizeGreaterThan(20);
        assertThat(commands.keySet()).as("the Dockerfile's example").anyMatch(k -> k.startsWith("Dockerfile: benchledger nightly --jar"));
        assertThat(refused).as("documented command lines the program refuses").isEmpty();
    }

    private static void parse(CommandLine cli, String where, List<String> args, boolean mention, List<String> refused) {
        try {
            cli.parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.MissingParameterException e) {
            if (!mention) {
                refused.add(where + "\n    " + e.getMessage());
            }
        } catch (CommandLine.ParameterException e) {
            // a mention may put a placeholder (N, FILE) where a number or a choice goes
            if (!mention || !e.getMessage().startsWith("Invalid value")) {
                refused.add(where + "\n    " + e.getMessage());
            }
        }
    }

    /** FirstNightIT runs the first two workflows of github-pages.md; every other YAML block there says why no test runs it. */
    @Test
    void everyWorkflowNoTestRunsSaysWhy() throws Exception {
        int workflows = 0;
        List<String> unmarked = new ArrayList<>();
        for (Docs.Block b : Docs.blocks(Docs.folder().resolve("github-pages.md"))) {
            if (!b.info().equals("yaml")) {
                continue;
            }
            boolean runByFirstNight = b.text().startsWith("name:") && workflows++ < 2;
            if (!runByFirstNight && !b.marker().matches("docs-test: skip \\(.+\\)")) {
                unmarked.add(b.where());
            }
        }
        assertThat(unmarked).as("YAML blocks without <!-- docs-test: skip (why) -->").isEmpty();
    }

    @Test
    void theDockerfileNamesWhatTheDistributionHolds() throws Exception {
        Map<String, String> args = new LinkedHashMap<>();
        List<String[]> instructions = new ArrayList<>();
        for (String line : Files.readString(root().resolve("Dockerfile")).replace("\\\n", " ").split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] parts = line.strip().split("\\s+", 2);
                instructions.add(parts);
                if (parts[0].equals("ARG") && parts[1].contains("=")) {
                    args.put(parts[1].substring(0, parts[1].indexOf('=')), parts[1].substring(parts[1].indexOf('=') + 1));
                }
            }
        }
        assertThat(args).as("ARG VERSION is the version this build makes").containsEntry("VERSION", Installed.version());
        Map<String, String> byName = new LinkedHashMap<>();
        for (String[] i : instructions) {
            byName.merge(i[0], substitute(i[1], args), (a, b) -> a + "\n" + b);
        }
        assertThat(byName.get("FROM")).as("a JDK of the Java version the program needs").matches("eclipse-temurin:(1[7-9]|[2-9][0-9])-jdk");

        // ADD of a local tar.gz unpacks it: the archive this build made, whose top folder the link names
        String[] add = byName.get("ADD").split("\\s+");
        assertThat(root().resolve(add[0])).as(add[0]).isRegularFile().hasSameBinaryContentAs(Installed.archive());
        String unpacked = add[1] + Installed.home().getFileName();
        assertThat(byName.get("RUN")).contains("ln -s " + unpacked + " /opt/benchledger");
        assertThat(byName.get("ENV")).startsWith("PATH=/opt/benchledger/bin:");
        assertThat(Installed.home().resolve("bin/benchledger")).isExecutable();
        assertThat(byName.get("ENTRYPOINT")).isEqualTo("[\"benchledger\"]");

        // the build context keeps only the archive: .dockerignore must let ADD's source through
        List<String> ignore = Files.readAllLines(root().resolve(".dockerignore")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        assertThat(ignore).contains("*");
        assertThat(ignore.stream().filter(l -> l.startsWith("!"))
                .anyMatch(l -> FileSystems.getDefault().getPathMatcher("glob:" + l.substring(1)).matches(Path.of(add[0]))))
                .as(".dockerignore lets " + add[0] + " into the build context").isTrue();

        // the image's default command, run by the installed launcher as the image's ENTRYPOINT would
        String cmd = byName.get("CMD");
        assertThat(cmd).isEqualTo("[\"--help\"]");
        Shell help = Shell.run(tmp, List.of(Installed.bin().resolve("benchledger").toString(), "--help"), Shell.env(tmp), 120);
        assertThat(help.exit()).isZero();
        assertThat(help.out() + help.err()).contains("nightly");
    }

    /** The build's archives as the README, the docs, the Dockerfile and action.yml name them (a glob, a placeholder or this version). */
    @Test
    void everyArchiveTheDocsNameIsWhatTheBuildMakes() throws Exception {
        List<Path> files = new ArrayList<>(DocsCommandsIT.files());
        files.addAll(List.of(root().resolve("Dockerfile"), root().resolve("action.yml")));
        Pattern named = Pattern.compile("distribution/target/(benchledger-[A-Za-z0-9_.*${}<>-]+)");
        List<String> missing = new ArrayList<>();
        int found = 0;
        for (Path f : files) {
            Matcher m = named.matcher(Files.readString(f));
            while (m.find()) {
                found++;
                String glob = m.group(1).replace("${VERSION}", Installed.version()).replace("<version>", Installed.version());
                if (!FileSystems.getDefault().getPathMatcher("glob:" + glob).matches(Installed.archive().getFileName())) {
                    missing.add(f.getFileName() + ": " + m.group());
                }
            }
        }
        assertThat(found).isGreaterThanOrEqualTo(4);
        assertThat(missing).as("archive names that do not match " + Installed.archive().getFileName()).isEmpty();
    }

    private static String substitute(String text, Map<String, String> args) {
        for (Map.Entry<String, String> a : args.entrySet()) {
            text = text.replace("${" + a.getKey() + "}", a.getValue());
        }
        return text;
    }

    private static Path root() {
        return Docs.folder().getParent();
    }
}

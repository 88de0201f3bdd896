package io.benchledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command, however deep, answers --help with a usage text, no warning, and exit 0. */
class HelpTest {
    @Test
    void everyCommandHasHelp() {
        List<String[]> paths = new ArrayList<>();
        collect(BenchledgerCommand.commandLine(), new ArrayList<>(), paths);
        assertThat(paths.size()).isGreaterThan(5);
        for (String[] path : paths) {
            List<String> args = new ArrayList<>(List.of(path));
            args.add("--help");
            CliRun r = CliRun.of(args.toArray(String[]::new));
            assertThat(r.exit()).as(String.join(" ", path)).isZero();
            assertThat(r.out()).as(String.join(" ", path)).contains("Usage: benchledger");
            // a bare % in a description is a format error picocli only warns about
            assertThat(r.err()).as(String.join(" ", path)).doesNotContain("picocli WARN");
        }
        CliRun v = CliRun.of("--version");
        assertThat(v.out()).startsWith("benchledger ");
    }

    @Test
    void commandListsShowWholeSentences() {
        for (String[] path : List.of(new String[0], new String[] {"archive"})) {
            List<String> args = new ArrayList<>(List.of(path));
            args.add("--help");
            String out = CliRun.of(args.toArray(String[]::new)).out().replaceAll("\\s+", " ");
            CommandLine cl = BenchledgerCommand.commandLine();
            for (String p : path) {
                cl = cl.getSubcommands().get(p);
            }
            for (var e : cl.getSubcommands().entrySet()) {
                String summary = CommandList.summary(e.getValue().getCommandSpec());
                assertThat(summary).as(e.getKey()).endsWith(".");
                assertThat(summary.chars().filter(ch -> ch == '(').count()).as(e.getKey() + ": a sentence cut inside parentheses")
                        .isEqualTo(summary.chars().filter(ch -> ch == ')').count());
                assertThat(out).as(String.join(" ", path) + " --help").contains(e.getKey() + " " + summary);
            }
        }
        // the examples the help used to cut: "nightly ... compare it" ended there, "pr-comment ... (e.g." too
        assertThat(CliRun.of("--help").out().replaceAll("\\s+", " "))
                .contains("compare it with its recent history (recent:N, the newest earlier runs of the same branch, suite,"
                        + " environment and JMH settings) and with the last release")
                .contains("with a Markdown file (e.g. the summary of compare --format markdown).");
    }

    /**
     * At 80 columns (the width of a terminal that size) no line of any help is wider, so no terminal
     * cuts one mid-word, and a description's prose is wrapped as paragraphs: no line of it is left
     * with a word or two while the next one is long.
     */
    @Test
    void everyHelpFitsEightyColumns() {
        List<String[]> paths = new ArrayList<>();
        collect(BenchledgerCommand.commandLine(), new ArrayList<>(), paths);
        paths.add(new String[0]);
        List<String> wide = new ArrayList<>();
        List<String> ragged = new ArrayList<>();
        for (String[] path : paths) {
            CommandLine cl = BenchledgerCommand.commandLine();
            cl.setUsageHelpWidth(80);
            for (String p : path) {
                cl = cl.getSubcommands().get(p);
            }
            java.io.StringWriter help = new java.io.StringWriter();
            cl.usage(new java.io.PrintWriter(help), CommandLine.Help.Ansi.OFF);
            List<String> lines = help.toString().lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.length() > 80) {
                    wide.add(String.join(" ", path) + ": " + line);
                }
                // a short unindented line followed by more prose: a hand-wrapped line wrapped again
                if (i + 1 < lines.size() && !line.isBlank() && !line.startsWith(" ") && !line.startsWith("Usage:") && line.length() < 40
                        && !line.endsWith(":") && !line.endsWith(".") && lines.get(i + 1).length() > 60
                        && !lines.get(i + 1).startsWith(" ")) {
                    ragged.add(String.join(" ", path) + ": " + line);
                }
            }
        }
        assertThat(wide).as("help lines wider than 80 columns").isEmpty();
        assertThat(ragged).as("help lines wrapped raggedly").isEmpty();
    }

    /** An option's description is one string that picocli wraps: its lines in the source would each start a line. */
    @Test
    void optionDescriptionsAreOneParagraph() {
        List<String> split = new ArrayList<>();
        List<CommandLine> all = new ArrayList<>(List.of(BenchledgerCommand.commandLine()));
        for (int i = 0; i < all.size(); i++) {
            all.addAll(all.get(i).getSubcommands().values());
            for (CommandLine.Model.ArgSpec a : all.get(i).getCommandSpec().args()) {
                if (a.description().length > 1) {
                    split.add(all.get(i).getCommandName() + " " + a.paramLabel());
                }
            }
        }
        assertThat(split).as("options whose description is several lines").isEmpty();
    }

    @Test
    void completionScriptsKnowTheCommands() throws Exception {
        CliRun bash = CliRun.of("completion", "bash");
        assertThat(bash.exit()).isZero();
        assertThat(bash.out()).contains("complete -F _complete_benchledger").contains("nightly").contains("compare");
        CliRun zsh = CliRun.of("completion", "zsh");
        assertThat(zsh.out()).startsWith("#compdef benchledger").contains("bashcompinit");
        // the script is valid bash
        java.nio.file.Path f = java.nio.file.Files.createTempFile("benchledger", ".bash");
        java.nio.file.Files.writeString(f, bash.out());
        Process p = new ProcessBuilder("bash", "-n", f.toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor()).as(new String(p.getInputStream().readAllBytes())).isZero();
    }

    private static void collect(CommandLine cl, List<String> prefix, List<String[]> out) {
        for (var e : cl.getSubcommands().entrySet()) {
            if (e.getKey().equals("help") || e.getValue().getCommandSpec().name().equals("generate-completion")) {
                continue;
            }
            List<String> p = new ArrayList<>(prefix);
            p.add(e.getKey());
            out.add(p.toArray(String[]::new));
            collect(e.getValue(), p, out);
        }
    }
}

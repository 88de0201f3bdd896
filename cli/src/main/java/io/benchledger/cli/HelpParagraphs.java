package io.benchledger.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Help that fits the terminal: every command's help is as wide as the terminal when there is one
 * (100 columns otherwise), and the prose of a description or footer, written in the source as lines of up to
 * 100 characters, is joined into paragraphs that picocli wraps at that width. Without this an
 * 80-column terminal cut each long line wherever it reached the edge, mid-word.
 */
final class HelpParagraphs {
    private HelpParagraphs() {
    }

    /** Applies to a command and all its subcommands. */
    static void install(CommandLine cl) {
        UsageMessageSpec usage = cl.getCommandSpec().usageMessage();
        usage.autoWidth(true);
        usage.description(join(usage.description()).toArray(String[]::new));
        usage.footer(join(usage.footer()).toArray(String[]::new));
        cl.getSubcommands().values().forEach(HelpParagraphs::install);
    }

    /**
     * Lines of prose joined into one line per paragraph. A line stays on its own when it is empty,
     * indented (list items, examples, aligned tables), ends with ':' (it introduces a list) or with
     * a line break (%n), and so does the line after it.
     */
    static List<String> join(String[] lines) {
        List<String> out = new ArrayList<>();
        boolean open = false;
        for (String line : lines) {
            boolean prose = !line.isEmpty() && !Character.isWhitespace(line.charAt(0));
            if (open && prose) {
                out.set(out.size() - 1, out.get(out.size() - 1) + " " + line);
            } else {
                out.add(line);
            }
            open = prose && !line.endsWith(":") && !line.endsWith("%n");
        }
        return out;
    }
}

package io.benchledger.cli;

import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The "Commands:" section of {@code --help}: each command with the first sentence of its
 * description, whole. picocli's own list shows only the first line of a description, which our
 * descriptions (written in lines of up to 100 characters) end mid-sentence.
 */
final class CommandList implements CommandLine.IHelpSectionRenderer {

    /** Installs the list on a command and all its subcommands. */
    static void install(CommandLine cl) {
        cl.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_COMMAND_LIST, new CommandList());
        cl.getSubcommands().values().forEach(CommandList::install);
    }

    @Override
    public String render(Help help) {
        Map<String, Help> subs = help.subcommands();
        if (subs.isEmpty()) {
            return "";
        }
        int nameWidth = subs.keySet().stream().mapToInt(String::length).max().orElse(0);
        Help.TextTable table = Help.TextTable.forColumns(help.colorScheme(),
                new Help.Column(nameWidth + 4, 2, Help.Column.Overflow.SPAN),
                new Help.Column(help.commandSpec().usageMessage().width() - nameWidth - 4, 1, Help.Column.Overflow.WRAP));
        subs.forEach((name, sub) -> table.addRowValues(name, summary(sub.commandSpec())));
        return table.toString();
    }

    /** A command's line in the list: its header, else the first sentence of its description. */
    static String summary(CommandLine.Model.CommandSpec spec) {
        String[] header = spec.usageMessage().header();
        String[] text = header.length > 0 ? header : spec.usageMessage().description();
        // the texts are picocli format strings: %n a line break, %% a percent sign
        return firstSentence(String.join(" ", text).replace("%n", " ").replace("%%", "%"));
    }

    /**
     * Up to and including the first full stop that ends a sentence (followed by a space or the end);
     * the stops of abbreviations ("e.g. ", "i.e. ") and stops inside parentheses end none.
     */
    static String firstSentence(String text) {
        String t = text.replaceAll("\\s+", " ").strip();
        int depth = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            } else if (c == '.' && depth == 0 && (i + 1 == t.length() || t.charAt(i + 1) == ' ')
                    && !t.startsWith("e.g.", Math.max(0, i - 3)) && !t.startsWith("i.e.", Math.max(0, i - 3))) {
                return t.substring(0, i + 1);
            }
        }
        return t;
    }
}

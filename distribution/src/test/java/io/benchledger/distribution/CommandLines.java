package io.benchledger.distribution;

import java.util.ArrayList;
import java.util.List;

/**
 * The benchledger command lines in a piece of shell text (a script, a workflow's run step, a Dockerfile
 * comment), as a shell would split them: backslash-newline joins lines, quotes group words, {@code |},
 * {@code &&}, {@code ;} and redirections end a command, {@code #} starts a comment. A command line is
 * what follows the word {@code benchledger} (or {@code ./benchledger}, {@code …/bin/benchledger},
 * {@code jbang benchledger@…}, an image named benchledger after {@code docker run}) when the next word is
 * an option or a word of letters: {@code docker build -t benchledger .} names no command.
 */
final class CommandLines {
    private static final String OPERATORS = "|&;<>()";
    /** The word standing for any operator: it ends a command line. */
    private static final String END = "\u0000";

    private CommandLines() {
    }

    static List<List<String>> in(String text) {
        List<List<String>> out = new ArrayList<>();
        for (String line : text.replace("\\\n", " ").split("\n")) {
            List<String> words = words(line);
            for (int i = 0; i < words.size(); i++) {
                if (!names(words, i)) {
                    continue;
                }
                List<String> args = new ArrayList<>();
                for (int j = i + 1; j < words.size() && !words.get(j).equals(END); j++) {
                    String w = words.get(j).replaceAll("^\\[|\\]$", ""); // a synopsis' [--option VALUE]
                    if (!w.equals("…") && !w.equals("...")) {
                        args.add(w);
                    }
                }
                if (!args.isEmpty() && (args.get(0).startsWith("-") || args.get(0).matches("[a-z][a-z-]*"))) {
                    out.add(args);
                }
            }
        }
        return out;
    }

    private static boolean names(List<String> words, int i) {
        String w = words.get(i);
        return w.equals("benchledger") || w.endsWith("/benchledger")
                || (w.startsWith("benchledger@") && i > 0 && words.get(i - 1).equals("jbang"));
    }

    /** The words of one line: quotes removed, a run of operator characters one word, nothing after a comment. */
    static List<String> words(String line) {
        line = line.replace("2>&1", ";").replace("2>", ";");
        List<String> words = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            boolean operator = OPERATORS.indexOf(c) >= 0;
            if ((Character.isWhitespace(c) || operator) && inWord) {
                words.add(w.toString());
                w.setLength(0);
                inWord = false;
            }
            if (c == '\'' || c == '"') {
                int end = line.indexOf(c, i + 1);
                end = end < 0 ? line.length() : end;
                w.append(line, i + 1, end);
                inWord = true;
                i = end;
            } else if (c == '#' && !inWord) {
                break;
            } else if (operator) {
                int j = i;
                while (j + 1 < line.length() && OPERATORS.indexOf(line.charAt(j + 1)) >= 0) {
                    j++;
                }
                words.add(END);
                i = j;
            } else if (!Character.isWhitespace(c)) {
                w.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(w.toString());
        }
        return words;
    }
}

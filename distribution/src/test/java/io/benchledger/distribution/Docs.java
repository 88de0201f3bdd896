package io.benchledger.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The fenced blocks of the repository's Markdown files, as a reader sees them. */
final class Docs {
    /** A fenced block: its file, the line of its opening fence, its info string, its text, the comment just above it. */
    record Block(Path file, int line, String info, String text, String marker) {
        String where() {
            return file.getFileName() + ":" + line;
        }
    }

    private static final Pattern FENCE = Pattern.compile("^( *)```(\\S*)[^\\n]*\\n(.*?)^\\1```", Pattern.DOTALL | Pattern.MULTILINE);
    private static final Pattern MARKER = Pattern.compile("<!--\\s*(docs-test:[^>]*?)\\s*-->\\s*\\n\\s*\\z");

    private Docs() {
    }

    static Path folder() {
        return Path.of(System.getProperty("benchledger.docs")).toAbsolutePath().normalize();
    }

    static Path readme() {
        return folder().resolveSibling("README.md");
    }

    static List<Block> blocks(Path file) throws IOException {
        String md = Files.readString(file);
        List<Block> out = new ArrayList<>();
        Matcher m = FENCE.matcher(md);
        while (m.find()) {
            String before = md.substring(Math.max(0, m.start() - 300), m.start());
            Matcher mk = MARKER.matcher(before);
            String marker = mk.find() ? mk.group(1) : "";
            String indent = m.group(1);
            String text = m.group(3).lines().map(l -> l.startsWith(indent) ? l.substring(indent.length()) : l)
                    .reduce("", (a, b) -> a + b + "\n");
            out.add(new Block(file, md.substring(0, m.start()).split("\n", -1).length, m.group(2), text, marker));
        }
        return out;
    }

    /** The file's text outside fenced blocks, fenced lines blanked so that line numbers stay. */
    static String prose(Path file) throws IOException {
        Matcher m = FENCE.matcher(Files.readString(file));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement("\n".repeat((int) m.group().chars().filter(c -> c == '\n').count())));
        }
        m.appendTail(out);
        return out.toString();
    }

    static JsonNode yaml(String text) throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(text);
    }
}

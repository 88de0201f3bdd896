package io.benchledger.collector.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.benchledger.archive.BadInputException;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as a tree whose every node knows its line and its path from the root, so a
 * validation error can name the file, the line and the field. (Jackson's own tree forgets where a
 * value came from.)
 */
abstract sealed class ConfigNode permits ConfigNode.MapNode, ConfigNode.ListNode, ConfigNode.Scalar {
    final String file;
    final int line;
    final String path;
    /** 1-based column of the node's first character (0 when unknown); for file:line:column messages. */
    int column;

    ConfigNode(String file, int line, String path) {
        this.file = file;
        this.line = line;
        this.path = path;
    }

    BadInputException error(String what) {
        return new BadInputException(file + ":" + line + ": " + (path.isEmpty() ? "" : path + ": ") + what);
    }

    /** Like {@link #error} with the column: {@code file:line:column: path: what}. */
    BadInputException errorAt(String what) {
        return new BadInputException(file + ":" + line + ":" + column + ": " + (path.isEmpty() ? "" : path + ": ") + what);
    }

    abstract String describe();

    static final class MapNode extends ConfigNode {
        final Map<String, ConfigNode> entries = new LinkedHashMap<>();
        final Map<String, Integer> keyLines = new LinkedHashMap<>();
        final Map<String, Integer> keyColumns = new LinkedHashMap<>();

        MapNode(String file, int line, String path) {
            super(file, line, path);
        }

        ConfigNode get(String key) {
            return entries.get(key);
        }

        @Override
        String describe() {
            return "a mapping";
        }
    }

    static final class ListNode extends ConfigNode {
        final List<ConfigNode> items = new ArrayList<>();

        ListNode(String file, int line, String path) {
            super(file, line, path);
        }

        @Override
        String describe() {
            return "a list";
        }
    }

    /** A scalar keeps YAML's own idea of its type (a quoted "1" is text, 1 is a number). */
    static final class Scalar extends ConfigNode {
        final String text;
        final JsonToken token;

        Scalar(String file, int line, String path, String text, JsonToken token) {
            super(file, line, path);
            this.text = text;
            this.token = token;
        }

        boolean isNull() {
            return token == JsonToken.VALUE_NULL;
        }

        boolean isNumber() {
            return token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT;
        }

        @Override
        String describe() {
            if (token == JsonToken.VALUE_STRING) {
                return "\"" + text + "\"";
            }
            return isNull() ? "nothing" : text;
        }
    }

    // ---------------------------------------------------------------- parsing

    static ConfigNode parse(String file, Reader reader) throws IOException {
        YAMLFactory factory = YAMLFactory.builder().build();
        try (JsonParser p = factory.createParser(reader)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new BadInputException(file + ":1: the file is empty");
            }
            ConfigNode root = read(file, p, t, "");
            if (p.nextToken() != null) {
                throw new BadInputException(file + ":" + line(p.currentLocation()) + ": only one YAML document is allowed");
            }
            return root;
        } catch (JsonProcessingException e) {
            int line = line(e.getLocation());
            String msg = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException y && y.getProblemMark() != null) {
                // SnakeYAML knows where the problem is; its message repeats the marks with carets
                line = y.getProblemMark().getLine() + 1;
                msg = (y.getContext() == null ? "" : y.getContext() + ": ") + y.getProblem();
            }
            throw new BadInputException(file + ":" + line + ": not valid YAML (" + msg.replaceAll("\\s+", " ").trim() + ")");
        }
    }

    private static ConfigNode read(String file, JsonParser p, JsonToken t, String path) throws IOException {
        int column = column(p.currentTokenLocation());
        ConfigNode node = node(file, p, t, path);
        node.column = column;
        return node;
    }

    private static ConfigNode node(String file, JsonParser p, JsonToken t, String path) throws IOException {
        int line = line(p.currentTokenLocation());
        switch (t) {
            case START_OBJECT: {
                MapNode m = new MapNode(file, line, path);
                JsonToken k;
                while ((k = p.nextToken()) != JsonToken.END_OBJECT) {
                    String key = p.currentName();
                    int keyLine = line(p.currentTokenLocation());
                    int keyColumn = column(p.currentTokenLocation());
                    String childPath = path.isEmpty() ? key : path + "." + key;
                    if (m.entries.containsKey(key)) {
                        throw new BadInputException(file + ":" + keyLine + ": " + childPath + ": given twice (first on line "
                                + m.keyLines.get(key) + ")");
                    }
                    ConfigNode child = read(file, p, p.nextToken(), childPath);
                    m.entries.put(key, child);
                    m.keyLines.put(key, keyLine);
                    m.keyColumns.put(key, keyColumn);
                }
                return m;
            }
            case START_ARRAY: {
                ListNode l = new ListNode(file, line, path);
                JsonToken v;
                int i = 0;
                while ((v = p.nextToken()) != JsonToken.END_ARRAY) {
                    l.items.add(read(file, p, v, path + "[" + i++ + "]"));
                }
                return l;
            }
            default:
                return new Scalar(file, line, path, p.getText(), t);
        }
    }

    static int column(JsonLocation at) {
        return at == null ? 0 : Math.max(at.getColumnNr(), 0);
    }

    static int line(JsonLocation at) {
        return at == null ? 0 : Math.max(at.getLineNr(), 0);
    }
}

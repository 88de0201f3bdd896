package io.benchledger.archive.analysis.budget;

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
 * A YAML value that knows where it was written (file, line, column), so the budget parser can name
 * the place of every error. The suite configuration hands its own tree over in this shape.
 */
public sealed interface YamlNode permits YamlNode.MapNode, YamlNode.ListNode, YamlNode.Scalar {
    Where where();

    /** A place in a file; {@code line} and {@code column} count from 1 (0: unknown). */
    record Where(String file, int line, int column) {
        public BadInputException error(String what) {
            return new BadInputException(this + ": " + what);
        }

        @Override
        public String toString() {
            return file + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "");
        }
    }

    /** A mapping, keys in file order, with where each key was written. */
    record MapNode(Where where, Map<String, YamlNode> entries, Map<String, Where> keys) implements YamlNode {
        public YamlNode get(String key) {
            return entries.get(key);
        }
    }

    record ListNode(Where where, List<YamlNode> items) implements YamlNode {
    }

    /** A scalar; {@code number} when YAML read it as a number, {@code isNull} for nothing (~ or empty). */
    record Scalar(Where where, String text, boolean number, boolean isNull) implements YamlNode {
    }

    /** Reads one YAML document. */
    static YamlNode read(String file, Reader reader) {
        try (JsonParser p = new YAMLFactory().createParser(reader)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return new ListNode(new Where(file, 1, 1), List.of());
            }
            return read(file, p, t);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            Where where = new Where(file, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr());
            String msg = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().split("\n")[0];
            if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException y && y.getProblemMark() != null) {
                // SnakeYAML knows where the problem is; its own message repeats the marks with carets
                where = new Where(file, y.getProblemMark().getLine() + 1, y.getProblemMark().getColumn() + 1);
                msg = (y.getContext() == null ? "" : y.getContext() + ": ") + y.getProblem();
            }
            throw new BadInputException(where + ": not valid YAML (" + msg.replaceAll("\\s+", " ").trim() + ")");
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    private static YamlNode read(String file, JsonParser p, JsonToken t) throws IOException {
        Where at = where(file, p.currentTokenLocation());
        switch (t) {
            case START_OBJECT: {
                Map<String, YamlNode> entries = new LinkedHashMap<>();
                Map<String, Where> keys = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    Where keyAt = where(file, p.currentTokenLocation());
                    if (entries.containsKey(key)) {
                        throw keyAt.error("'" + key + "' given twice (first at " + keys.get(key) + ")");
                    }
                    keys.put(key, keyAt);
                    entries.put(key, read(file, p, p.nextToken()));
                }
                return new MapNode(at, entries, keys);
            }
            case START_ARRAY: {
                List<YamlNode> items = new ArrayList<>();
                JsonToken v;
                while ((v = p.nextToken()) != JsonToken.END_ARRAY) {
                    items.add(read(file, p, v));
                }
                return new ListNode(at, items);
            }
            default:
                return new Scalar(at, p.getText(), t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT,
                        t == JsonToken.VALUE_NULL);
        }
    }

    private static Where where(String file, JsonLocation l) {
        return l == null ? new Where(file, 0, 0) : new Where(file, l.getLineNr(), l.getColumnNr());
    }
}

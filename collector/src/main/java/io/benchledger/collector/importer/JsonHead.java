package io.benchledger.collector.importer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What the first bytes of a JSON file show: whether it is an object or an array, the field names
 * of the top-level object, and the field names one to three levels further down. Detection by
 * content uses these; the head may end mid-document, so reading stops quietly at the first error.
 */
public record JsonHead(boolean json, boolean array, Set<String> topFields, Set<String> nestedFields) {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
    private static final int MAX_TOKENS = 20_000;

    public static JsonHead of(byte[] head) {
        int i = Bytes.firstContent(head);
        if (i >= head.length || (head[i] != '{' && head[i] != '[')) {
            return new JsonHead(false, false, Set.of(), Set.of());
        }
        boolean array = head[i] == '[';
        Set<String> top = new LinkedHashSet<>();
        Set<String> nested = new LinkedHashSet<>();
        try (JsonParser p = FACTORY.createParser(head, i, head.length - i)) {
            int depth = 0;
            int tokens = 0;
            JsonToken t;
            while ((t = p.nextToken()) != null && tokens++ < MAX_TOKENS) {
                switch (t) {
                    case START_OBJECT, START_ARRAY -> depth++;
                    case END_OBJECT, END_ARRAY -> depth--;
                    case FIELD_NAME -> {
                        if (depth == 1) {
                            top.add(p.currentName());
                        } else if (depth <= 4) {
                            nested.add(p.currentName());
                        }
                    }
                    default -> { }
                }
            }
        } catch (IOException | RuntimeException e) {
            // the head ends mid-document, or the document is broken: what was seen is the answer
        }
        return new JsonHead(true, array, top, nested);
    }
}

package io.benchledger.archive.query;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A query kept as a {@code .sql} resource named after the question it answers
 * ({@code /sql/case_series.sql}). Values reach it only as bound {@code ?} parameters.
 */
public final class SqlFile {
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private SqlFile() {
    }

    public static String load(String name) {
        return CACHE.computeIfAbsent(name, n -> {
            String path = "/sql/" + n + ".sql";
            try (InputStream in = SqlFile.class.getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalArgumentException("no SQL resource " + path);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}

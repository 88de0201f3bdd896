package io.benchledger.archive.model;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The stable identity of a benchmark case: benchmark name, canonical parameters (sorted by name),
 * mode and thread count, e.g. {@code com.acme.Bench.encrypt[size=1024]@thrpt/t4}.
 * The mode suffix is left out for harnesses without modes and the thread suffix for one thread,
 * so imported names stay readable.
 */
public final class CaseKey {
    private CaseKey() {
    }

    public static String of(String benchmark, Map<String, String> params, String mode, int threads) {
        StringBuilder sb = new StringBuilder(benchmark);
        SortedMap<String, String> sorted = new TreeMap<>(params);
        if (!sorted.isEmpty()) {
            sb.append('[');
            boolean first = true;
            for (Map.Entry<String, String> e : sorted.entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                sb.append(escape(e.getKey())).append('=').append(escape(e.getValue()));
            }
            sb.append(']');
        }
        if (mode != null && !mode.isEmpty() && !Mode.VALUE.equals(mode)) {
            sb.append('@').append(mode);
        }
        if (threads > 1) {
            sb.append("/t").append(threads);
        }
        return sb.toString();
    }

    /** Percent-encodes the characters that structure a key, so distinct params never collide. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' || c == ',' || c == '=' || c == '[' || c == ']') {
                sb.append('%').append(String.format("%02X", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}

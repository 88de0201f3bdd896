package io.benchledger.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A case as users type it on the command line: a glob ({@code *} any text, {@code ?} one character,
 * everything else literal) that selects a case when it matches the whole case key, or its benchmark
 * name with or without the parameters, or any dotted tail of those — so
 * {@code AesGcmBenchmark.encrypt} selects {@code io.acme.AesGcmBenchmark.encrypt[size=64]@thrpt}.
 */
public record CasePattern(String text, Pattern glob) {
    public static CasePattern of(String text) {
        StringBuilder re = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '*') {
                re.append(".*");
            } else if (c == '?') {
                re.append('.');
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return new CasePattern(text, Pattern.compile(re.toString()));
    }

    /** Whether the pattern selects the case with this key. */
    public boolean matches(String caseKey) {
        if (caseKey.equals(text)) {
            return true;
        }
        // where a typed name may start (the key's start or after a dot) and end (the key's end or
        // where the parameters, the mode or the thread count begin)
        List<Integer> starts = new ArrayList<>();
        List<Integer> ends = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < caseKey.length(); i++) {
            char c = caseKey.charAt(i);
            if (c == '.') {
                starts.add(i + 1);
            } else if (c == '[' || c == '@' || (c == '/' && caseKey.startsWith("/t", i))) {
                ends.add(i);
            }
        }
        ends.add(caseKey.length());
        for (int s : starts) {
            for (int e : ends) {
                if (s <= e && glob.matcher(caseKey.substring(s, e)).matches()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The keys selected: the one equal to the text when there is one, else every match, in order. */
    public List<String> select(List<String> keys) {
        if (keys.contains(text)) {
            return List.of(text);
        }
        return keys.stream().filter(this::matches).toList();
    }
}

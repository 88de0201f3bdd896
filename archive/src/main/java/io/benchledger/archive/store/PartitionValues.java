package io.benchledger.archive.store;

import io.benchledger.archive.BadInputException;

/**
 * Checks a project or version before it becomes a folder name ({@code project=<p>}). Values are
 * checked, not rewritten, so the folder says exactly what the user typed and every engine reading
 * Hive partitions (DuckDB, Spark, Trino) decodes the same value.
 */
public final class PartitionValues {
    private static final int MAX_LENGTH = 128;

    private PartitionValues() {
    }

    /** @throws BadInputException naming the field and the offending character */
    public static String check(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw new BadInputException(field + " must not be empty");
        }
        if (value.length() > MAX_LENGTH) {
            throw new BadInputException(field + " '" + abbreviate(value) + "' is longer than " + MAX_LENGTH + " characters");
        }
        if (value.equals(".") || value.equals("..") || value.contains("..")) {
            throw new BadInputException(field + " '" + value + "' must not contain '..'");
        }
        if (value.startsWith(".")) {
            throw new BadInputException(field + " '" + value + "' must not start with '.'");
        }
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            boolean ok = Character.isLetterOrDigit(cp) || cp == '.' || cp == '-' || cp == '_' || cp == '+' || cp == '~' || cp == '@';
            if (!ok) {
                String what = Character.isISOControl(cp) ? String.format("control character U+%04X", cp)
                        : cp == '/' || cp == '\\' ? "path separator '" + Character.toString(cp) + "'"
                        : "character '" + Character.toString(cp) + "'";
                throw new BadInputException(field + " '" + printable(value) + "' contains a " + what
                        + " (allowed: letters, digits and . - _ + ~ @)");
            }
            i += Character.charCount(cp);
        }
        return value;
    }

    private static String abbreviate(String s) {
        return printable(s.substring(0, 40)) + "…";
    }

    private static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(cp -> sb.append(Character.isISOControl(cp) ? String.format("\\u%04x", cp) : Character.toString(cp)));
        return sb.toString();
    }
}

package io.benchledger.collector.importer;

import io.benchledger.archive.BadInputException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/** Times as the harnesses write them, checked to lie where the archive can store them. */
public final class Timestamps {
    static final Instant MIN = Instant.parse("1970-01-01T00:00:00Z");
    static final Instant MAX = Instant.parse("9999-12-31T23:59:59Z");
    /** ISO-8601 date and time with 'T' or a space between, optional fraction, optional offset. */
    private static final DateTimeFormatter LENIENT = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2).optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter();

    private Timestamps() {
    }

    /** A parsed time and whether the text carried its zone. */
    public record Parsed(Instant instant, boolean zoned) {
    }

    /**
     * Parses {@code 2019-11-16T12:10:30+09:00}, {@code 2019-11-17T02:22:16.817862} or
     * {@code 2019-11-29 21:26:59}; a time without offset is taken as UTC.
     */
    public static Parsed parse(Json at) {
        String text = at.asText().trim();
        try {
            var parsed = LENIENT.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
            Instant instant;
            boolean zoned;
            if (parsed instanceof OffsetDateTime odt) {
                instant = odt.toInstant();
                zoned = true;
            } else {
                instant = ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
                zoned = false;
            }
            return new Parsed(checked(instant, at), zoned);
        } catch (java.time.DateTimeException e) {
            throw at.bad("expected a date and time such as 2024-05-01T12:00:00Z, found \"" + abbreviate(text) + "\"");
        }
    }

    /** Milliseconds since 1970 (github-action-benchmark's {@code date}). */
    public static Instant epochMillis(Json at) {
        long ms = at.asLong();
        if (ms < 0 || ms > MAX.toEpochMilli()) {
            throw at.bad("time " + ms + " ms since 1970 is out of range (1970 to 9999)");
        }
        return Instant.ofEpochMilli(ms);
    }

    public static Instant checked(Instant t, Json at) {
        if (t.isBefore(MIN) || t.isAfter(MAX)) {
            throw at.bad("time " + t + " is out of range (1970 to 9999)");
        }
        return t;
    }

    /** The {@code --time} flag. */
    public static Instant parseFlag(String text) {
        try {
            var parsed = LENIENT.parseBest(text.trim(), OffsetDateTime::from, LocalDateTime::from);
            Instant t = parsed instanceof OffsetDateTime odt ? odt.toInstant()
                    : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
            if (t.isBefore(MIN) || t.isAfter(MAX)) {
                throw new BadInputException("--time " + text + ": out of range (1970 to 9999)");
            }
            return t;
        } catch (java.time.DateTimeException e) {
            throw new BadInputException("--time '" + text + "': expected ISO-8601 such as 2024-05-01T12:00:00Z");
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}

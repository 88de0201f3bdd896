package io.benchledger.archive.analysis.compare;

/**
 * How large a regression or improvement is, by the levels our users' regression policies use
 * (defaults: minor beyond 10 %, major beyond 25 %, critical beyond 50 %; configurable).
 * {@code NONE} for a change below the minor level or no change at all.
 */
public enum Severity {
    NONE, MINOR, MAJOR, CRITICAL;

    public String json() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

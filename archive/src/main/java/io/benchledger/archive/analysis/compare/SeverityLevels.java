package io.benchledger.archive.analysis.compare;

/** The levels of {@link Severity}, as fractions: a change beyond {@code minor} is minor, and so on. */
public record SeverityLevels(double minor, double major, double critical) {
    public static final SeverityLevels DEFAULT = new SeverityLevels(0.10, 0.25, 0.50);

    public SeverityLevels {
        if (!(minor >= 0 && minor <= major && major <= critical)) {
            throw new IllegalArgumentException("severity levels must grow: minor <= major <= critical, got "
                    + minor + ", " + major + ", " + critical);
        }
    }

    /** The severity of a change of this relative size (strictly beyond a level reaches it). */
    public Severity of(double change) {
        double a = Math.abs(change);
        if (Double.isNaN(a)) {
            return Severity.NONE;
        }
        if (a > critical) {
            return Severity.CRITICAL;
        }
        if (a > major) {
            return Severity.MAJOR;
        }
        if (a > minor) {
            return Severity.MINOR;
        }
        return Severity.NONE;
    }
}

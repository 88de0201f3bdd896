package io.benchledger.archive.analysis.compare;

/** The limits of the tolerance bands, as fractions (0.05 is ±5 %). */
public record BandLimits(double acceptable, double warning, double critical) {
    public static final BandLimits DEFAULT = new BandLimits(0.05, 0.15, 0.30);

    public BandLimits {
        if (!(acceptable > 0 && acceptable <= warning && warning <= critical)) {
            throw new IllegalArgumentException("band limits must grow: acceptable <= warning <= critical, got "
                    + acceptable + ", " + warning + ", " + critical);
        }
    }

    /** The band of a relative change (a fraction; NaN falls outside every band). */
    public Band of(double change) {
        double a = Math.abs(change);
        if (a <= acceptable) {
            return Band.ACCEPTABLE;
        }
        if (a <= warning) {
            return Band.WARNING;
        }
        if (a <= critical) {
            return Band.CRITICAL;
        }
        return Band.OUTSIDE;
    }
}

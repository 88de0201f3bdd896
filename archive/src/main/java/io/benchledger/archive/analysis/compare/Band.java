package io.benchledger.archive.analysis.compare;

import java.util.Locale;

/**
 * Where a change falls among the tolerance bands of a regression policy, read as nested bands
 * around the baseline (defaults ±5 %, ±15 %, ±30 %; {@link BandLimits}): inside ±5 % is
 * {@code ACCEPTABLE}, inside ±15 % {@code WARNING}, inside ±30 % {@code CRITICAL}, and beyond the
 * outermost band {@code OUTSIDE}. Bands describe the size of the point estimate only; whether the
 * change is real is the verdict's business.
 */
public enum Band {
    ACCEPTABLE, WARNING, CRITICAL, OUTSIDE;

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}

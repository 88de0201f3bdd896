package io.benchledger.archive.analysis.budget;

import io.benchledger.archive.analysis.budget.Quantity.Dimension;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a budget limits. Each reads one metric of the matching cases and is a maximum or a minimum;
 * the dimensions list the units its value may be written in (a plain number is in the case's unit).
 */
public enum Criterion {
    MAX_MEAN("primary score (time per operation)", true, EnumSet.of(Dimension.TIME, Dimension.NUMBER)),
    MAX_P99("p99 of the per-operation latency (sample mode)", true, EnumSet.of(Dimension.TIME, Dimension.NUMBER)),
    MIN_THROUGHPUT("operations or bytes per second", false,
            EnumSet.of(Dimension.OP_RATE, Dimension.BYTE_RATE, Dimension.NUMBER)),
    MAX_ALLOCATION_PER_OP("bytes allocated per operation (gc.alloc.rate.norm)", true,
            EnumSet.of(Dimension.BYTES, Dimension.NUMBER)),
    MAX_RSS("peak resident memory of the measuring JVM (proc.rss.peak)", true, EnumSet.of(Dimension.BYTES, Dimension.NUMBER)),
    MAX_CPU("CPU used by the measuring JVM, in cores (proc.cpu.util; 150% = 1.5 cores)", true,
            EnumSet.of(Dimension.CORES, Dimension.FRACTION, Dimension.NUMBER)),
    MAX_REGRESSION("worsening of the primary score against the baseline", true,
            EnumSet.of(Dimension.FRACTION, Dimension.NUMBER)),
    MAX_RSS_REGRESSION("growth of the peak resident memory against the baseline", true,
            EnumSet.of(Dimension.FRACTION, Dimension.NUMBER)),
    MIN_PASS_RATE("share of the matching cases measured without failure", false,
            EnumSet.of(Dimension.FRACTION, Dimension.NUMBER)),
    /** A rate ({@code 900 req/s}) or a share of the case's target rate ({@code 95%}). */
    MIN_ACHIEVED_RATE("request rate achieved by a workload case (rate.achieved)", false,
            EnumSet.of(Dimension.OP_RATE, Dimension.FRACTION, Dimension.NUMBER));

    private final String description;
    private final boolean maximum;
    private final Set<Dimension> dimensions;

    Criterion(String description, boolean maximum, Set<Dimension> dimensions) {
        this.description = description;
        this.maximum = maximum;
        this.dimensions = dimensions;
    }

    /** The canonical name, snake_case: {@code max_p99}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The camelCase spelling also accepted: {@code maxP99}. */
    public String camel() {
        StringBuilder sb = new StringBuilder();
        boolean up = false;
        for (char c : key().toCharArray()) {
            if (c == '_') {
                up = true;
            } else {
                sb.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return sb.toString();
    }

    public String description() {
        return description;
    }

    /** True for an upper limit (the value must stay at or below it). */
    public boolean maximum() {
        return maximum;
    }

    public Set<Dimension> dimensions() {
        return dimensions;
    }

    /** A value that is a share: regressions and pass rates (5% or 0.05). */
    public boolean fractional() {
        return this == MAX_REGRESSION || this == MAX_RSS_REGRESSION || this == MIN_PASS_RATE;
    }

    /** A value that may be a share but is at most 100 % of what it is a share of. */
    public boolean share() {
        return this == MIN_PASS_RATE || this == MIN_ACHIEVED_RATE;
    }

    /** Against a baseline run. */
    public boolean relative() {
        return this == MAX_REGRESSION || this == MAX_RSS_REGRESSION;
    }

    /** The criterion named {@code name} in snake_case or camelCase. */
    public static Optional<Criterion> named(String name) {
        return Arrays.stream(values()).filter(c -> c.key().equals(name) || c.camel().equals(name)).findFirst();
    }
}

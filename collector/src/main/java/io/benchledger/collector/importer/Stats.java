package io.benchledger.collector.importer;

import io.benchledger.archive.model.Percentiles;
import io.benchledger.archive.stats.Centre;
import java.util.Optional;

/** The percentiles an importer derives from a harness's raw samples. */
public final class Stats {
    private Stats() {
    }

    /**
     * p0, p50, p90, p95, p99, p99.9 and p100 of the values by {@link Centre#quantile} (type 7, what
     * hyperfine and BenchmarkDotNet report); empty for none.
     */
    public static Optional<Percentiles> percentiles(double[] xs) {
        if (xs.length == 0) {
            return Optional.empty();
        }
        double[] q = {0, 0.5, 0.9, 0.95, 0.99, 0.999, 1};
        double[] v = new double[q.length];
        for (int i = 0; i < q.length; i++) {
            v[i] = Centre.quantile(xs, q[i]);
        }
        return Optional.of(new Percentiles(v[0], v[1], v[2], v[3], v[4], v[5], v[6]));
    }
}

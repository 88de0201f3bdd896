package io.benchledger.archive.analysis.compare;

import io.benchledger.archive.model.Mode;
import io.benchledger.archive.stats.ForkedSample;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Generated measurements shaped like nightly JMH output: per side {@code forks} × {@code iterations}
 * scores; each fork has its own offset (normal, sd {@code forkSd}, the JVM-to-JVM variation), each
 * iteration normal noise around it (CV {@code cv}), and a fraction {@code outlierRate} of the
 * iterations is 30 % too high (a GC pause or a noisy neighbour). A true change multiplies the
 * candidate's centre by (1 + change).
 */
public final class SyntheticCases {
    private final UniformRandomProvider rng;
    private final ZigguratSampler.NormalizedGaussian gauss;

    public SyntheticCases(long seed) {
        this.rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        this.gauss = ZigguratSampler.NormalizedGaussian.of(rng);
    }

    public record Design(int forks, int iterations) {
        @Override
        public String toString() {
            return forks + "×" + iterations;
        }
    }

    public ForkedSample side(double centre, Design d, double cv, double forkSd, double outlierRate) {
        double[][] v = new double[d.forks()][d.iterations()];
        for (int f = 0; f < d.forks(); f++) {
            double forkCentre = centre * (1 + forkSd * gauss.sample());
            for (int i = 0; i < d.iterations(); i++) {
                double x = forkCentre * (1 + cv * gauss.sample());
                if (rng.nextDouble() < outlierRate) {
                    x *= 1.30;
                }
                v[f][i] = x;
            }
        }
        return ForkedSample.of(v);
    }

    /** One case pair; the centre is spread over four decades so relative measures are exercised. */
    public CaseData[] pair(String name, double change, Design d, double cv, double forkSd, double outlierRate,
                           boolean higherIsBetter) {
        double centre = Math.pow(10, 4 * rng.nextDouble());
        String mode = higherIsBetter ? Mode.THROUGHPUT : Mode.AVERAGE_TIME;
        String unit = higherIsBetter ? "ops/s" : "ns/op";
        Map<String, String> params = new TreeMap<>();
        CaseData base = new CaseData(name, name, new TreeMap<>(params), mode, "primary", unit, higherIsBetter, "",
                side(centre, d, cv, forkSd, outlierRate));
        CaseData cand = new CaseData(name, name, new TreeMap<>(params), mode, "primary", unit, higherIsBetter, "",
                side(centre * (1 + change), d, cv, forkSd, outlierRate));
        return new CaseData[] {base, cand};
    }

    /** The calibration set of the brief: {@code n} cases, CV drawn in [cvLow, cvHigh], the first {@code changed} with ±change. */
    public List<CaseData[]> nightly(int n, int changed, double change, Design d, double cvLow, double cvHigh) {
        List<CaseData[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double cv = cvLow + (cvHigh - cvLow) * rng.nextDouble();
            double c = i < changed ? (i % 2 == 0 ? change : -change) : 0;
            out.add(pair(String.format("bench.Case%04d", i), c, d, cv, 0.01, 0.01, rng.nextBoolean()));
        }
        return out;
    }

    public boolean nextBoolean() {
        return rng.nextBoolean();
    }
}

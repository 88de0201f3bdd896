package io.benchledger.archive.analysis.experiment;

import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Measures by simulation how the whole A/B procedure behaves when the truth is known: fork means
 * with a given relative effect of B over A, log-normal noise of a given coefficient of variation,
 * and a random-walk machine drift shared by the two forks of a pair (what interleaving cancels).
 * The noise is estimated from a pilot of the first pairs and enlarged by
 * {@link ExperimentPlanner#noiseFactor}, as {@code benchledger ab} does; the pilot only plans, its pairs do not count in the test. (Counting them, an "internal pilot", raised the
 * false-positive rate to 0.07–0.08 at α = 0.05 in this simulation: a pilot that happens to
 * underestimate the noise both shortens the experiment and shrinks the test's variance estimate.)
 *
 * <p>{@code main} prints the table kept in docs/experiments.md; the unit test runs a smaller,
 * seeded version of the same simulation.
 */
public final class OperatingCharacteristics {

    /** One row: the procedure's behaviour at one true effect. */
    /**
     * @param meanPairs pairs run on average, the pilot's included
     * @param meanMaxPairs the planned maximum on average (pilot not included)
     */
    public record Point(double trueEffect, boolean earlyStopping, int repetitions, double rejectionRate,
                        double meanPairs, double meanMaxPairs, double stoppedEarlyShare, double coverage) {
    }

    /** The simulated setting and the experiment's settings. */
    public record Setting(double alpha, double power, double minimumEffect, double cv, double driftStep,
                          int pilotPairs, int looks, int maxPairsCap) {
    }

    private OperatingCharacteristics() {
    }

    public static Point simulate(Setting s, double trueEffect, int repetitions, long seed) {
        UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(seed);
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        int rejected = 0;
        long pairsUsed = 0;
        long maxPairs = 0;
        int early = 0;
        int covered = 0;
        double logEffect = Math.log1p(trueEffect);
        for (int r = 0; r < repetitions; r++) {
            double drift = 0;
            // the pilot: its pairs estimate σ of ln(B/A), and only that
            double[] d = new double[s.pilotPairs()];
            for (int i = 0; i < s.pilotPairs(); i++) {
                drift += s.driftStep() * gauss.sample();
                double[] p = pair(gauss, s.cv(), logEffect, drift);
                d[i] = Math.log(p[1] / p[0]);
            }
            double planningSd = sd(d) * ExperimentPlanner.noiseFactor(s.pilotPairs() - 1, s.alpha(), s.power());
            ExperimentPlan plan = ExperimentPlanner.plan(s.alpha(), s.power(), s.minimumEffect(), planningSd,
                    s.looks(), s.maxPairsCap(), false);
            SequentialExperiment e = new SequentialExperiment(plan, false);
            while (!e.decided()) {
                drift += s.driftStep() * gauss.sample();
                double[] p = pair(gauss, s.cv(), logEffect, drift);
                e.add(p[0], p[1]);
            }
            AbOutcome o = e.outcome().orElseThrow();
            if (o.significant()) {
                rejected++;
            }
            if (o.stoppedEarly()) {
                early++;
            }
            if (o.ciLow() <= trueEffect && trueEffect <= o.ciHigh()) {
                covered++;
            }
            pairsUsed += o.pairs() + s.pilotPairs();
            maxPairs += plan.maxPairs();
        }
        return new Point(trueEffect, s.looks() > 1, repetitions, (double) rejected / repetitions,
                (double) pairsUsed / repetitions, (double) maxPairs / repetitions, (double) early / repetitions,
                (double) covered / repetitions);
    }

    private static double[] pair(ZigguratSampler.NormalizedGaussian gauss, double cv, double logEffect, double drift) {
        double a = 100 * Math.exp(drift + cv * gauss.sample());
        double b = 100 * Math.exp(drift + logEffect + cv * gauss.sample());
        return new double[] {a, b};
    }

    static double sd(double[] x) {
        double m = 0;
        for (double v : x) {
            m += v;
        }
        m /= x.length;
        double ss = 0;
        for (double v : x) {
            ss += (v - m) * (v - m);
        }
        return Math.sqrt(ss / (x.length - 1));
    }

    /**
     * Prints the operating characteristics as a Markdown table. Arguments (all optional):
     * repetitions (default 4000), seed (default 20260101).
     */
    public static void main(String[] args) {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 4000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 20260101L;
        double[] effects = {0, 0.02, 0.05, 0.10};
        System.out.println("| true effect | early stopping | rejections | mean pairs run (pilot incl.) | mean planned max | stopped early | CI coverage |");
        System.out.println("|---:|:---|---:|---:|---:|---:|---:|");
        for (int looks : new int[] {5, 1}) {
            Setting s = new Setting(0.05, 0.8, 0.05, 0.05, 0.01, 5, looks, 1000);
            for (double effect : effects) {
                Point p = simulate(s, effect, reps, seed + Math.round(effect * 1000) + looks);
                System.out.println(String.format(Locale.ROOT, "| %.0f %% | %s | %.4f | %.1f | %.1f | %.3f | %.4f |",
                        effect * 100, looks > 1 ? "on (5 looks)" : "off", p.rejectionRate(), p.meanPairs(),
                        p.meanMaxPairs(), p.stoppedEarlyShare(), p.coverage()));
            }
        }
        System.out.println();
        System.out.println("repetitions per row: " + reps + ", seed " + seed
                + ", CV of a fork mean 5 %, drift step 1 % per pair, pilot 5 pairs, α 0.05, power 0.8, MDE 5 %");
    }
}

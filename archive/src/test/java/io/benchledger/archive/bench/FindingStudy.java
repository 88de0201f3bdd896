package io.benchledger.archive.bench;

import io.benchledger.archive.analysis.changepoint.DetectorSettings;
import io.benchledger.archive.analysis.changepoint.EDivisive;
import io.benchledger.archive.analysis.changepoint.SeriesDetector;
import io.benchledger.archive.analysis.changepoint.FindingScore;
import io.benchledger.archive.generate.GeneratorSettings;
import io.benchledger.archive.generate.HistoryGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The step-and-drift study of docs/change-points.md: the default detector on generated histories of
 * several families (steps, drifts, both, noise changes and outliers, weekly cycles and gaps, flat),
 * and on trends of 0.05–1 noise sd per run over 50–500 runs with and without a step inside, scored
 * with {@link FindingScore}. Everything is seeded. Run with {@code bench/changepoint-study.sh [scale] [seed]}
 * (scale 1 and seed 20000 are the tables of the docs; smaller scales are quicker and noisier; another
 * seed draws other histories of the same families: the families use seed … seed + 5, the trends
 * seed + 10000 onwards). {@code bench/changepoint-study.sh seeds [count] [first] [lengths] [step]} prints the
 * false steps of the step-free trend families over many seeds (20 from 60000, lengths 50,150 by default),
 * or with {@code step} those of the trend families with a step inside, and the steps found.
 */
public final class FindingStudy {
    private FindingStudy() {
    }

    /** One family of generated series. */
    public record Family(String name, GeneratorSettings settings, int margin) {
    }

    /** The families of the first table, with {@code series} cases each (noise 1–5 %). */
    public static List<Family> families(int series, long seed) {
        List<Family> out = new ArrayList<>();
        GeneratorSettings.Shapes plain = GeneratorSettings.Shapes.DEFAULT;
        GeneratorSettings.Shapes drifts = new GeneratorSettings.Shapes(1, 8, 50, 150, 0, 0, 1, 0);
        GeneratorSettings.Shapes driftsWithSteps = new GeneratorSettings.Shapes(1, 8, 50, 150, 0.5, 0, 1, 0);
        GeneratorSettings.Shapes weekly = new GeneratorSettings.Shapes(1, 2, 50, 150, 0, 0.5, 1.0, 0.05);
        // steps of at least 3 noise sd: sizes relative to a noise of 1–5 % (3 × 5 % = 15 %)
        out.add(new Family("steps (outliers, noise changes)", base(series, 300, seed, series * 2)
                .withSteps(0.15, 0.30).withDisturbances(0.003, 0, 0.05), 2));
        out.add(new Family("drifts (1–8 sd over 50–150 runs)", base(series, 300, seed + 1, 0)
                .withDisturbances(0.003, 1.0, 0.05).withShapes(drifts), 2));
        out.add(new Family("steps and drifts, half with a step inside", base(series, 300, seed + 2, series)
                .withSteps(0.15, 0.30).withDisturbances(0.003, 1.0, 0.05).withShapes(driftsWithSteps), 2));
        out.add(new Family("flat: noise changes and outliers", base(series, 200, seed + 3, 0)
                .withDisturbances(0.01, 0, 0.3), 2));
        out.add(new Family("flat: weekly cycles (1 sd) and gaps", base(series, 200, seed + 4, 0)
                .withDisturbances(0.003, 0, 0).withShapes(weekly), 2));
        out.add(new Family("flat", base(series, 200, seed + 5, 0).withDisturbances(0, 0, 0).withShapes(plain), 2));
        return out;
    }

    /** Trends: every case drifts by {@code slope} noise sd per run over {@code runs} runs, 100 flat runs around it. */
    public static Family trend(int series, double slope, int runs, boolean withStep, long seed) {
        GeneratorSettings.Shapes shape = new GeneratorSettings.Shapes(slope * runs, slope * runs, runs, runs,
                withStep ? 1 : 0, 0, 1, 0);
        // noise 2 %, less for the strongest trends so that none changes the level by more than 75 %
        // (a fall by more than all of it is not a benchmark); steps of 8–15 sd at that noise
        double noise = Math.max(0.0015, Math.min(0.02, 0.5 / (slope * runs)));
        GeneratorSettings s = base(series, runs + 100, seed, 0).withNoise(noise, noise)
                .withSteps(8 * noise, 15 * noise).withDisturbances(0.003, 1.0, 0).withShapes(shape);
        return new Family(String.format(Locale.ROOT, "trend %.2f sd/run × %d runs%s", slope, runs,
                withStep ? " + step of 8–15 sd" : ""), s, 5);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static GeneratorSettings base(int series, int runs, long seed, int steps) {
        return GeneratorSettings.of(series, runs, seed, steps).withSamples(1, 5);
    }

    /**
     * The trend families over many seeds: false steps per family (trends of 0.05–1 noise sd per run over
     * the given lengths, {@code series} each), and in how many of the seeds the family had any (without a
     * step inside, there the trivial "no change point" answer beats the detector's step F1); with
     * {@code withStep} the families with a step of 8–15 sd inside the trend, scored as in the main study
     * (margin 5), with the steps found.
     */
    static void seeds(int count, long first, int series, int[] lengths, boolean withStep) {
        DetectorSettings settings = DetectorSettings.DEFAULTS;
        System.out.printf(Locale.ROOT, "seeds %d–%d, %d series per family and seed%s%n%n", first, first + count - 1, series,
                withStep ? ", a step of 8–15 sd inside each trend" : "");
        System.out.println(withStep ? "| trend + step | series | steps | found | false steps | seeds with a false step |"
                : "| step-free trend | series | false steps | seeds with a false step | largest false step (noise sd) |");
        System.out.println(withStep ? "|---|---|---|---|---|---|" : "|---|---|---|---|---|");
        int total = 0;
        int families = 0;
        int bad = 0;
        int allSteps = 0;
        int allFound = 0;
        for (int runs : lengths) {
            for (double slope : new double[] {0.05, 0.1, 0.3, 0.6, 1.0}) {
                int falseSteps = 0;
                int seedsWith = 0;
                int steps = 0;
                int found = 0;
                double largest = 0;
                for (long seed = first; seed < first + count; seed++) {
                    Family f = trend(series, slope, runs, withStep, seed);
                    HistoryGenerator gen = new HistoryGenerator(f.settings());
                    int here = 0;
                    if (withStep) {
                        FindingScore.Counts c = FindingScore.score(gen, settings, f.margin(), 0);
                        here = c.falseSteps();
                        steps += c.steps();
                        found += c.stepsFound();
                    } else {
                        for (int c = 0; c < gen.caseKeys().size(); c++) {
                            SeriesDetector.Detection d = SeriesDetector.detect(gen.scores(c), settings);
                            for (EDivisive.Split cp : d.changePoints()) {
                                here++;
                                largest = Math.max(largest, Math.abs(cp.meanAfter() - cp.meanBefore()) / d.noise());
                            }
                        }
                    }
                    falseSteps += here;
                    seedsWith += here > 0 ? 1 : 0;
                }
                if (withStep) {
                    System.out.printf(Locale.ROOT, "| %.2f sd/run × %d runs + step | %d × %d | %d | %d | %d | %d of %d |%n", slope,
                            runs, count, series, steps, found, falseSteps, seedsWith, count);
                } else {
                    System.out.printf(Locale.ROOT, "| %.2f sd/run × %d runs | %d × %d | %d | %d of %d | %s |%n", slope, runs,
                            count, series, falseSteps, seedsWith, count,
                            falseSteps == 0 ? "–" : String.format(Locale.ROOT, "%.2f", largest));
                }
                total += falseSteps;
                families += count;
                bad += seedsWith;
                allSteps += steps;
                allFound += found;
            }
        }
        System.out.printf(Locale.ROOT, "%nall: %d false steps; %d of %d families (family × seed) with a false step%s%n", total,
                bad, families, withStep ? String.format(Locale.ROOT, "; %d of %d steps found", allFound, allSteps) : "");
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("seeds")) {
            // "step" last, after any of the others: seeds step, seeds 4 step, seeds 4 60000 50,150 step
            boolean withStep = args.length > 1 && args[args.length - 1].equals("step");
            int n = withStep ? args.length - 1 : args.length;
            int count = n > 1 ? Integer.parseInt(args[1]) : 20;
            long first = n > 2 ? Long.parseLong(args[2]) : 60_000;
            int[] lengths = n > 3 ? java.util.Arrays.stream(args[3].split(",")).mapToInt(Integer::parseInt).toArray()
                    : new int[] {50, 150};
            seeds(count, first, 40, lengths, withStep);
            return;
        }
        double scale = args.length > 0 ? Double.parseDouble(args[0]) : 1.0;
        long base = args.length > 1 ? Long.parseLong(args[1]) : 20_000;
        int series = Math.max(10, (int) Math.round(400 * scale));
        DetectorSettings settings = DetectorSettings.DEFAULTS;
        long t0 = System.nanoTime();
        System.out.printf(Locale.ROOT, "seed %d, scale %s%n%n", base, args.length > 0 ? args[0] : "1");
        System.out.println("| family | series × runs | steps | found | reported | false | precision | recall "
                + "| drifts (≥ 3 sd) | reported as drift | found once | false drifts | false steps per drift "
                + "| series with a false finding, per 100 |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (Family f : families(series, base)) {
            FindingScore.Counts c = FindingScore.score(new HistoryGenerator(f.settings()), settings, f.margin(), 3.0);
            // shares of nothing are n/a: a family without injected steps has no step precision or recall
            System.out.printf(Locale.ROOT, "| %s | %d × %d | %d | %d | %d | %d | %s | %s | %d | %s | %d | %d | %s | %.2f |%n",
                    f.name(), f.settings().benchmarks(), f.settings().runs(), c.steps(), c.stepsFound(), c.reportedSteps(),
                    c.falseSteps(), c.steps() == 0 ? "n/a" : fmt(c.precision()), c.steps() == 0 ? "n/a" : fmt(c.recall()),
                    c.bigDrifts(), c.bigDrifts() == 0 ? "n/a" : fmt(c.bigDriftRecall()), c.driftsFoundOnce(),
                    c.falseDrifts(), c.drifts() == 0 ? "n/a" : fmt(c.falseStepsPerDrift()), c.falseFindingsPerHundred());
        }
        System.out.println();
        int trendSeries = Math.max(5, (int) Math.round(40 * scale));
        System.out.println("| trend | series | reported once as a drift | false drifts | steps | found | false steps "
                + "| step F1 (margin 5) | F1 of \"no change point\" |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        long seed = base + 10_000;
        for (boolean withStep : new boolean[] {false, true}) {
            for (double slope : new double[] {0.05, 0.1, 0.3, 0.6, 1.0}) {
                for (int runs : new int[] {50, 150, 500}) {
                    Family f = trend(trendSeries, slope, runs, withStep, seed++);
                    FindingScore.Counts c = FindingScore.score(new HistoryGenerator(f.settings()), settings, 5, 0);
                    System.out.printf(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d | %.3f | %.3f |%n", f.name(),
                            c.series(), c.driftsFoundOnce(), c.falseDrifts(), c.steps(), c.stepsFound(), c.falseSteps(),
                            c.f1(), c.trivialF1());
                }
            }
        }
        System.out.printf(Locale.ROOT, "%n(%.1f s)%n", (System.nanoTime() - t0) / 1e9);
    }
}

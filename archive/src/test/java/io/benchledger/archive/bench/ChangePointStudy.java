package io.benchledger.archive.bench;

import io.benchledger.archive.analysis.changepoint.DetectionScore;
import io.benchledger.archive.analysis.changepoint.DetectorSettings;
import io.benchledger.archive.generate.HistoryGenerator;
import java.util.Locale;

/**
 * The detection study of docs/change-points.md: precision and recall of the default detector per
 * noise level on generated histories (steps of 2–20 %, outliers, drifts and noise changes), and false
 * change points on histories without any step. Run with
 * {@code java -cp <test classpath> io.benchledger.archive.bench.ChangePointStudy [series] [runs] [p,effect,h,t,segment]}.
 */
public final class ChangePointStudy {
    private ChangePointStudy() {
    }

    public static void main(String[] args) {
        int series = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        DetectorSettings settings = DetectorSettings.DEFAULTS;
        if (args.length > 2) {
            String[] p = args[2].split(",");
            settings = new DetectorSettings(settings.window(), Double.parseDouble(p[0]), settings.minMagnitude(),
                    Double.parseDouble(p[1]), Integer.parseInt(p[2]), Double.parseDouble(p[3]), Integer.parseInt(p[4]));
        }
        System.out.println("settings " + settings.key());
        System.out.println("| noise | series × runs | steps | detections | in drifts | false | precision | recall (all steps) | recall (≥ 3 sd) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (int noise = 1; noise <= 5; noise++) {
            HistoryGenerator gen = DetectionScore.generator(series, runs, 1000 + noise, series * 2, noise / 100.0,
                    0.003, 0.03, 0.03);
            DetectionScore.Counts c = DetectionScore.score(gen, settings, 3.0);
            System.out.printf(Locale.ROOT, "| %d %% | %d × %d | %d | %d | %d | %d | %.3f | %.3f | %.3f |%n", noise, series,
                    runs, c.steps(), c.detections(), c.driftDetections(), c.falsePositives(), c.precision(), c.recall(),
                    c.bigRecall());
        }
        System.out.println();
        System.out.println("Steps of at least 3 noise sd only (3σ … max(20 %, 3σ + 5 %)):");
        System.out.println();
        System.out.println("| noise | series × runs | steps | detections | in drifts | false | precision | recall |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (int noise = 1; noise <= 5; noise++) {
            double sd = noise / 100.0;
            HistoryGenerator gen = new HistoryGenerator(io.benchledger.archive.generate.GeneratorSettings
                    .of(series, runs, 3000 + noise, series * 2).withNoise(sd, sd)
                    .withSteps(3 * sd, Math.max(0.20, 3 * sd + 0.05)).withDisturbances(0.003, 0.03, 0.03));
            DetectionScore.Counts c = DetectionScore.score(gen, settings, 3.0);
            System.out.printf(Locale.ROOT, "| %d %% | %d × %d | %d | %d | %d | %d | %.3f | %.3f |%n", noise, series, runs,
                    c.steps(), c.detections(), c.driftDetections(), c.falsePositives(), c.precision(), c.recall());
        }
        System.out.println();
        System.out.println("| noise | series × runs (no step, no drift; outliers and noise changes) | false change points | per 100 series |");
        System.out.println("|---|---|---|---|");
        for (int noise = 1; noise <= 5; noise++) {
            HistoryGenerator gen = DetectionScore.generator(500, 200, 2000 + noise, 0, noise / 100.0, 0.003, 0, 0.03);
            DetectionScore.Counts c = DetectionScore.score(gen, settings, 3.0);
            System.out.printf(Locale.ROOT, "| %d %% | 500 × 200 | %d | %.2f |%n", noise, c.falsePositives(),
                    c.falsePerHundredSeries());
        }
    }
}

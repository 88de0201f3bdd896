package io.benchledger.archive.analysis.changepoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.benchledger.archive.generate.GeneratorSettings;
import io.benchledger.archive.generate.HistoryGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Detection quality of the default detector on seeded generated histories (a moderate sample of the
 * study in docs/change-points.md; {@code bench.ChangePointStudy} gives the full table). Histories
 * carry outliers, slow drifts and noise changes besides the steps.
 */
class DetectionQualityTest {

    @ParameterizedTest(name = "noise {0} %")
    @ValueSource(ints = {1, 3, 5})
    void stepsOfThreeNoiseSdAreFoundPrecisely(int noisePercent) {
        double sd = noisePercent / 100.0;
        HistoryGenerator gen = new HistoryGenerator(GeneratorSettings.of(60, 200, 700 + noisePercent, 90)
                .withNoise(sd, sd).withSteps(3 * sd, Math.max(0.20, 3 * sd + 0.05)).withDisturbances(0.003, 0.03, 0.03));
        DetectionScore.Counts c = DetectionScore.score(gen, DetectorSettings.DEFAULTS, 3.0);
        System.out.printf("noise %d %%: %s precision %.3f recall %.3f%n", noisePercent, c, c.precision(), c.recall());
        assertThat(c.steps()).isGreaterThan(60);
        assertThat(c.precision()).isGreaterThanOrEqualTo(0.95);
        assertThat(c.recall()).isGreaterThanOrEqualTo(0.9);
    }

    @ParameterizedTest(name = "noise {0} %")
    @ValueSource(ints = {1, 5})
    void seriesWithoutChangeGiveAtMostOneFalseChangePerHundred(int noisePercent) {
        double sd = noisePercent / 100.0;
        HistoryGenerator gen = new HistoryGenerator(GeneratorSettings.of(200, 200, 900 + noisePercent, 0)
                .withNoise(sd, sd).withDisturbances(0.003, 0, 0.03));
        DetectionScore.Counts c = DetectionScore.score(gen, DetectorSettings.DEFAULTS, 3.0);
        System.out.printf("no change, noise %d %%: %d false in %d series%n", noisePercent, c.falsePositives(), c.series());
        assertThat(c.falsePerHundredSeries()).isLessThanOrEqualTo(1.0);
    }
}

package io.benchledger.archive.analysis.changepoint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DetectorSettingsTest {

    /** The cache's key names every parameter: settings that differ in any one never share cached results. */
    @Test
    void theKeyChangesWithEveryParameter() {
        DetectorSettings d = DetectorSettings.DEFAULTS;
        java.util.List<DetectorSettings> others = java.util.List.of(
                new DetectorSettings(d.window() + 1, d.maxPValue(), d.minMagnitude(), d.minEffect(), d.outlierHalfWidth(), d.outlierThreshold(), d.minSegment()),
                new DetectorSettings(d.window(), d.maxPValue() / 2, d.minMagnitude(), d.minEffect(), d.outlierHalfWidth(), d.outlierThreshold(), d.minSegment()),
                new DetectorSettings(d.window(), d.maxPValue(), d.minMagnitude() * 2, d.minEffect(), d.outlierHalfWidth(), d.outlierThreshold(), d.minSegment()),
                new DetectorSettings(d.window(), d.maxPValue(), d.minMagnitude(), d.minEffect() + 1, d.outlierHalfWidth(), d.outlierThreshold(), d.minSegment()),
                new DetectorSettings(d.window(), d.maxPValue(), d.minMagnitude(), d.minEffect(), d.outlierHalfWidth() + 1, d.outlierThreshold(), d.minSegment()),
                new DetectorSettings(d.window(), d.maxPValue(), d.minMagnitude(), d.minEffect(), d.outlierHalfWidth(), d.outlierThreshold() + 1, d.minSegment()),
                new DetectorSettings(d.window(), d.maxPValue(), d.minMagnitude(), d.minEffect(), d.outlierHalfWidth(), d.outlierThreshold(), d.minSegment() + 1));
        assertThat(others).extracting(DetectorSettings::key).doesNotContain(d.key()).doesNotHaveDuplicates();
    }
}

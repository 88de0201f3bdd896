package io.benchledger.archive.analysis.changepoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.benchledger.archive.analysis.compare.ComparisonOptions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DriftAlertsTest {

    /** A drift of {@code change} on a case whose noise is {@code noise} of its level. */
    static Drift drift(String key, double change, double noise) {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        return new Drift(key, "b", "primary", 10, 59, "r10", "r59", "1.0", "1.1", "c1", "c2", t, t.plusSeconds(86_400 * 49),
                100, 100 * (1 + change), change, change / 49, change / 49, 1e-6, ChangePoint.REGRESSION, noise,
                Double.NaN, "", Double.NaN);
    }

    @Test
    void aDriftAlertsWhenItsChangePassesTheConfiguredOrTheLearnedThreshold() {
        ComparisonOptions o = ComparisonOptions.defaults("p").toBuilder().threshold(0.05)
                .caseThresholds(Map.of("noisy", 0.10)).build();
        List<Drift> judged = DriftAlerts.judge(List.of(
                drift("quiet", 0.04, 0.005),   // below 5 % configured: information
                drift("quiet", 0.06, 0.005),   // above: an alert
                drift("noisy", 0.08, 0.005),   // the case's own 10 %: information
                drift("loud", 0.08, 0.05)),    // learned 2 × 5 % = 10 % > 5 % configured: information
                o);
        assertThat(judged).extracting(Drift::alert).containsExactly(false, true, false, false);
        assertThat(judged).extracting(Drift::threshold).containsExactly(0.05, 0.05, 0.10, 0.10);
        assertThat(judged).extracting(Drift::thresholdSource)
                .containsExactly("configured", "configured", "configured", "learned");
    }

    @Test
    void anAcknowledgedDriftAlertsAgainOnlyWhenItMovedByTheThresholdSinceItsAcknowledgement() {
        Drift d = DriftAlerts.judge(drift("c", -0.12, 0.005), 0.05);
        assertThat(d.alert()).isTrue();
        assertThat(d.withAcknowledgedChange(-0.10).alert()).isFalse(); // 2 % more since: still accepted
        assertThat(d.withAcknowledgedChange(-0.06).alert()).isTrue();   // 6 % more since: an alert again
        assertThat(d.withAcknowledgedChange(-0.10).acknowledged()).isTrue();
        assertThat(d.acknowledged()).isFalse();
    }
}

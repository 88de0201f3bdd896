package io.benchledger.archive.analysis.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ComparisonOptionsTest {

    @Test
    void optionsPrintTheSameInEveryProcess() {
        // Set.of's iteration order depends on a per-JVM salt; the site's comparison fingerprints print the options
        assertThat(ComparisonOptions.defaults("p").gatedMetrics()).containsExactly("gc.alloc.rate.norm", "primary");
        assertThat(ComparisonOptions.builder("p").build().toString())
                .contains("gatedMetrics=[gc.alloc.rate.norm, primary]");
        assertThat(Set.copyOf(ComparisonOptions.defaults("p").gatedMetrics()))
                .isEqualTo(ComparisonOptions.DEFAULT_GATED_METRICS);
    }
}

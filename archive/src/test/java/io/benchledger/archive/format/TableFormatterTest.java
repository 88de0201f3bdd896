package io.benchledger.archive.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TableFormatterTest {
    /** One format for p- and q-values in every command's text: three significant digits. */
    @Test
    void probabilitiesKeepThreeSignificantDigits() {
        assertThat(TableFormatter.probability(0.03124)).isEqualTo("0.031");
        assertThat(TableFormatter.probability(0.001)).isEqualTo("0.001");
        assertThat(TableFormatter.probability(0.000999)).isEqualTo("<0.001");
        assertThat(TableFormatter.probability(4.8712e-29)).isEqualTo("<0.001");
        assertThat(TableFormatter.probability(1)).isEqualTo("1.000");
        assertThat(TableFormatter.probability(Double.NaN)).isEqualTo("n/a");
    }
}

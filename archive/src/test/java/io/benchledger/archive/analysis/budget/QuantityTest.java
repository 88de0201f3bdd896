package io.benchledger.archive.analysis.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.benchledger.archive.analysis.budget.Quantity.Dimension;
import org.junit.jupiter.api.Test;

class QuantityTest {
    private static double in(String q, String unit) {
        return Quantity.parse(q).in(unit).orElseThrow();
    }

    @Test
    void timesConvertToTheCasesTimeUnit() {
        assertThat(in("200us", "ns/op")).isCloseTo(200_000, within(1e-6));
        assertThat(in("1.5ms", "us/op")).isCloseTo(1500, within(1e-9));
        assertThat(in("1.5 ms", "s/op")).isCloseTo(0.0015, within(1e-15));
        assertThat(in("2µs", "us/op")).isCloseTo(2, within(1e-12));
        assertThat(in("1min", "s/op")).isEqualTo(60.0);
    }

    @Test
    void sizesAreDecimalUnlessBinary() {
        assertThat(in("64MB", "B")).isEqualTo(64e6);
        assertThat(in("64MiB", "B")).isEqualTo(64.0 * 1024 * 1024);
        assertThat(in("1KiB", "B/op")).isEqualTo(1024.0);
        assertThat(in("2kB", "B/op")).isEqualTo(2000.0);
    }

    @Test
    void ratesConvertAcrossTimeUnits() {
        assertThat(in("100MB/s", "B/s")).isEqualTo(1e8);
        assertThat(in("100MB/s", "MB/s")).isCloseTo(100, within(1e-9));
        assertThat(in("10k ops/s", "ops/ms")).isCloseTo(10, within(1e-12));
        assertThat(in("10k ops/s", "ops/s")).isEqualTo(10_000.0);
        assertThat(in("2M ops/s", "ops/us")).isCloseTo(2, within(1e-12));
        assertThat(in("5000 ops/ms", "ops/s")).isEqualTo(5e6);
    }

    @Test
    void percentagesCoresAndPlainNumbers() {
        assertThat(Quantity.parse("5%").value()).isCloseTo(0.05, within(1e-15));
        assertThat(Quantity.parse("5%").dimension()).isEqualTo(Dimension.FRACTION);
        assertThat(in("1.5 cores", "cores")).isEqualTo(1.5);
        assertThat(Quantity.parse("250").dimension()).isEqualTo(Dimension.NUMBER);
        assertThat(in("250", "whatever/op")).as("a plain number is in the case's unit").isEqualTo(250.0);
    }

    @Test
    void incompatibleUnitsDoNotConvert() {
        assertThat(Quantity.parse("200us").in("ops/s")).isEmpty();
        assertThat(Quantity.parse("100MB/s").in("ops/s")).isEmpty();
        assertThat(Quantity.parse("64MB").in("us/op")).isEmpty();
        assertThat(Quantity.parse("5%").in("B")).isEmpty();
    }

    @Test
    void badTextSaysWhatWasExpected() {
        assertThatThrownBy(() -> Quantity.parse("fast")).hasMessageContaining("expected a number with an optional unit");
        assertThatThrownBy(() -> Quantity.parse("-3ms")).hasMessageContaining("got '-3ms'");
        assertThatThrownBy(() -> Quantity.parse("3 parsecs")).hasMessageContaining("unknown unit 'parsecs'");
        assertThatThrownBy(() -> Quantity.parse("3kMB")).hasMessageContaining("unknown unit 'kMB'");
    }
}

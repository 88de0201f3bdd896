package io.benchledger.site.chart;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ColumnsTest {

    private static String r(double d, int digits) {
        StringBuilder sb = new StringBuilder();
        Columns.append(sb, d, digits);
        return sb.toString();
    }

    @Test
    void valuesAreRoundedToSignificantDigitsInPlainNotation() {
        assertThat(r(1234.5678, 6)).isEqualTo("1234.57");
        assertThat(r(0.000123456789, 6)).isEqualTo("0.000123457");
        assertThat(r(98765432.1, 6)).isEqualTo("98765400");
        assertThat(r(-2.5, 6)).isEqualTo("-2.5");
        assertThat(r(999999.7, 6)).isEqualTo("1000000");
        assertThat(r(0.1 + 0.2, 6)).isEqualTo("0.3");
        assertThat(r(100, 6)).isEqualTo("100");
        assertThat(r(0, 6)).isEqualTo("0");
        assertThat(r(1.23456789e-12, 4)).isEqualTo("0.000000000001235");
        assertThat(r(Double.NaN, 6)).isEqualTo("null");
        assertThat(r(Double.POSITIVE_INFINITY, 6)).isEqualTo("null");
    }

    @Test
    void roundedValuesAreWithinHalfAUnitOfTheLastDigit() {
        java.util.Random rnd = new java.util.Random(7);
        for (int i = 0; i < 10_000; i++) {
            double d = Math.exp(rnd.nextGaussian() * 10);
            double back = Double.parseDouble(r(d, 6));
            assertThat(Math.abs(back - d) / d).isLessThanOrEqualTo(5.0001e-6);
        }
    }

    @Test
    void indexesAreWrittenAsDifferences() {
        assertThat(Columns.deltas(new int[] {5, 6, 7, 10}).rawValue()).isEqualTo("[5,1,1,3]");
        assertThat(Columns.deltas(new long[] {1_700_000_000_000L, 1_700_086_400_000L}).rawValue())
                .isEqualTo("[1700000000000,86400000]");
        assertThat(Columns.rounded(new double[] {1.5, Double.NaN}, 3).rawValue()).isEqualTo("[1.5,null]");
    }
}

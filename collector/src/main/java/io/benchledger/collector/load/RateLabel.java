package io.benchledger.collector.load;

import java.math.BigDecimal;

/** A rate as the text of a case parameter: 2000, not 2000.0; 0.5 stays 0.5. */
final class RateLabel {
    private RateLabel() {
    }

    static String of(double rate) {
        return BigDecimal.valueOf(rate).stripTrailingZeros().toPlainString();
    }
}

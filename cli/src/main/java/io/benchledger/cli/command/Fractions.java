package io.benchledger.cli.command;

import io.benchledger.archive.BadInputException;
import java.util.Locale;

/** Reads a fraction the way people write it: {@code 0.02}, {@code 2%} and {@code 2 %} are the same. */
final class Fractions {
    private Fractions() {
    }

    static double parse(String option, String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        boolean percent = t.endsWith("%");
        if (percent) {
            t = t.substring(0, t.length() - 1).strip();
        }
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new BadInputException(option + ": expected a fraction such as 0.02 or a percentage such as 2%, got '" + text + "'");
        }
        if (!Double.isFinite(v) || v < 0) {
            throw new BadInputException(option + ": expected a value >= 0, got '" + text + "'");
        }
        return percent ? v / 100 : v;
    }

    static double[] three(String option, String text) {
        String[] parts = text.split(",");
        if (parts.length != 3) {
            throw new BadInputException(option + ": expected three comma-separated levels such as 10%,25%,50%, got '" + text + "'");
        }
        return new double[] {parse(option, parts[0]), parse(option, parts[1]), parse(option, parts[2])};
    }
}

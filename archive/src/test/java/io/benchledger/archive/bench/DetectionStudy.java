package io.benchledger.archive.bench;

import io.benchledger.archive.analysis.compare.CaseComparison;
import io.benchledger.archive.analysis.compare.CaseData;
import io.benchledger.archive.analysis.compare.Comparison;
import io.benchledger.archive.analysis.compare.ComparisonOptions;
import io.benchledger.archive.analysis.compare.SyntheticCases;
import io.benchledger.archive.analysis.compare.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The calibration study and the detection-rate table of docs/statistics.md, on generated data
 * shaped like nightly JMH output ({@link SyntheticCases}: fork offsets with sd 1 %, normal
 * iteration noise, 1 % of iterations 30 % high), through the comparison engine with its defaults.
 *
 * <pre>
 * java -cp archive/target/classes:archive/target/test-classes:$(cat cp.txt) \
 *     io.benchledger.archive.bench.DetectionStudy calibration [repetitions]
 * java -cp … io.benchledger.archive.bench.DetectionStudy table [repetitions]
 * </pre>
 * <ul>
 *   <li>{@code calibration}: 5 forks × 10 iterations, CV drawn in 1–3 % per case; per repetition
 *       500 cases without change (share marked changed) and 500 cases of which 100 changed by ±5 %
 *       (share found, in the right direction, and false alarms among the other 400).</li>
 *   <li>{@code table}: for each noise CV (1, 2, 3, 5 %) and design (forks × iterations: 3×5, 5×5,
 *       5×10, 10×10), the smallest change (on a 0.5 % grid) that is found in at least 90 % of the
 *       changed cases, in comparisons of 200 cases of which 40 changed (half up, half down).</li>
 * </ul>
 * Everything is seeded: the same command prints the same numbers.
 */
public final class DetectionStudy {
    private DetectionStudy() {
    }

    public static void main(String[] args) {
        String what = args.length > 0 ? args[0] : "calibration";
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        if (what.equals("table")) {
            table(reps);
        } else {
            calibration(reps);
        }
    }

    static final ComparisonOptions OPTIONS = ComparisonOptions.defaults("study");

    static void calibration(int reps) {
        SyntheticCases.Design d = new SyntheticCases.Design(5, 10);
        System.out.println("| repetition | null: marked changed of 500 | ±5 %: found of 100 | wrong direction | false alarms of 400 |");
        System.out.println("|---|---|---|---|---|");
        int nullMarked = 0;
        int found = 0;
        int wrong = 0;
        int alarms = 0;
        int minFound = Integer.MAX_VALUE;
        int maxNull = 0;
        for (int r = 0; r < reps; r++) {
            List<CaseComparison> none = Comparison.compare(new SyntheticCases(1000 + r).nightly(500, 0, 0, d, 0.01, 0.03), OPTIONS);
            int n = (int) none.stream().filter(DetectionStudy::marked).count();
            List<CaseComparison> some = Comparison.compare(new SyntheticCases(2000 + r).nightly(500, 100, 0.05, d, 0.01, 0.03), OPTIONS);
            int f = 0;
            int w = 0;
            int a = 0;
            for (CaseComparison c : some) {
                int index = Integer.parseInt(c.caseKey().substring("bench.Case".length()));
                if (!marked(c)) {
                    continue;
                }
                if (index < 100) {
                    f++;
                    boolean up = index % 2 == 0;
                    if ((c.change() > 0) != up || (c.verdict() == Verdict.IMPROVED) != (up == c.higherIsBetter())) {
                        w++;
                    }
                } else {
                    a++;
                }
            }
            System.out.printf(Locale.ROOT, "| %d | %d | %d | %d | %d |%n", r + 1, n, f, w, a);
            nullMarked += n;
            found += f;
            wrong += w;
            alarms += a;
            minFound = Math.min(minFound, f);
            maxNull = Math.max(maxNull, n);
        }
        System.out.printf(Locale.ROOT, "%nover %d repetitions: no change -> %.2f %% marked changed (worst %d of 500); "
                        + "±5 %% -> %.1f %% found (worst %d of 100), %d in the wrong direction, %.2f %% false alarms%n",
                reps, 100.0 * nullMarked / (500.0 * reps), maxNull, 100.0 * found / (100.0 * reps), minFound, wrong,
                100.0 * alarms / (400.0 * reps));
    }

    static boolean marked(CaseComparison c) {
        return c.verdict() == Verdict.IMPROVED || c.verdict() == Verdict.REGRESSED;
    }

    static void table(int reps) {
        double[] cvs = {0.01, 0.02, 0.03, 0.05};
        SyntheticCases.Design[] designs = {new SyntheticCases.Design(3, 5), new SyntheticCases.Design(5, 5),
                new SyntheticCases.Design(5, 10), new SyntheticCases.Design(10, 10)};
        StringBuilder header = new StringBuilder("| noise CV |");
        StringBuilder rule = new StringBuilder("|---|");
        for (SyntheticCases.Design d : designs) {
            header.append(' ').append(d.forks()).append(" forks × ").append(d.iterations()).append(" iterations |");
            rule.append("---|");
        }
        System.out.println(header);
        System.out.println(rule);
        for (double cv : cvs) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %.0f %% |", cv * 100));
            for (SyntheticCases.Design d : designs) {
                row.append(' ').append(smallestFound(cv, d, reps)).append(" |");
                System.err.println("done " + cv + " " + d);
            }
            System.out.println(row);
        }
    }

    /** Bisection on a 0.5 % grid (1 … 80 steps): detection grows with the change. */
    static String smallestFound(double cv, SyntheticCases.Design d, int reps) {
        int lo = 0; // grid step known to be below 90 % (0 %: nothing to find)
        int hi = 80; // 40 %
        if (rate(cv, d, hi * 0.005, reps) < 0.90) {
            return "> 40 %";
        }
        while (hi - lo > 1) {
            int mid = (lo + hi) / 2;
            if (rate(cv, d, mid * 0.005, reps) >= 0.90) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return String.format(Locale.ROOT, "%.1f %%", hi * 0.5);
    }

    static double rate(double cv, SyntheticCases.Design d, double change, int reps) {
        int found = 0;
        int changed = 0;
        for (int r = 0; r < reps; r++) {
            SyntheticCases gen = new SyntheticCases(31L * r + Math.round(cv * 1000) * 7919 + d.forks() * 104729L + d.iterations());
            List<CaseData[]> cases = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                double c = i < 40 ? (i % 2 == 0 ? change : -change) : 0;
                cases.add(gen.pair(String.format("bench.Case%04d", i), c, d, cv, 0.01, 0.01, gen.nextBoolean()));
            }
            for (CaseComparison c : Comparison.compare(cases, OPTIONS)) {
                int index = Integer.parseInt(c.caseKey().substring("bench.Case".length()));
                if (index < 40) {
                    changed++;
                    boolean up = index % 2 == 0;
                    if (marked(c) && (c.change() > 0) == up) {
                        found++;
                    }
                }
            }
        }
        return (double) found / changed;
    }
}

package io.benchledger.site.model;

import io.benchledger.archive.analysis.compare.CaseComparison;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

/**
 * A comparison as a page shows it: the comparison engine's rows (tests, intervals, verdicts). A {@code kept}
 * comparison is one whose page an earlier generation wrote from the same runs: it has no rows here,
 * only their number ({@code caseCount}), and its page is left as it is.
 */
public record ComparisonView(String name, String title, RunSelection baseline, RunSelection candidate,
                             List<Row> rows, int caseCount, boolean kept) {

    /** The metric name of a case's primary score. */
    public static final String PRIMARY = "primary";

    /**
     * One case and metric compared ({@code metric} is {@value #PRIMARY} for the score, else the
     * secondary metric's name, such as gc.alloc.rate.norm); NaN where the comparison gave no value.
     * The centres are what {@code change} is computed from (change = candidate ÷ baseline − 1): the
     * comparison's centre statistic (the 10 % trimmed mean by default).
     * {@code regressionType} (mean, tail, both, none) and the p99's change and
     * verdict (NaN and empty but for a sample-mode case) say whether the tail moved. {@code threshold}
     * is the noise threshold the case was judged with, {@code thresholdSource} configured or learned.
     */
    public record Row(String caseKey, String benchmark, SortedMap<String, String> params, String metric, String unit,
                      boolean higherIsBetter, double baselineCentre, double candidateCentre, double change,
                      double ciLow, double ciHigh, double pValue, double qValue, String verdict, String severity,
                      long baselineSamples, long candidateSamples, String regressionType, double tailChange,
                      String tailVerdict, double threshold, String thresholdSource) {
        public boolean hasTail() {
            return !tailVerdict.isEmpty();
        }

        /** Whether this row is of the case's primary score (else of a secondary metric such as gc.alloc.rate.norm). */
        public boolean primary() {
            return PRIMARY.equals(metric);
        }
    }

    public static ComparisonView of(String name, String title, RunSelection baseline, RunSelection candidate,
                                        SiteComparison cases) {
        List<Row> rows = new ArrayList<>();
        for (SiteComparison.Tested t : cases.cases()) {
            CaseComparison c = t.comparison();
            rows.add(new Row(c.caseKey(), c.benchmark(), c.params(), c.metric(), c.unit(), c.higherIsBetter(), c.baselineCentre(),
                    c.candidateCentre(), c.change(), c.ciLow(), c.ciHigh(), c.pValue(), c.qValue(), c.verdict().json(),
                    c.severity().json(), c.baselineSamples(), c.candidateSamples(), t.type().json(),
                    t.p99().map(p -> p.change()).orElse(Double.NaN), t.p99().map(p -> p.verdict().json()).orElse(""),
                    c.threshold(), c.basis().thresholdSource()));
        }
        rows.sort(java.util.Comparator.comparing(Row::benchmark).thenComparing(Row::caseKey)
                .thenComparing((Row r) -> !r.primary()).thenComparing(Row::metric));
        return new ComparisonView(name, title, baseline, candidate, rows, rows.size(), false);
    }

    /** A comparison whose page is kept from an earlier generation. */
    public static ComparisonView kept(String name, String title, RunSelection baseline, RunSelection candidate,
                                      int caseCount) {
        return new ComparisonView(name, title, baseline, candidate, List.of(), caseCount, true);
    }

    /** Whether any case had its tail compared (a sample-mode case). */
    public boolean hasTails() {
        return rows.stream().anyMatch(Row::hasTail);
    }

    /** Cases whose tail regressed, alone ({@code tail}) or with the centre ({@code both}). */
    public long tailRegressions() {
        return rows.stream().filter(r -> r.regressionType().equals("tail") || r.regressionType().equals("both")).count();
    }

    public long count(String verdict) {
        return rows.stream().filter(r -> r.verdict().equals(verdict)).count();
    }
}

package io.benchledger.archive.analysis.compare;

import io.benchledger.archive.analysis.AnalysisRuns;
import io.benchledger.archive.model.Result;
import io.benchledger.archive.query.ArchiveDatabase;
import io.benchledger.archive.query.SqlFile;
import io.benchledger.archive.stats.BenjaminiHochberg;
import io.benchledger.archive.stats.ForkedSample;
import io.benchledger.archive.stats.GeometricMean;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The version comparison engine: loads both sides' samples with DuckDB, compares every case and
 * metric present on both sides ({@link CaseAnalysis}), corrects the p-values across all of them
 * (Benjamini–Hochberg) and decides the verdicts.
 */
public final class Comparison {
    private Comparison() {
    }

    /** Resolves both sides in the archive and compares them. */
    public static ComparisonReport run(ArchiveDatabase db, Side baseline, Side candidate, ComparisonOptions options)
            throws SQLException {
        ResolvedSide[] sides = SideResolver.of(db, options.project(), options.suite()).resolve(baseline, candidate);
        return run(db, sides[0], sides[1], options);
    }

    /** Compares two sides already resolved to runs. */
    public static ComparisonReport run(ArchiveDatabase db, ResolvedSide baseline, ResolvedSide candidate,
                                       ComparisonOptions options) throws SQLException {
        AnalysisRuns.count(AnalysisRuns.Engine.COMPARISON);
        if (baseline.side().kind() == Side.Kind.RECENT) {
            return HistoryComparison.run(db, baseline, candidate, options);
        }
        Map<String, CaseData> base = load(db, baseline.runIds(), options);
        Map<String, CaseData> cand = load(db, candidate.runIds(), options);
        List<CaseData[]> pairs = new ArrayList<>();
        List<String> onlyBase = new ArrayList<>();
        List<String> onlyCand = new ArrayList<>();
        for (Map.Entry<String, CaseData> e : base.entrySet()) {
            CaseData c = cand.get(e.getKey());
            if (c == null) {
                onlyBase.add(e.getKey());
            } else {
                pairs.add(new CaseData[] {e.getValue(), c});
            }
        }
        for (String k : cand.keySet()) {
            if (!base.containsKey(k)) {
                onlyCand.add(k);
            }
        }
        List<CaseComparison> cases = compare(pairs, options);
        Side.Kind k = baseline.side().kind();
        if (k == Side.Kind.PREVIOUS || k == Side.Kind.LAST_RELEASE) {
            // judging one new run against a run or two: without forks, the run-to-run noise is unknown
            cases = HistoryComparison.withoutRunToRunEvidence(cases, baseline.runIds().size(), options);
        }
        return new ComparisonReport(baseline, candidate, options, cases, summarise(cases, onlyBase, onlyCand),
                TailAnalysis.compare(db, baseline.runIds(), candidate.runIds(), cases, options));
    }

    /**
     * Compares pairs of (baseline, candidate) data in memory: the whole engine without an archive.
     * Returns the cases sorted for reading (see {@link ComparisonReport}).
     */
    public static List<CaseComparison> compare(List<CaseData[]> pairs, ComparisonOptions options) {
        int n = pairs.size();
        CaseComparison[] partial = new CaseComparison[n];
        // cases are independent and each has its own seed: the result is the same in any order
        java.util.stream.IntStream.range(0, n).parallel()
                .forEach(i -> partial[i] = CaseAnalysis.compare(pairs.get(i)[0], pairs.get(i)[1], options));
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = partial[i].verdict() == Verdict.FAILED ? Double.NaN : partial[i].pValue();
        }
        double[] q = BenjaminiHochberg.adjust(p);
        List<CaseComparison> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            CaseComparison cc = partial[i];
            out.add(CaseAnalysis.decide(cc, q[i], options, CaseAnalysis.units(pairs.get(i)[0].sample(), cc.testUnit(), options),
                    CaseAnalysis.units(pairs.get(i)[1].sample(), cc.testUnit(), options)));
        }
        out.sort(READING_ORDER);
        return out;
    }

    /** Failed first, then regressions and improvements by severity and size, then the rest. */
    public static final Comparator<CaseComparison> READING_ORDER = Comparator
            .comparingInt((CaseComparison c) -> switch (c.verdict()) {
                case FAILED -> 0;
                case REGRESSED -> 1;
                case IMPROVED -> 2;
                case INCONCLUSIVE -> 3;
                case UNCHANGED -> 4;
            })
            .thenComparing(CaseComparison::severity, Comparator.reverseOrder())
            .thenComparing(c -> Double.isNaN(c.change()) ? 0 : -Math.abs(c.change()))
            .thenComparing(CaseComparison::caseKey)
            .thenComparing(CaseComparison::metric);

    static ComparisonSummary summarise(List<CaseComparison> cases, List<String> onlyBase, List<String> onlyCand) {
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        List<Double> ratios = new ArrayList<>();
        List<Double> speedups = new ArrayList<>();
        for (CaseComparison c : cases) {
            counts.merge(c.verdict(), 1, Integer::sum);
            if (c.verdict() != Verdict.FAILED && Result.PRIMARY.equals(c.metric())) {
                double r = c.ratio();
                if (r > 0 && Double.isFinite(r)) {
                    ratios.add(r);
                    speedups.add(c.higherIsBetter() ? r : 1 / r);
                }
            }
        }
        return new ComparisonSummary(counts,
                GeometricMean.of(ratios.stream().mapToDouble(Double::doubleValue).toArray()),
                GeometricMean.of(speedups.stream().mapToDouble(Double::doubleValue).toArray()), onlyBase, onlyCand);
    }

    /** Every case × metric of these runs that passes the filters, keyed "case_key|metric". */
    static Map<String, CaseData> load(ArchiveDatabase db, List<String> runIds, ComparisonOptions o) throws SQLException {
        Map<String, CaseData> out = new LinkedHashMap<>();
        try (PreparedStatement ps = db.connection().prepareStatement(SqlFile.load("compare_samples"))) {
            Array ids = db.connection().createArrayOf("VARCHAR", runIds.toArray());
            ps.setArray(1, ids);
            db.bindVersions(ps, 2, runIds);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (wanted(o, rs.getString(2), rs.getString(3))) {
                        CaseData d = caseData(rs, 0);
                        out.put(d.caseKey() + "|" + d.metric(), d);
                    }
                }
            }
        }
        return out;
    }

    /** Whether the options' metric and benchmark filters keep this case. */
    static boolean wanted(ComparisonOptions o, String metric, String benchmark) {
        return (o.metric().isEmpty() || o.metric().equals(metric))
                && (o.benchmark().isEmpty() || o.benchmark().get().matcher(benchmark).find());
    }

    /**
     * One case of a row of {@code compare_samples.sql} (offset 0) or {@code run_case_samples.sql} (offset 1:
     * the run id comes first): case_key, metric, benchmark, params, mode, unit, higher_is_better, failure,
     * values, weights, fork_sizes.
     */
    static CaseData caseData(ResultSet rs, int offset) throws SQLException {
        double[] values = doubles(rs.getArray(offset + 9));
        double[] weights = doubles(rs.getArray(offset + 10));
        Object[] sizes = (Object[]) rs.getArray(offset + 11).getArray();
        double[][] v = new double[sizes.length][];
        double[][] w = new double[sizes.length][];
        for (int f = 0, at = 0; f < sizes.length; f++) {
            int n = ((Number) sizes[f]).intValue();
            v[f] = Arrays.copyOfRange(values, at, at + n);
            w[f] = Arrays.copyOfRange(weights, at, at + n);
            at += n;
        }
        return new CaseData(rs.getString(offset + 1), rs.getString(offset + 3), params(rs.getObject(offset + 4)),
                rs.getString(offset + 5), rs.getString(offset + 2), rs.getString(offset + 6), rs.getBoolean(offset + 7),
                rs.getString(offset + 8), new ForkedSample(v, w));
    }

    static double[] doubles(Array list) throws SQLException {
        Object[] boxed = (Object[]) list.getArray();
        double[] out = new double[boxed.length];
        for (int i = 0; i < boxed.length; i++) {
            out[i] = ((Number) boxed[i]).doubleValue();
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static SortedMap<String, String> params(Object v) {
        SortedMap<String, String> out = new TreeMap<>();
        if (v instanceof Map<?, ?> m) {
            m.forEach((k, val) -> out.put(String.valueOf(k), String.valueOf(val)));
        }
        return out;
    }
}

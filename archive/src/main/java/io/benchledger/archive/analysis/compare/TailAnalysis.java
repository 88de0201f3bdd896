package io.benchledger.archive.analysis.compare;

import io.benchledger.archive.model.Mode;
import io.benchledger.archive.model.Result;
import io.benchledger.archive.query.ArchiveDatabase;
import io.benchledger.archive.query.SqlFile;
import io.benchledger.archive.stats.HierarchicalBootstrap;
import io.benchledger.archive.stats.TailBootstrap;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Tail comparisons of the sample-mode cases of a comparison: p99 always, p99.9 when both sides
 * timed enough operations for it ({@link TailComparison#minOperations}). The buckets of every
 * iteration come from the archive ({@code compare_tail_histograms.sql}).
 */
public final class TailAnalysis {
    /** The quantiles compared, in order. */
    public static final double[] QUANTILES = {0.99, 0.999};

    private TailAnalysis() {
    }

    /** Tails per case key, for the primary sample-mode cases among {@code cases}. */
    public static Map<String, List<TailComparison>> compare(ArchiveDatabase db, List<String> baselineRuns,
                                                            List<String> candidateRuns, List<CaseComparison> cases,
                                                            ComparisonOptions o) throws SQLException {
        Map<String, CaseComparison> sampled = new LinkedHashMap<>();
        for (CaseComparison c : cases) {
            if (Result.PRIMARY.equals(c.metric()) && Mode.SAMPLE_TIME.equals(c.mode()) && c.verdict() != Verdict.FAILED) {
                sampled.put(c.caseKey(), c);
            }
        }
        if (sampled.isEmpty()) {
            return Map.of();
        }
        Map<String, TailBootstrap.Histograms> base = load(db, baselineRuns, sampled.keySet());
        Map<String, TailBootstrap.Histograms> cand = load(db, candidateRuns, sampled.keySet());
        Map<String, List<TailComparison>> out = new TreeMap<>();
        List<String> keys = new ArrayList<>(sampled.keySet());
        // cases are independent and seeded by their key: the same answer in any order
        Map<String, List<TailComparison>> computed = keys.parallelStream()
                .filter(k -> base.containsKey(k) && cand.containsKey(k))
                .collect(Collectors.toMap(k -> k, k -> compare(sampled.get(k), base.get(k), cand.get(k), o)));
        out.putAll(computed);
        return out;
    }

    /** p99, and p99.9 when both sides have enough operations for it. */
    static List<TailComparison> compare(CaseComparison c, TailBootstrap.Histograms b, TailBootstrap.Histograms k,
                                        ComparisonOptions o) {
        List<TailComparison> out = new ArrayList<>();
        for (int i = 0; i < QUANTILES.length; i++) {
            double q = QUANTILES[i];
            boolean enough = b.operations() >= TailComparison.minOperations(q) && k.operations() >= TailComparison.minOperations(q);
            if (i > 0 && !enough) {
                break;
            }
            out.add(compare(c.caseKey(), c.higherIsBetter(), c.threshold(), q, b, k, o));
        }
        return out;
    }

    /** One quantile of one case; see {@link TailComparison} for the verdict's rules. */
    public static TailComparison compare(String caseKey, boolean higherIsBetter, double caseThreshold, double q,
                                         TailBootstrap.Histograms b, TailBootstrap.Histograms k, ComparisonOptions o) {
        double threshold = TailComparison.thresholdFor(Double.isNaN(caseThreshold) ? o.threshold() : caseThreshold);
        double rank = q * 100;
        double qb = b.quantile(rank);
        double qk = k.quantile(rank);
        double change = qk / qb - 1;
        long need = TailComparison.minOperations(q);
        if (b.operations() < need || k.operations() < need) {
            return new TailComparison(caseKey, q, qb, qk, change, Double.NaN, Double.NaN, threshold, Verdict.INCONCLUSIVE,
                    b.operations(), k.operations(), "needs " + need + " operations per side for " + TailComparison.label(q));
        }
        if (b.iterations() < 2 || k.iterations() < 2) {
            return new TailComparison(caseKey, q, qb, qk, change, Double.NaN, Double.NaN, threshold, Verdict.INCONCLUSIVE,
                    b.operations(), k.operations(), "needs 2 iterations per side");
        }
        // the tail of one JVM says little of the next one's (JIT decisions, GC timing): the bootstrap
        // resamples forks, so with fewer than minForks on a side it would call a fork's luck a change
        if (b.forks() < o.minForks() || k.forks() < o.minForks()) {
            return new TailComparison(caseKey, q, qb, qk, change, Double.NaN, Double.NaN, threshold, Verdict.INCONCLUSIVE,
                    b.operations(), k.operations(), "needs " + o.minForks() + " forks per side for a " + TailComparison.label(q)
                            + " verdict (" + b.forks() + " and " + k.forks() + ")");
        }
        long seed = o.seed() ^ CaseAnalysis.caseSeed(caseKey, TailComparison.label(q));
        HierarchicalBootstrap.Interval ci = TailBootstrap.relativeChange(b, k, rank, o.replicates(), o.confidence(), seed);
        Verdict v;
        if (Double.isNaN(ci.low())) {
            v = Verdict.INCONCLUSIVE;
        } else if (ci.low() > threshold || ci.high() < -threshold) {
            boolean worse = higherIsBetter ? change < 0 : change > 0;
            v = worse ? Verdict.REGRESSED : Verdict.IMPROVED;
        } else if (ci.low() >= -threshold && ci.high() <= threshold) {
            v = Verdict.UNCHANGED;
        } else {
            v = Verdict.INCONCLUSIVE;
        }
        String note = v == Verdict.INCONCLUSIVE ? "interval crosses ±" + Math.round(threshold * 1000) / 10.0 + " %" : "";
        return new TailComparison(caseKey, q, qb, qk, change, ci.low(), ci.high(), threshold, v, b.operations(),
                k.operations(), note);
    }

    private static Map<String, TailBootstrap.Histograms> load(ArchiveDatabase db, List<String> runIds, Set<String> keys)
            throws SQLException {
        // case → fork (run, fork) → iterations, each {values, counts}
        Map<String, Map<String, List<double[][]>>> grouped = new LinkedHashMap<>();
        try (PreparedStatement ps = db.connection().prepareStatement(SqlFile.load("compare_tail_histograms"))) {
            Array ids = db.connection().createArrayOf("VARCHAR", runIds.toArray());
            ps.setArray(1, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String key = rs.getString(1);
                    if (!keys.contains(key)) {
                        continue;
                    }
                    String fork = rs.getString(2) + "/" + rs.getInt(3);
                    grouped.computeIfAbsent(key, x -> new LinkedHashMap<>()).computeIfAbsent(fork, x -> new ArrayList<>())
                            .add(new double[][] {Comparison.doubles(rs.getArray(5)), Comparison.doubles(rs.getArray(6))});
                }
            }
        }
        Map<String, TailBootstrap.Histograms> out = new LinkedHashMap<>();
        grouped.forEach((key, forks) -> {
            double[][][] v = new double[forks.size()][][];
            double[][][] c = new double[forks.size()][][];
            int f = 0;
            for (List<double[][]> its : forks.values()) {
                v[f] = new double[its.size()][];
                c[f] = new double[its.size()][];
                for (int i = 0; i < its.size(); i++) {
                    v[f][i] = its.get(i)[0];
                    c[f][i] = its.get(i)[1];
                }
                f++;
            }
            out.put(key, new TailBootstrap.Histograms(v, c));
        });
        return out;
    }
}

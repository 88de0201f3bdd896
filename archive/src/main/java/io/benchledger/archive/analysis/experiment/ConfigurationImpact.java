package io.benchledger.archive.analysis.experiment;

import io.benchledger.archive.stats.BenjaminiHochberg;
import io.benchledger.archive.stats.Centre;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.TTest;

/**
 * Which of several configurations (GC × heap, JDKs, flags) is best, per case and overall.
 *
 * <p>Per case, each configuration's centre is the geometric mean of its fork means. The pairwise
 * matrix holds the relative difference row ÷ column − 1 and a Welch t test on ln(fork mean)
 * (forks are independent JVMs), with the Benjamini–Hochberg correction across the matrix's pairs.
 * "How sure": the probability of being best is the share of bootstrap replicates (forks resampled
 * with replacement within each configuration, seeded) in which that configuration has the best
 * centre. Overall, every case's scores become ratios to that case's best (oriented so that 1 is
 * best and 1.10 is 10 % worse) and configurations are ranked by the geometric mean of their ratios.
 */
public final class ConfigurationImpact {
    private static final int BOOTSTRAP = 2000;

    private ConfigurationImpact() {
    }

    /** One configuration's standing on one case. */
    public record Standing(String variant, int rank, double centre, double ratioToBest, double probabilityBest,
                           int forks) {
    }

    /** Row ÷ column − 1 with its corrected significance. */
    public record PairwiseDifference(String row, String column, double difference, double pValue, double qValue,
                                     boolean significant) {
    }

    public record CaseImpact(String caseKey, boolean higherIsBetter, List<Standing> ranking,
                             List<PairwiseDifference> matrix, String best, double marginToSecond,
                             double probabilityBest) {
    }

    /** Overall: the geometric mean of ratios to the best, per configuration, best first. */
    public record OverallStanding(String variant, int rank, double geometricMeanRatio, int casesBest) {
    }

    public record Report(List<CaseImpact> cases, List<OverallStanding> overall) {
    }

    /**
     * @param forkMeans per case, per configuration (in a stable order), the fork means
     * @param higherIsBetter per case, the direction
     */
    public static Report analyse(Map<String, Map<String, List<Double>>> forkMeans, Map<String, Boolean> higherIsBetter,
                                 double alpha, long seed) {
        List<CaseImpact> cases = new ArrayList<>();
        Map<String, List<Double>> ratios = new LinkedHashMap<>();
        Map<String, Integer> bestCount = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, List<Double>>> c : forkMeans.entrySet()) {
            boolean higher = higherIsBetter.getOrDefault(c.getKey(), true);
            CaseImpact ci = analyseCase(c.getKey(), c.getValue(), higher, alpha, seed);
            if (ci.ranking().isEmpty()) {
                continue;
            }
            cases.add(ci);
            for (Standing s : ci.ranking()) {
                ratios.computeIfAbsent(s.variant(), k -> new ArrayList<>()).add(s.ratioToBest());
                bestCount.merge(s.variant(), s.rank() == 1 ? 1 : 0, Integer::sum);
            }
        }
        List<OverallStanding> overall = new ArrayList<>();
        for (Map.Entry<String, List<Double>> e : ratios.entrySet()) {
            double logSum = 0;
            for (double r : e.getValue()) {
                logSum += Math.log(r);
            }
            overall.add(new OverallStanding(e.getKey(), 0, Math.exp(logSum / e.getValue().size()),
                    bestCount.getOrDefault(e.getKey(), 0)));
        }
        overall.sort(Comparator.comparingDouble(OverallStanding::geometricMeanRatio));
        List<OverallStanding> ranked = new ArrayList<>();
        for (int i = 0; i < overall.size(); i++) {
            OverallStanding o = overall.get(i);
            ranked.add(new OverallStanding(o.variant(), i + 1, o.geometricMeanRatio(), o.casesBest()));
        }
        return new Report(cases, ranked);
    }

    static CaseImpact analyseCase(String caseKey, Map<String, List<Double>> byVariant, boolean higher, double alpha,
                                  long seed) {
        Map<String, double[]> logs = new LinkedHashMap<>();
        for (Map.Entry<String, List<Double>> e : byVariant.entrySet()) {
            double[] l = e.getValue().stream().filter(x -> x > 0).mapToDouble(Math::log).toArray();
            if (l.length > 0) {
                logs.put(e.getKey(), l);
            }
        }
        if (logs.size() < 2) {
            return new CaseImpact(caseKey, higher, List.of(), List.of(), "", Double.NaN, Double.NaN);
        }
        List<String> names = new ArrayList<>(logs.keySet());
        double[] centre = new double[names.size()];
        for (int i = 0; i < names.size(); i++) {
            centre[i] = Centre.mean(logs.get(names.get(i)));
        }
        double[] pBest = probabilityBest(names, logs, higher, seed ^ caseKey.hashCode());
        Integer[] order = new Integer[names.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // best first: highest centre when higher is better, lowest otherwise
        java.util.Arrays.sort(order, Comparator.comparingDouble(i -> higher ? -centre[i] : centre[i]));
        double bestLog = centre[order[0]];
        List<Standing> ranking = new ArrayList<>();
        for (int r = 0; r < order.length; r++) {
            int i = order[r];
            // ratio to best ≥ 1: how many times worse than the best
            double ratio = Math.exp(higher ? bestLog - centre[i] : centre[i] - bestLog);
            ranking.add(new Standing(names.get(i), r + 1, Math.exp(centre[i]), ratio, pBest[i],
                    logs.get(names.get(i)).length));
        }
        List<PairwiseDifference> raw = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            for (int j = 0; j < names.size(); j++) {
                if (i == j) {
                    continue;
                }
                double p = welchP(logs.get(names.get(i)), logs.get(names.get(j)));
                raw.add(new PairwiseDifference(names.get(i), names.get(j), Math.exp(centre[i] - centre[j]) - 1, p,
                        Double.NaN, false));
            }
        }
        List<PairwiseDifference> matrix = withQValues(raw, alpha);
        double margin = ranking.size() > 1 ? ranking.get(1).ratioToBest() - 1 : Double.NaN;
        return new CaseImpact(caseKey, higher, ranking, matrix, ranking.get(0).variant(), margin,
                ranking.get(0).probabilityBest());
    }

    /** Welch's t test on the log fork means; NaN when either side has fewer than two forks. */
    static double welchP(double[] x, double[] y) {
        if (x.length < 2 || y.length < 2) {
            return Double.NaN;
        }
        // one value or all equal on both sides: no spread, so the test has nothing to go on
        if (!(Centre.variance(x) > 0) && !(Centre.variance(y) > 0)) {
            return Centre.mean(x) == Centre.mean(y) ? 1 : 0;
        }
        return TTest.withDefaults().with(AlternativeHypothesis.TWO_SIDED).test(x, y).getPValue();
    }

    /** Benjamini–Hochberg ({@link BenjaminiHochberg}) over the distinct unordered pairs; significant when q ≤ α. */
    static List<PairwiseDifference> withQValues(List<PairwiseDifference> raw, double alpha) {
        // one test per unordered pair: row/column and column/row share it
        Map<String, Integer> index = new LinkedHashMap<>();
        List<Double> ps = new ArrayList<>();
        for (PairwiseDifference d : raw) {
            String key = pairKey(d);
            if (!index.containsKey(key)) {
                index.put(key, ps.size());
                ps.add(d.pValue());
            }
        }
        double[] q = BenjaminiHochberg.adjust(ps.stream().mapToDouble(Double::doubleValue).toArray());
        List<PairwiseDifference> out = new ArrayList<>();
        for (PairwiseDifference d : raw) {
            double qv = q[index.get(pairKey(d))];
            out.add(new PairwiseDifference(d.row(), d.column(), d.difference(), d.pValue(), qv, qv <= alpha));
        }
        return out;
    }

    private static String pairKey(PairwiseDifference d) {
        return d.row().compareTo(d.column()) < 0 ? d.row() + "\u0000" + d.column() : d.column() + "\u0000" + d.row();
    }

    private static double[] probabilityBest(List<String> names, Map<String, double[]> logs, boolean higher, long seed) {
        UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(seed);
        double[] wins = new double[names.size()];
        for (int b = 0; b < BOOTSTRAP; b++) {
            int best = -1;
            double bestValue = 0;
            for (int i = 0; i < names.size(); i++) {
                double[] x = logs.get(names.get(i));
                double s = 0;
                for (int k = 0; k < x.length; k++) {
                    s += x[rng.nextInt(x.length)];
                }
                double m = s / x.length;
                if (best < 0 || (higher ? m > bestValue : m < bestValue)) {
                    best = i;
                    bestValue = m;
                }
            }
            wins[best]++;
        }
        for (int i = 0; i < wins.length; i++) {
            wins[i] /= BOOTSTRAP;
        }
        return wins;
    }
}

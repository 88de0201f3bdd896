package io.benchledger.archive.analysis.compare;

import io.benchledger.archive.analysis.changepoint.DetectorSettings;
import io.benchledger.archive.analysis.changepoint.DriftDetector;
import io.benchledger.archive.analysis.changepoint.EDivisive;
import io.benchledger.archive.analysis.changepoint.SeriesDetector;
import io.benchledger.archive.query.ArchiveDatabase;
import io.benchledger.archive.query.SqlFile;
import io.benchledger.archive.stats.BenjaminiHochberg;
import io.benchledger.archive.stats.ForkedSample;
import io.benchledger.archive.stats.RunToRunPrediction;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The candidate run against its recent history ({@code recent[:N]}): runs → forks → iterations.
 * Each history run gives the case one level; their spread is the case's run-to-run noise, and the
 * candidate is judged by whether its level lies outside what they predict, given its own fork-aware
 * uncertainty ({@link RunToRunPrediction}; docs/statistics.md, "The history model").
 *
 * <p>Per case:
 * <ol>
 *   <li>history runs measured with other JMH settings than the candidate's, or that failed, are left out;</li>
 *   <li>the history starts after its last change point (E-Divisive over the run levels, as for
 *       {@code changes}; an acknowledged change is a change too), so an accepted step does not make every
 *       later run look changed; or after its last drift that ended, with {@value #MIN_RUNS} runs since;</li>
 *   <li>with at least {@value #MIN_RUNS} runs left: the prediction test, a learned threshold
 *       max(configured, {@value #K} × run-to-run σ), Benjamini–Hochberg across cases;</li>
 *   <li>with fewer, however many forks the candidate has: {@code inconclusive}, "run-to-run noise
 *       unknown: 2 comparable runs, needs 5".</li>
 * </ol>
 */
public final class HistoryComparison {
    /** Fewest history runs whose spread is taken as the case's run-to-run noise. */
    public static final int MIN_RUNS = 5;
    /** A learned threshold is this many run-to-run standard deviations (relative to the level). */
    public static final double K = 2.0;

    private HistoryComparison() {
    }

    /**
     * One case's evidence: its history runs, oldest first (same settings as the candidate, failures
     * included: they are left out here), their ids, and the candidate.
     */
    public record CaseHistory(List<CaseData> runs, List<String> runIds, CaseData candidate) {
        public CaseHistory {
            runs = List.copyOf(runs);
            runIds = List.copyOf(runIds);
        }
    }

    static ComparisonReport run(ArchiveDatabase db, ResolvedSide baseline, ResolvedSide candidate,
                                ComparisonOptions o) throws SQLException {
        Map<String, List<RunCase>> cand = load(db, candidate.runIds(), o, null);
        // the history's samples of the candidate's cases only: a night that measured 200 of 2,000
        // cases reads 20 runs × 200 cases, not 20 runs × 2,000
        java.util.Set<String> caseKeys = new java.util.TreeSet<>();
        cand.values().forEach(runs -> caseKeys.add(runs.get(0).data().caseKey()));
        Map<String, List<RunCase>> hist = load(db, baseline.runIds(), o, caseKeys);
        List<CaseHistory> inputs = new ArrayList<>();
        List<String> onlyBase = new ArrayList<>();
        List<String> onlyCand = new ArrayList<>();
        for (Map.Entry<String, List<RunCase>> e : cand.entrySet()) {
            List<RunCase> c = e.getValue();
            String settings = c.get(0).settings();
            List<RunCase> h = hist.getOrDefault(e.getKey(), List.of()).stream()
                    .filter(r -> r.settings().equals(settings)).toList();
            if (h.isEmpty()) {
                onlyCand.add(e.getKey());
                continue;
            }
            inputs.add(new CaseHistory(h.stream().map(RunCase::data).toList(), h.stream().map(RunCase::runId).toList(),
                    pool(c.stream().map(RunCase::data).toList())));
        }
        for (String k : keys(db, baseline.runIds(), o)) {
            if (!cand.containsKey(k)) {
                onlyBase.add(k);
            }
        }
        List<CaseComparison> cases = compare(inputs, o);
        return new ComparisonReport(baseline, candidate, o, cases, Comparison.summarise(cases, onlyBase, onlyCand),
                TailAnalysis.compare(db, baseline.runIds(), candidate.runIds(), cases, o));
    }

    /** The whole model in memory: every case judged, q-values across them, sorted for reading. */
    public static List<CaseComparison> compare(List<CaseHistory> inputs, ComparisonOptions o) {
        int n = inputs.size();
        Judged[] partial = new Judged[n];
        java.util.stream.IntStream.range(0, n).parallel().forEach(i -> partial[i] = judge(inputs.get(i), o));
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            CaseComparison cc = partial[i].cc();
            p[i] = cc.verdict() == Verdict.FAILED || partial[i].reason() != null ? Double.NaN : cc.pValue();
        }
        double[] q = BenjaminiHochberg.adjust(p);
        List<CaseComparison> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(decide(partial[i], q[i], o));
        }
        out.sort(Comparison.READING_ORDER);
        return out;
    }

    /**
     * The rule for sides without run structure (two versions, a single previous run): a candidate of
     * fewer than {@code minForks} forks against fewer than {@value #MIN_RUNS} baseline runs cannot
     * know the run-to-run noise, so it is {@code inconclusive}, never a change.
     */
    static List<CaseComparison> withoutRunToRunEvidence(List<CaseComparison> cases, int baselineRuns, ComparisonOptions o) {
        List<CaseComparison> out = new ArrayList<>(cases.size());
        for (CaseComparison c : cases) {
            CaseComparison cc = c.withBasis(c.basis().withRuns(baselineRuns));
            if (cc.verdict() != Verdict.FAILED && cc.candidateForks() < o.minForks() && baselineRuns < MIN_RUNS) {
                cc = cc.withDecision(cc.qValue(), Verdict.INCONCLUSIVE, Severity.NONE, cc.samplesNeeded())
                        .withBasis(cc.basis().withRuns(baselineRuns).withReason(unknownNoise(baselineRuns, "")));
            }
            out.add(cc);
        }
        out.sort(Comparison.READING_ORDER);
        return out;
    }

    static String unknownNoise(int runs, String since) {
        return "run-to-run noise unknown: " + runs + " comparable run" + (runs == 1 ? "" : "s") + since + ", needs "
                + MIN_RUNS;
    }

    /** A case before the q-values: its comparison, and how it is to be decided. */
    private record Judged(CaseComparison cc, boolean history, String reason, double[] baseUnits, double[] candUnits) {
    }

    private static Judged judge(CaseHistory h, ComparisonOptions o) {
        CaseData cand = h.candidate();
        List<CaseData> ok = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < h.runs().size(); i++) {
            CaseData r = h.runs().get(i);
            if (!r.failed() && r.sample().size() > 0) {
                ok.add(r);
                ids.add(h.runIds().get(i));
            }
        }
        if (cand.failed() || ok.isEmpty()) {
            CaseData base = ok.isEmpty() ? h.runs().get(h.runs().size() - 1) : pool(ok);
            CaseComparison cc = CaseAnalysis.compare(base, cand, o);
            return new Judged(cc.withBasis(cc.basis().withRuns(ok.size())), false, null, new double[0], new double[0]);
        }
        double[] levels = ok.stream().mapToDouble(r -> o.centre().of(r.sample())).toArray();
        int from = lastChangePoint(levels);
        String since = from > 0 ? " since the change point at run " + ids.get(from) : "";
        List<CaseData> used = ok.subList(from, ok.size());
        double[] lv = java.util.Arrays.copyOfRange(levels, from, levels.length);
        int n = used.size();
        CaseData pooled = pool(used);
        if (n < MIN_RUNS) {
            CaseComparison cc = CaseAnalysis.compare(pooled, cand, o);
            VerdictBasis b = cc.basis().withRuns(n);
            b = new VerdictBasis(b.model(), n, ids.get(from), b.runToRun(), b.thresholdSource(), "", b.gated(), b.difference());
            // however many forks the candidate has, its forks share one machine state: judged against
            // fewer than MIN_RUNS runs, a night whose machine was busier reads as a regression
            return new Judged(cc.withBasis(b), false, unknownNoise(n, since), new double[0], new double[0]);
        }
        double[] se = used.stream().mapToDouble(r -> RunToRunPrediction.withinRunSe(r.sample(), o.centre())).toArray();
        double candLevel = o.centre().of(cand.sample());
        RunToRunPrediction pr = RunToRunPrediction.of(lv, se, candLevel,
                RunToRunPrediction.withinRunSe(cand.sample(), o.centre()), o.confidence());
        double m = pr.level();
        boolean zero = m == 0;
        double relative = zero ? Double.NaN : pr.runSd() / Math.abs(m);
        double configured = o.thresholdFor(cand.caseKey());
        double learned = Double.isFinite(relative) ? K * relative : 0;
        double threshold = Math.max(configured, learned);
        String source = learned > configured ? VerdictBasis.LEARNED : VerdictBasis.CONFIGURED;
        double change = zero ? Double.NaN : candLevel / m - 1;
        double low = zero ? Double.NaN : pr.low() / m - 1;
        double high = zero ? Double.NaN : pr.high() / m - 1;
        if (m < 0) { // a negative level turns the ratio around: keep low below high
            double t = low;
            low = high;
            high = t;
        }
        ForkedSample b = pooled.sample();
        ForkedSample c = cand.sample();
        VerdictBasis basis = new VerdictBasis(VerdictBasis.HISTORY, n, ids.get(from), relative, source, "",
                o.gates(cand.metric()), candLevel - m);
        CaseComparison cc = new CaseComparison(cand.caseKey(), cand.benchmark(), cand.params(), cand.metric(), cand.unit(),
                cand.higherIsBetter(), b.mean(), c.mean(), m, c.median(), change, low, high, pr.pValue(), Double.NaN,
                Double.NaN, pr.runSd() > 0 ? (candLevel - m) / pr.runSd() : Double.NaN, Verdict.INCONCLUSIVE, Severity.NONE,
                b.size(), c.size(), 0, cand.mode(), Double.NaN, TEST, UNIT_RUNS, b.forks(), c.forks(), threshold,
                o.bands().of(change), "", m, candLevel, basis);
        // absolute interval of a zero level, kept for the decision only
        return new Judged(cc, true, null, new double[] {pr.low(), pr.high()}, new double[0]);
    }

    /** The test behind a history verdict: the candidate level against the history's prediction interval. */
    public static final String TEST = "prediction";
    /** The units of that test: runs. */
    public static final String UNIT_RUNS = "runs";

    private static CaseComparison decide(Judged j, double q, ComparisonOptions o) {
        CaseComparison cc = j.cc();
        if (cc.verdict() == Verdict.FAILED) {
            return cc;
        }
        if (j.reason() != null) {
            return cc.withDecision(Double.NaN, Verdict.INCONCLUSIVE, Severity.NONE, 0).withBasis(cc.basis().withReason(j.reason()));
        }
        if (!j.history()) {
            return CaseAnalysis.decide(cc, q, o, j.baseUnits(), j.candUnits());
        }
        double t = cc.threshold();
        boolean beyond = Double.isNaN(cc.change())
                ? cc.basis().difference() != 0 && (j.baseUnits()[0] > 0 || j.baseUnits()[1] < 0)
                : cc.ciLow() > t || cc.ciHigh() < -t;
        if (VerdictBasis.belowFloor(cc.unit(), cc.basis().difference())) {
            return cc.withDecision(q, Verdict.UNCHANGED, Severity.NONE, 0); // less than a byte per operation
        }
        if (q < o.alpha() && beyond) {
            return cc.withDecision(q, cc.worse() ? Verdict.REGRESSED : Verdict.IMPROVED, CaseAnalysis.severity(cc, o), 0);
        }
        double halfWidth = (cc.ciHigh() - cc.ciLow()) / 2;
        double smallestSeen = halfWidth + t;
        if (smallestSeen > o.severity().major()) {
            return cc.withDecision(q, Verdict.INCONCLUSIVE, Severity.NONE, 0).withBasis(cc.basis().withReason(String.format(
                    Locale.ROOT, "too noisy: run-to-run variation ±%.1f%% hides changes below %.0f%%",
                    100 * cc.basis().runToRun(), 100 * smallestSeen)));
        }
        return CaseAnalysis.unchangedOrOpen(cc, q);
    }

    /**
     * Index of the first run after the last change point of the levels (0 when none), or after the
     * last drift that has ended, when {@value #MIN_RUNS} runs or more follow it: the prediction assumes
     * runs scattered around one level, and a drift's runs lie on a slope (they would widen the
     * run-to-run spread and pull the level back to where the drift started). A drift that still goes
     * on is kept: cutting it would leave nothing to judge against.
     */
    static int lastChangePoint(double[] levels) {
        DetectorSettings d = DetectorSettings.DEFAULTS;
        if (levels.length < 2 * d.minSegment()) {
            return 0;
        }
        SeriesDetector.Detection found = SeriesDetector.detect(levels, d);
        int from = found.changePoints().stream().mapToInt(EDivisive.Split::index).max().orElse(0);
        for (DriftDetector.Drift drift : found.drifts()) {
            int after = drift.end() + 1;
            if (after > from && levels.length - after >= MIN_RUNS) {
                from = after;
            }
        }
        return from;
    }

    /** Runs of one case pooled into one side: every run's forks (forks of different runs are different forks). */
    static CaseData pool(List<CaseData> runs) {
        CaseData first = runs.get(runs.size() - 1);
        List<double[]> v = new ArrayList<>();
        List<double[]> w = new ArrayList<>();
        String failure = "";
        for (CaseData r : runs) {
            for (int f = 0; f < r.sample().forks(); f++) {
                v.add(r.sample().values()[f]);
                w.add(r.sample().weights()[f]);
            }
            if (failure.isEmpty()) {
                failure = r.failure();
            }
        }
        return new CaseData(first.caseKey(), first.benchmark(), first.params(), first.mode(), first.metric(), first.unit(),
                first.higherIsBetter(), failure, new ForkedSample(v.toArray(new double[0][]), w.toArray(new double[0][])));
    }

    /**
     * The "case_key|metric" keys these runs measured that pass the options' filters, in the order
     * {@link #load} of every case would first meet them (the runs oldest first), from the results
     * alone.
     */
    private static List<String> keys(ArchiveDatabase db, List<String> runIds, ComparisonOptions o) throws SQLException {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        try (PreparedStatement ps = db.connection().prepareStatement(SqlFile.load("run_case_keys"))) {
            ps.setArray(1, db.connection().createArrayOf("VARCHAR", runIds.toArray()));
            db.bindVersions(ps, 2, runIds);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (Comparison.wanted(o, rs.getString(2), rs.getString(3))) {
                        out.add(rs.getString(1) + "|" + rs.getString(2));
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    private record RunCase(String runId, CaseData data, String settings) {
    }

    /**
     * Each run's cases, keyed "case_key|metric", oldest run first; of the cases {@code caseKeys} only
     * (null: every case).
     */
    private static Map<String, List<RunCase>> load(ArchiveDatabase db, List<String> runIds, ComparisonOptions o,
                                                   java.util.Collection<String> caseKeys) throws SQLException {
        Map<String, List<RunCase>> out = new LinkedHashMap<>();
        try (PreparedStatement ps = db.connection().prepareStatement(SqlFile.load("run_case_samples"))) {
            Array ids = db.connection().createArrayOf("VARCHAR", runIds.toArray());
            ps.setArray(1, ids);
            db.bindVersions(ps, 2, runIds);
            if (caseKeys == null) {
                ps.setNull(3, java.sql.Types.ARRAY);
            } else {
                ps.setArray(3, db.connection().createArrayOf("VARCHAR", caseKeys.toArray()));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (Comparison.wanted(o, rs.getString(3), rs.getString(4))) {
                        CaseData d = Comparison.caseData(rs, 1);
                        out.computeIfAbsent(d.caseKey() + "|" + d.metric(), k -> new ArrayList<>())
                                .add(new RunCase(rs.getString(1), d, rs.getString(13)));
                    }
                }
            }
        }
        return out;
    }
}

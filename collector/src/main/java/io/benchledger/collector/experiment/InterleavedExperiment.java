package io.benchledger.collector.experiment;

import io.benchledger.archive.analysis.experiment.AbOutcome;
import io.benchledger.archive.analysis.experiment.ExperimentPlan;
import io.benchledger.archive.analysis.experiment.ExperimentPlanner;
import io.benchledger.archive.analysis.experiment.SequentialExperiment;
import io.benchledger.archive.model.Result;
import io.benchledger.archive.stats.Centre;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Runs variants interleaved, one fork per turn (A, B, A, B … or A, B, C, A, B, C …), so that slow
 * machine drift (thermal state, other load, background jobs) touches every variant alike.
 *
 * <p>Two variants: a pilot of {@code pilotPairs} pairs estimates each case's noise (unless the
 * archive knows it), the plan per case follows from the power analysis, and pairs continue until
 * every case is decided by its group-sequential test, the largest plan is exhausted, or the time
 * limit is reached (then every undecided case has its final look). Pilot pairs only plan.
 * Three or more variants: {@code forksPerVariant} rounds, for the configuration-impact analysis.
 */
public final class InterleavedExperiment {
    private final TurnRunner runner;
    private final Consumer<String> progress;
    private final Clock clock;

    public InterleavedExperiment(TurnRunner runner, Consumer<String> progress, Clock clock) {
        this.runner = runner;
        this.progress = progress;
        this.clock = clock;
    }

    public ExperimentResult run(List<Variant> variants, ExperimentSettings s) throws IOException, InterruptedException {
        if (variants.size() < 2) {
            throw new IllegalArgumentException("an experiment needs at least two variants");
        }
        State st = new State(variants);
        Instant start = clock.instant();
        Instant deadline = start.plus(s.maxTime());
        String stop;
        st.pilot = 0;
        if (variants.size() == 2) {
            stop = runAb(st, s, deadline);
        } else {
            stop = runRounds(st, s, deadline);
        }
        return new ExperimentResult(variants, st.forks, st.forkMeans, st.cases, st.plans, st.outcomes, st.first,
                st.last, Duration.between(start, clock.instant()), stop, st.pilot);
    }

    private String runAb(State st, ExperimentSettings s, Instant deadline) throws IOException, InterruptedException {
        Variant a = st.variants.get(0);
        Variant b = st.variants.get(1);
        // the first pair tells which cases there are; it is pilot data unless the archive knows every case's noise
        Duration pairTime = round(st, s, 0);
        boolean fromHistory = st.cases.keySet().stream().allMatch(s.historyNoise()::containsKey);
        int pilot = fromHistory ? 0 : Math.max(2, s.pilotPairs());
        st.pilot = pilot;
        if (!fromHistory && !s.historyNoise().isEmpty()) {
            progress.accept("the archive has no fork noise for some cases: running a pilot of " + pilot + " pairs");
        }
        int turn = 1;
        for (; turn < pilot; turn++) {
            if (clock.instant().plus(pairTime).isAfter(deadline)) {
                return "time limit reached during the pilot (" + turn + " of " + pilot + " pairs)";
            }
            pairTime = round(st, s, turn);
        }
        for (String key : st.cases.keySet()) {
            double sd;
            int df;
            if (fromHistory) {
                ExperimentSettings.HistoryNoise h = s.historyNoise().get(key);
                sd = Math.sqrt(2) * h.logSd(); // ln(B) − ln(A): two independent forks
                df = h.df();
            } else {
                double[] d = logRatios(st, key, 0, pilot);
                sd = Math.sqrt(Centre.variance(d)); // NaN below two differences
                df = d.length - 1;
            }
            double planning = sd * ExperimentPlanner.noiseFactor(Math.max(1, df), s.alpha(), s.power());
            st.plans.put(key, ExperimentPlanner.plan(s.alpha(), s.power(), s.minimumEffect(), planning, s.looks(),
                    s.maxPairs()));
        }
        int firstTestTurn = pilot;
        int needed = st.plans.values().stream().mapToInt(ExperimentPlan::maxPairs).max().orElse(0);
        progress.accept(planText(st, s, fromHistory, pilot, needed));
        Map<String, SequentialExperiment> tests = new TreeMap<>();
        st.plans.forEach((k, p) -> tests.put(k, new SequentialExperiment(p)));
        // with archive noise the first pair is already test data
        for (int t = firstTestTurn; t < turn; t++) {
            feed(st, tests, t);
        }
        String stop = "every case decided";
        while (tests.values().stream().anyMatch(e -> !e.decided())) {
            if (turn - firstTestTurn >= needed) {
                break;
            }
            if (clock.instant().plus(pairTime).isAfter(deadline)) {
                stop = "time limit reached after " + (turn - firstTestTurn) + " of " + needed + " pairs";
                break;
            }
            pairTime = round(st, s, turn);
            feed(st, tests, turn);
            turn++;
            long open = tests.values().stream().filter(e -> !e.decided()).count();
            progress.accept(String.format(Locale.ROOT, "pair %d of at most %d done, %d case(s) still open",
                    turn - firstTestTurn, needed, open));
        }
        for (Map.Entry<String, SequentialExperiment> e : tests.entrySet()) {
            e.getValue().finishNow().ifPresent(o -> st.outcomes.put(e.getKey(), o));
        }
        return stop;
    }

    private void feed(State st, Map<String, SequentialExperiment> tests, int turn) {
        String a = st.variants.get(0).name();
        String b = st.variants.get(1).name();
        for (Map.Entry<String, SequentialExperiment> e : tests.entrySet()) {
            List<Double> ma = st.forkMeans.get(a).getOrDefault(e.getKey(), List.of());
            List<Double> mb = st.forkMeans.get(b).getOrDefault(e.getKey(), List.of());
            if (turn < ma.size() && turn < mb.size() && !e.getValue().decided()) {
                e.getValue().add(ma.get(turn), mb.get(turn));
                e.getValue().outcome().ifPresent(o -> st.outcomes.put(e.getKey(), o));
            }
        }
    }

    private String runRounds(State st, ExperimentSettings s, Instant deadline) throws IOException, InterruptedException {
        int rounds = Math.max(2, s.forksPerVariant());
        progress.accept(st.variants.size() + " variants × " + rounds + " forks, interleaved round by round");
        Duration roundTime = Duration.ZERO;
        for (int r = 0; r < rounds; r++) {
            if (r > 0 && clock.instant().plus(roundTime).isAfter(deadline)) {
                return "time limit reached after " + r + " of " + rounds + " rounds";
            }
            roundTime = round(st, s, r);
            progress.accept("round " + (r + 1) + " of " + rounds + " done");
        }
        return "all rounds done";
    }

    /** One fork of every variant, in order; returns how long it took. */
    private Duration round(State st, ExperimentSettings s, int turn) throws IOException, InterruptedException {
        Instant t0 = clock.instant();
        for (Variant v : st.variants) {
            Instant started = clock.instant();
            ForkResult f = runner.run(v, turn);
            st.first.putIfAbsent(v.name(), started);
            st.last.put(v.name(), clock.instant());
            st.forks.get(v.name()).add(f);
            for (Result r : f.results()) {
                if (!r.isPrimary() || r.failed()) {
                    continue;
                }
                st.cases.putIfAbsent(r.caseKey(), new CaseInfo(r.caseKey(), r.benchmark(), r.params(), r.mode(),
                        r.unit(), r.higherIsBetter()));
                List<Double> means = st.forkMeans.get(v.name()).computeIfAbsent(r.caseKey(), k -> new ArrayList<>());
                // a case missing from an earlier turn would misalign the pairs: pad it as missing
                while (means.size() < turn) {
                    means.add(Double.NaN);
                }
                means.add(r.score());
            }
        }
        return Duration.between(t0, clock.instant());
    }

    private static double[] logRatios(State st, String key, int from, int to) {
        List<Double> a = st.forkMeans.get(st.variants.get(0).name()).get(key);
        List<Double> b = st.forkMeans.get(st.variants.get(1).name()).get(key);
        List<Double> d = new ArrayList<>();
        for (int i = from; i < to && a != null && b != null && i < a.size() && i < b.size(); i++) {
            if (a.get(i) > 0 && b.get(i) > 0) {
                d.add(Math.log(b.get(i) / a.get(i)));
            }
        }
        return d.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static String planText(State st, ExperimentSettings s, boolean fromHistory, int pilot, int needed) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "plan: alpha %.3g, power %.2f, minimum detectable effect %.1f %%, %s, "
                        + "noise from %s%n", s.alpha(), s.power(), s.minimumEffect() * 100,
                s.looks() > 1 ? s.looks() + " looks (O'Brien-Fleming-type alpha spending)" : "no early stopping",
                fromHistory ? "the archive" : "a pilot of " + pilot + " pairs"));
        for (Map.Entry<String, ExperimentPlan> e : st.plans.entrySet()) {
            ExperimentPlan p = e.getValue();
            sb.append(String.format(Locale.ROOT, "  %s: sd of ln(B/A) %.4f, fixed design %d pairs, at most %d pairs, "
                            + "looks after %s%s%n", e.getKey(), p.noiseSd(), p.fixedPairs(), p.maxPairs(),
                    java.util.Arrays.toString(p.lookPairs()),
                    p.capped() ? String.format(Locale.ROOT, " (capped: power %.2f)", p.plannedPower()) : ""));
        }
        sb.append(String.format(Locale.ROOT, "forks needed: at most %d per variant after the pilot (%d in all)",
                needed, 2 * (needed + pilot)));
        return sb.toString();
    }

    private static final class State {
        final List<Variant> variants;
        final Map<String, List<ForkResult>> forks = new LinkedHashMap<>();
        final Map<String, Map<String, List<Double>>> forkMeans = new LinkedHashMap<>();
        final Map<String, CaseInfo> cases = new TreeMap<>();
        final Map<String, ExperimentPlan> plans = new TreeMap<>();
        final Map<String, AbOutcome> outcomes = new TreeMap<>();
        final Map<String, Instant> first = new LinkedHashMap<>();
        final Map<String, Instant> last = new LinkedHashMap<>();
        int pilot;

        State(List<Variant> variants) {
            this.variants = variants;
            for (Variant v : variants) {
                forks.put(v.name(), new ArrayList<>());
                forkMeans.put(v.name(), new TreeMap<>());
            }
        }
    }
}

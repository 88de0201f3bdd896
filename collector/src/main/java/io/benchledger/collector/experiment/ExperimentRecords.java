package io.benchledger.collector.experiment;

import io.benchledger.archive.model.Percentiles;
import io.benchledger.archive.model.Result;
import io.benchledger.archive.model.Run;
import io.benchledger.archive.model.RunRecord;
import io.benchledger.archive.model.Sample;
import io.benchledger.archive.stats.Centre;
import io.benchledger.archive.store.RunIds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Turns an experiment into archive runs: one run per variant (trigger {@code ab}, {@code variant}
 * its name, label {@code experiment} shared by the arms), each turn a fork of it, so that
 * {@code compare variant:A variant:B} and the site see ordinary runs.
 */
public final class ExperimentRecords {
    private ExperimentRecords() {
    }

    /**
     * @param template the fields every run shares (project, version, host …); run id, times, variant,
     *                 JVM and trigger are set here
     */
    public static List<RunRecord> toRunRecords(ExperimentResult result, Run template, String experimentId) {
        List<RunRecord> out = new ArrayList<>();
        for (Variant v : result.variants()) {
            List<ForkResult> forks = result.forks().get(v.name());
            if (forks == null || forks.isEmpty()) {
                continue;
            }
            String runId = RunIds.next();
            Instant started = result.firstTurnAt().getOrDefault(v.name(), template.startedAt());
            Instant finished = result.lastTurnAt().getOrDefault(v.name(), started);
            Run run = template.toBuilder().runId(runId).startedAt(started).finishedAt(finished)
                    .trigger(Run.TRIGGER_AB).variant(v.name()).jvmArgs(String.join(" ", v.jvmArgs()))
                    .jvmVendor(forks.get(0).jvmVendor()).jvmVersion(forks.get(0).jvmVersion())
                    .harness("jmh").harnessVersion(forks.get(0).jmhVersion())
                    .label("experiment", experimentId)
                    .label("jmh_params", String.join(" ", v.jmhParams()))
                    .label("java", v.javaExecutable()).build();
            out.add(merge(run, forks));
        }
        return out;
    }

    /** All forks of one variant as one run: samples keep their fork index, results are recomputed. */
    static RunRecord merge(Run run, List<ForkResult> forks) {
        Map<String, Result> first = new LinkedHashMap<>();
        Map<String, List<Double>> forkScores = new LinkedHashMap<>();
        Map<String, List<Sample>> samples = new LinkedHashMap<>();
        for (int f = 0; f < forks.size(); f++) {
            for (Result r : forks.get(f).results()) {
                String key = r.caseKey() + "\u0000" + r.metric();
                first.putIfAbsent(key, r);
                forkScores.computeIfAbsent(key, k -> new ArrayList<>()).add(r.score());
            }
            for (Sample s : forks.get(f).samples()) {
                String key = s.caseKey() + "\u0000" + s.metric();
                samples.computeIfAbsent(key, k -> new ArrayList<>())
                        .add(new Sample(run.runId(), s.caseKey(), s.metric(), f, s.iteration(), s.value(), s.weight()));
            }
        }
        List<Result> results = new ArrayList<>();
        List<Sample> allSamples = new ArrayList<>();
        for (Map.Entry<String, Result> e : first.entrySet()) {
            Result r = e.getValue();
            List<Sample> ss = samples.getOrDefault(e.getKey(), List.of());
            allSamples.addAll(ss);
            List<Double> scores = forkScores.get(e.getKey());
            double score = scores.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            double err = halfWidth999(ss);
            long count = ss.stream().mapToLong(Sample::weight).sum();
            Optional<Percentiles> pct = r.percentiles().isPresent() ? Optional.of(percentiles(ss)) : Optional.empty();
            results.add(new Result(run.runId(), r.caseKey(), r.benchmark(), r.params(), r.mode(), r.metric(), r.unit(),
                    r.higherIsBetter(), r.threads(), scores.size(), r.warmupIterations(), r.warmupTime(),
                    r.measurementIterations(), r.measurementTime(), score, err, score - err, score + err, count, pct,
                    ""));
        }
        return new RunRecord(run, results, allSamples);
    }

    /** JMH's error: the 99.9 % t half-width over all (weighted) measurements, s·t_{0.9995,n−1}/√n. */
    static double halfWidth999(List<Sample> ss) {
        double n = 0;
        double sum = 0;
        for (Sample s : ss) {
            n += s.weight();
            sum += s.value() * s.weight();
        }
        if (n < 2) {
            return Double.NaN;
        }
        double mean = sum / n;
        double sq = 0;
        for (Sample s : ss) {
            sq += s.weight() * (s.value() - mean) * (s.value() - mean);
        }
        double sd = Math.sqrt(sq / (n - 1));
        return TDistribution.of(n - 1).inverseCumulativeProbability(0.9995) * sd / Math.sqrt(n);
    }

    /** Weighted percentiles of a merged histogram, by {@link Centre#weightedQuantile}. */
    static Percentiles percentiles(List<Sample> ss) {
        double[] x = ss.stream().mapToDouble(Sample::value).toArray();
        double[] w = ss.stream().mapToDouble(Sample::weight).toArray();
        double[] qs = {0, 0.5, 0.9, 0.95, 0.99, 0.999, 1};
        double[] out = new double[qs.length];
        for (int i = 0; i < qs.length; i++) {
            out[i] = Centre.weightedQuantile(x, w, qs[i]);
        }
        return new Percentiles(out[0], out[1], out[2], out[3], out[4], out[5], out[6]);
    }
}

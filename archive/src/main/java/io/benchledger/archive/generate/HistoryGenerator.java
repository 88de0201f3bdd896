package io.benchledger.archive.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.benchledger.archive.analysis.changepoint.ChangePoint;
import io.benchledger.archive.model.CaseKey;
import io.benchledger.archive.model.Mode;
import io.benchledger.archive.model.Result;
import io.benchledger.archive.model.Run;
import io.benchledger.archive.model.RunRecord;
import io.benchledger.archive.model.Sample;
import io.benchledger.archive.store.Archive;
import io.benchledger.archive.store.RunIds;
import io.benchledger.archive.stats.Centre;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.IntConsumer;

/**
 * A synthetic benchmark history with known change points, for demos, tests and scale measurements.
 *
 * <p>Each case has a base level and its own noise (run-to-run standard deviation σ, uniform in the
 * configured range, relative to the level). A run's measurement of a case is forks × iterations
 * samples: sample = level × (1 + run effect + fork offset + iteration noise), with the three parts
 * normal and sharing σ² as 0.36 : 0.36 : 0.28 of the variance of the run's score (the mean of its
 * samples), so forks differ from each other as real JVMs do. On top: level steps (the ground truth),
 * occasional disturbed runs (all samples × 0.5–0.8 for throughput, × 1.25–2 for time), slow drifts,
 * and noise changes that leave the level alone. Everything is drawn from the seed: the same settings
 * give the same archive, and any run can be made on its own (each case × run has its own random
 * stream), so large archives are written in batches without holding them in memory.
 */
public final class HistoryGenerator {
    private static final String[] FAMILIES = {"Crypto.aesGcmEncrypt", "Crypto.sha256", "Crypto.ecdsaSign",
            "Concurrency.sharedCounter", "Allocation.newObjects", "DataProcessing.parseJson", "DataProcessing.sort",
            "Crypto.keyGeneration"};
    private static final String[] SIZES = {"64", "1024", "16384", "1048576"};

    private final GeneratorSettings settings;
    private final List<CasePlan> plans;
    private final GroundTruth truth;
    /** Day offset of every run from the start (one a night, plus the pauses). */
    private final long[] days;

    /** Everything drawn for one case before any run is made. */
    record CasePlan(int index, String caseKey, String benchmark, Map<String, String> params, String mode, String unit,
                    boolean higherIsBetter, double base, double noise, int[] stepAt, double[] stepBy,
                    int driftStart, int driftEnd, double driftBy, int noiseAt, double noiseBy, double weeklyBy,
                    double weeklyPhase) {

        /** The true level at run r, before noise. */
        double level(int r) {
            double l = base;
            for (int i = 0; i < stepAt.length; i++) {
                if (r >= stepAt[i]) {
                    l *= 1 + stepBy[i];
                }
            }
            if (driftEnd > driftStart && r >= driftStart) {
                double f = Math.min(1.0, (r - driftStart + 1.0) / (driftEnd - driftStart));
                l *= 1 + driftBy * f;
            }
            return l;
        }

        double sigma(int r) {
            return noise * (noiseAt >= 0 && r >= noiseAt ? noiseBy : 1.0);
        }

        /** The weekly cycle's factor at run r (1 without a cycle): 1 + A·sin(2π·r/7 + φ). */
        double weekly(int r) {
            return weeklyBy == 0 ? 1.0 : 1 + weeklyBy * Math.sin(2 * Math.PI * r / 7.0 + weeklyPhase);
        }
    }

    public HistoryGenerator(GeneratorSettings settings) {
        this.settings = settings;
        this.days = days(settings);
        this.plans = plan(settings);
        this.truth = truthOf();
    }

    /** Run r is a night after run r − 1, or 2–14 nights after it with probability gapRate. */
    private static long[] days(GeneratorSettings s) {
        long[] d = new long[s.runs()];
        double rate = s.shapes().gapRate();
        for (int r = 1; r < d.length; r++) {
            long step = 1;
            if (rate > 0) {
                SplittableRandom rng = new SplittableRandom(s.seed() * 0x9E3779B97F4A7C15L + r * 0x94D049BB133111EBL + 0x6A9);
                if (rng.nextDouble() < rate) {
                    step = 2 + rng.nextInt(13);
                }
            }
            d[r] = d[r - 1] + step;
        }
        return d;
    }

    public GeneratorSettings settings() {
        return settings;
    }

    public GroundTruth groundTruth() {
        return truth;
    }

    // ------------------------------------------------------------------ planning

    private static List<CasePlan> plan(GeneratorSettings s) {
        SplittableRandom rng = new SplittableRandom(s.seed());
        int n = s.benchmarks();
        int runs = s.runs();
        List<List<int[]>> steps = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            steps.add(new ArrayList<>());
        }
        // steps: away from the ends and at least 20 runs apart within a case, so each is identifiable
        int margin = Math.min(10, runs / 4);
        int placed = 0;
        for (int attempt = 0; placed < s.changes() && attempt < s.changes() * 50 + 100; attempt++) {
            int c = rng.nextInt(n);
            if (runs - 2 * margin < 1) {
                break;
            }
            int at = margin + rng.nextInt(runs - 2 * margin);
            boolean free = true;
            for (int[] st : steps.get(c)) {
                free &= Math.abs(st[0] - at) >= 20;
            }
            if (free && at > 0) {
                steps.get(c).add(new int[] {at});
                placed++;
            }
        }
        List<CasePlan> out = new ArrayList<>(n);
        for (int c = 0; c < n; c++) {
            String family = FAMILIES[c % FAMILIES.length];
            int group = c / FAMILIES.length;
            String size = SIZES[group % SIZES.length];
            String benchmark = "io.benchledger.synthetic." + family + (group / SIZES.length == 0 ? "" : "V" + group / SIZES.length);
            Map<String, String> params = new TreeMap<>(Map.of("size", size));
            boolean thrpt = c % 2 == 0;
            String mode = thrpt ? Mode.THROUGHPUT : Mode.AVERAGE_TIME;
            String unit = thrpt ? "ops/s" : "ns/op";
            double base = thrpt ? Math.pow(10, 3 + 4 * rng.nextDouble()) : Math.pow(10, 1 + 5 * rng.nextDouble());
            base = Math.round(base * 1000) / 1000.0;
            double noise = s.noiseMin() + (s.noiseMax() - s.noiseMin()) * rng.nextDouble();
            List<int[]> st = steps.get(c);
            st.sort((a, b) -> Integer.compare(a[0], b[0]));
            int[] stepAt = new int[st.size()];
            double[] stepBy = new double[st.size()];
            for (int i = 0; i < stepAt.length; i++) {
                stepAt[i] = st.get(i)[0];
                double mag = s.stepMin() + (s.stepMax() - s.stepMin()) * rng.nextDouble();
                stepBy[i] = rng.nextBoolean() ? mag : -mag / (1 + mag); // a slowdown of the same ratio
            }
            int driftStart = 0;
            int driftEnd = 0;
            double driftBy = 0;
            GeneratorSettings.Shapes sh = s.shapes();
            if (rng.nextDouble() < s.driftRate() && runs > 60) {
                int len = Math.min(runs - 1, sh.driftRunsMin() + rng.nextInt(sh.driftRunsMax() - sh.driftRunsMin() + 1));
                driftStart = rng.nextInt(Math.max(1, runs - len));
                driftEnd = Math.min(runs, driftStart + len);
                driftBy = (rng.nextBoolean() ? 1 : -1)
                        * (sh.driftSdMin() + (sh.driftSdMax() - sh.driftSdMin()) * rng.nextDouble()) * noise;
                if (sh.stepInDriftRate() > 0 && rng.nextDouble() < sh.stepInDriftRate() && driftEnd - driftStart > 40) {
                    // one more step inside the drift, at least 10 runs from its ends and 20 from other steps
                    int at = driftStart + 10 + rng.nextInt(driftEnd - driftStart - 20);
                    double mag = s.stepMin() + (s.stepMax() - s.stepMin()) * rng.nextDouble();
                    double by = rng.nextBoolean() ? mag : -mag / (1 + mag);
                    boolean free = true;
                    for (int other : stepAt) {
                        free &= Math.abs(other - at) >= 20;
                    }
                    if (free) {
                        int pos = 0;
                        while (pos < stepAt.length && stepAt[pos] < at) {
                            pos++;
                        }
                        int[] a2 = new int[stepAt.length + 1];
                        double[] b2 = new double[stepAt.length + 1];
                        System.arraycopy(stepAt, 0, a2, 0, pos);
                        System.arraycopy(stepBy, 0, b2, 0, pos);
                        a2[pos] = at;
                        b2[pos] = by;
                        System.arraycopy(stepAt, pos, a2, pos + 1, stepAt.length - pos);
                        System.arraycopy(stepBy, pos, b2, pos + 1, stepAt.length - pos);
                        stepAt = a2;
                        stepBy = b2;
                    }
                }
            }
            int noiseAt = -1;
            double noiseBy = 1;
            if (rng.nextDouble() < s.noiseChangeRate() && runs > 20) {
                noiseAt = 10 + rng.nextInt(runs - 20);
                noiseBy = 1.5 + rng.nextDouble();
            }
            double weeklyBy = 0;
            double weeklyPhase = 0;
            if (sh.weeklyRate() > 0 && rng.nextDouble() < sh.weeklyRate()) {
                weeklyBy = sh.weeklyAmplitude() * noise;
                weeklyPhase = 2 * Math.PI * rng.nextDouble();
            }
            String key = CaseKey.of(benchmark, params, mode, 1);
            out.add(new CasePlan(c, key, benchmark, params, mode, unit, thrpt, base, noise, stepAt, stepBy,
                    driftStart, driftEnd, driftBy, noiseAt, noiseBy, weeklyBy, weeklyPhase));
        }
        return out;
    }

    private GroundTruth truthOf() {
        List<GroundTruth.Step> steps = new ArrayList<>();
        List<GroundTruth.Drift> drifts = new ArrayList<>();
        List<GroundTruth.NoiseChange> noise = new ArrayList<>();
        List<GroundTruth.Outlier> outliers = new ArrayList<>();
        List<GroundTruth.CaseInfo> cases = new ArrayList<>();
        List<GroundTruth.Weekly> weekly = new ArrayList<>();
        List<GroundTruth.Gap> gaps = new ArrayList<>();
        for (int r = 1; r < days.length; r++) {
            if (days[r] - days[r - 1] > 1) {
                gaps.add(new GroundTruth.Gap(r, runId(r), (int) (days[r] - days[r - 1])));
            }
        }
        for (CasePlan p : plans) {
            cases.add(new GroundTruth.CaseInfo(p.caseKey(), p.benchmark(), p.mode(), p.unit(), p.higherIsBetter(),
                    p.base(), p.noise()));
            for (int i = 0; i < p.stepAt().length; i++) {
                int at = p.stepAt()[i];
                double before = p.level(at - 1);
                double after = p.level(at);
                boolean better = (after > before) == p.higherIsBetter();
                steps.add(new GroundTruth.Step(p.caseKey(), p.benchmark(), Result.PRIMARY, at, runId(at),
                        p.stepBy()[i], before, after, better ? ChangePoint.IMPROVEMENT : ChangePoint.REGRESSION));
            }
            if (p.driftEnd() > p.driftStart()) {
                drifts.add(new GroundTruth.Drift(p.caseKey(), p.driftStart(), p.driftEnd(), p.driftBy()));
            }
            if (p.noiseAt() >= 0) {
                noise.add(new GroundTruth.NoiseChange(p.caseKey(), p.noiseAt(), p.noiseBy()));
            }
            if (p.weeklyBy() != 0) {
                weekly.add(new GroundTruth.Weekly(p.caseKey(), 7, p.weeklyBy(), p.weeklyPhase()));
            }
            for (int r = 0; r < settings.runs(); r++) {
                double f = outlierFactor(p, r);
                if (f != 1.0) {
                    outliers.add(new GroundTruth.Outlier(p.caseKey(), r, runId(r), f));
                }
            }
        }
        steps.sort((a, b) -> a.caseKey().equals(b.caseKey()) ? Integer.compare(a.index(), b.index())
                : a.caseKey().compareTo(b.caseKey()));
        return new GroundTruth(settings.seed(), settings.benchmarks(), settings.runs(), settings.project(), steps,
                drifts, noise, outliers, weekly, gaps, cases);
    }

    // ------------------------------------------------------------------ runs

    /** The random stream of one case in one run: independent of batch sizes and of every other pair. */
    private SplittableRandom stream(int c, int r, long salt) {
        long x = settings.seed() * 0x9E3779B97F4A7C15L + c * 0xBF58476D1CE4E5B9L + r * 0x94D049BB133111EBL + salt;
        return new SplittableRandom(x);
    }

    private double outlierFactor(CasePlan p, int r) {
        SplittableRandom rng = stream(p.index(), r, 0x5EED);
        if (rng.nextDouble() >= settings.outlierRate()) {
            return 1.0;
        }
        return p.higherIsBetter() ? 0.5 + 0.3 * rng.nextDouble() : 1.25 + 0.75 * rng.nextDouble();
    }

    public Instant time(int r) {
        long jitterSeconds = stream(-1, r, 0x71AE).nextInt(3600);
        return settings.start().plusSeconds(86_400L * days[r] + jitterSeconds);
    }

    public String runId(int r) {
        return RunIds.derived(time(r), "generate", Long.toString(settings.seed()), settings.project(),
                Integer.toString(r));
    }

    public String version(int r) {
        return "1." + (r / settings.runsPerVersion()) + ".0";
    }

    public String commit(int r) {
        SplittableRandom rng = stream(-2, r, 0xC0FFEE);
        byte[] b = new byte[20];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) rng.nextInt(256);
        }
        return HexFormat.of().formatHex(b);
    }

    /** The samples of case c in run r, in fork-major order (forks × iterations values). */
    double[] samples(int c, int r) {
        CasePlan p = plans.get(c);
        SplittableRandom rng = stream(c, r, 0);
        int forks = settings.forks();
        int iterations = settings.iterations();
        double level = p.level(r) * p.weekly(r);
        double sigma = p.sigma(r);
        double runEffect = rng.nextGaussian() * sigma * 0.6;
        double forkSd = sigma * 0.6 * Math.sqrt(forks);
        double iterSd = sigma * Math.sqrt(0.28) * Math.sqrt((double) forks * iterations);
        double factor = outlierFactor(p, r);
        double[] out = new double[forks * iterations];
        for (int f = 0; f < forks; f++) {
            double forkOffset = rng.nextGaussian() * forkSd;
            for (int i = 0; i < iterations; i++) {
                double v = level * (1 + runEffect + forkOffset + rng.nextGaussian() * iterSd) * factor;
                out[f * iterations + i] = Math.max(v, level * 1e-3);
            }
        }
        return out;
    }

    /** The score (mean of the samples) of case c in every run: the series the analyses see. */
    public double[] scores(int c) {
        double[] s = new double[settings.runs()];
        for (int r = 0; r < s.length; r++) {
            s[r] = Centre.mean(samples(c, r));
        }
        return s;
    }

    public List<String> caseKeys() {
        return plans.stream().map(CasePlan::caseKey).toList();
    }

    /** Run r with every case's result and samples. */
    public RunRecord run(int r) {
        Instant t = time(r);
        String id = runId(r);
        Run run = Run.builder(id, t).finishedAt(t.plusSeconds(1800)).project(settings.project()).version(version(r))
                .suite("synthetic").environment("ci").trigger(Run.TRIGGER_NIGHTLY).commit(commit(r)).branch("main")
                .commitTime(t.minusSeconds(3600)).host("ci-runner-1").os("Linux").arch("amd64")
                .cpuModel("Synthetic CPU @ 3.0GHz").cpuCount(8).memoryBytes(32L << 30).jvmVendor("Eclipse Adoptium")
                .jvmVersion("17.0.12").harness("jmh").harnessVersion("1.37").sourceFormat("generate")
                .toolVersion("generate").label("generator.seed", Long.toString(settings.seed())).build();
        List<Result> results = new ArrayList<>(plans.size());
        List<Sample> samples = new ArrayList<>(plans.size() * settings.forks() * settings.iterations());
        for (CasePlan p : plans) {
            double[] v = samples(p.index(), r);
            double mean = Centre.mean(v);
            double err = v.length > 1 ? 3.29 * Math.sqrt(Centre.variance(v)) / Math.sqrt(v.length) : Double.NaN;
            results.add(new Result(id, p.caseKey(), p.benchmark(), new TreeMap<>(p.params()), p.mode(), Result.PRIMARY,
                    p.unit(), p.higherIsBetter(), 1, settings.forks(), 5, "1 s", settings.iterations(), "1 s", mean,
                    err, mean - err, mean + err, v.length, Optional.empty(), ""));
            for (int f = 0; f < settings.forks(); f++) {
                for (int i = 0; i < settings.iterations(); i++) {
                    samples.add(new Sample(id, p.caseKey(), Result.PRIMARY, f, i, v[f * settings.iterations() + i], 1));
                }
            }
        }
        return new RunRecord(run, results, samples);
    }

    /**
     * Writes every run into the archive, one commit per version (one file set per partition), and
     * returns the ground truth.
     *
     * @param progress told the number of runs written after each commit
     */
    public GroundTruth write(Archive archive, IntConsumer progress) throws IOException {
        List<RunRecord> batch = new ArrayList<>();
        int done = 0;
        for (int r = 0; r < settings.runs(); r++) {
            batch.add(run(r));
            boolean versionEnds = r == settings.runs() - 1 || !version(r + 1).equals(version(r));
            if (versionEnds) {
                archive.commit(batch);
                done += batch.size();
                batch.clear();
                progress.accept(done);
            }
        }
        return truth;
    }

    /** Writes the ground truth as JSON, atomically. */
    public static void writeTruth(GroundTruth truth, Path file) throws IOException {
        Path abs = file.toAbsolutePath();
        Files.createDirectories(abs.getParent());
        Path tmp = abs.resolveSibling(abs.getFileName() + "." + RunIds.next() + ".tmp");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(tmp.toFile(), truth);
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    public static GroundTruth readTruth(Path file) throws IOException {
        return new ObjectMapper().readValue(file.toFile(), GroundTruth.class);
    }


    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d cases × %d runs, seed %d", settings.benchmarks(), settings.runs(),
                settings.seed());
    }

    /** Index of cases by key (for tests and the study). */
    public Map<String, Integer> caseIndex() {
        Map<String, Integer> m = new HashMap<>();
        for (CasePlan p : plans) {
            m.put(p.caseKey(), p.index());
        }
        return m;
    }
}

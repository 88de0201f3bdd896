package io.benchledger.archive.analysis.changepoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.benchledger.archive.generate.GeneratorSettings;
import io.benchledger.archive.generate.GroundTruth;
import io.benchledger.archive.generate.HistoryGenerator;
import io.benchledger.archive.model.RunRecord;
import io.benchledger.archive.store.Archive;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The analysis over a real archive (Parquet files, DuckDB), its cache and acknowledgements. */
class ChangePointAnalysisTest {
    @TempDir
    Path tmp;

    private static final int RUNS = 120;

    private HistoryGenerator generator() {
        return new HistoryGenerator(GeneratorSettings.of(16, RUNS, 21, 8).withSamples(2, 3).withNoise(0.01, 0.02)
                .withSteps(0.08, 0.20).withDisturbances(0.003, 0, 0));
    }

    private static void commit(Archive archive, HistoryGenerator gen, int from, int to) throws Exception {
        List<RunRecord> batch = new ArrayList<>();
        for (int r = from; r < to; r++) {
            batch.add(gen.run(r));
        }
        archive.commit(batch);
    }

    @Test
    void findsTheInjectedStepsWithTheirRunsAndDirections() throws Exception {
        HistoryGenerator gen = generator();
        Archive archive = Archive.open(tmp.resolve("a"));
        gen.write(archive, n -> { });
        var out = ChangePointAnalysis.run(archive, "default", DetectorSettings.DEFAULTS, false);
        GroundTruth truth = gen.groundTruth();
        assertThat(out.changePoints()).hasSameSizeAs(truth.changePoints());
        for (GroundTruth.Step step : truth.changePoints()) {
            ChangePoint cp = out.changePoints().stream()
                    .filter(c -> c.caseKey().equals(step.caseKey()) && Math.abs(c.index() - step.index()) <= 2)
                    .findFirst().orElseThrow(() -> new AssertionError("not found: " + step));
            assertThat(cp.direction()).isEqualTo(step.direction());
            assertThat(cp.runId()).isEqualTo(out.history().runs().get(cp.index()).runId());
            assertThat(cp.version()).isEqualTo(gen.version(cp.index()));
            assertThat(cp.commit()).isEqualTo(gen.commit(cp.index()));
            assertThat(Math.signum(cp.change())).isEqualTo(Math.signum(step.magnitude()));
        }
        // largest first
        for (int i = 1; i < out.changePoints().size(); i++) {
            assertThat(Math.abs(out.changePoints().get(i - 1).change()))
                    .isGreaterThanOrEqualTo(Math.abs(out.changePoints().get(i).change()));
        }
    }

    @Test
    void incrementalAnalysisAfterANewRunEqualsAFullOne() throws Exception {
        HistoryGenerator gen = generator();
        Archive archive = Archive.open(tmp.resolve("a"));
        commit(archive, gen, 0, RUNS - 1);
        var first = ChangePointAnalysis.run(archive, "default", DetectorSettings.DEFAULTS, true);
        assertThat(first.cacheWritten()).isTrue();
        assertThat(first.incrementalSeries()).isZero();
        assertThat(Files.exists(archive.root().resolve("analysis/changepoints-default.bin"))).isTrue();

        commit(archive, gen, RUNS - 1, RUNS);
        var incremental = ChangePointAnalysis.run(archive, "default", DetectorSettings.DEFAULTS, true);
        var full = ChangePointAnalysis.run(archive, "default", DetectorSettings.DEFAULTS, false);
        assertThat(incremental.incrementalSeries()).isEqualTo(16);
        assertThat(incremental.windowsExamined()).isLessThan(full.windowsExamined() / 3);
        assertThat(incremental.changePoints()).isEqualTo(full.changePoints());
        assertSameFindings(incremental, full);

        // other settings never reuse the cache
        var other = ChangePointAnalysis.run(archive, "default", new DetectorSettings(DetectorSettings.DEFAULTS.window(), 0.01,
                DetectorSettings.DEFAULTS.minMagnitude(), DetectorSettings.DEFAULTS.minEffect(),
                DetectorSettings.DEFAULTS.outlierHalfWidth(), DetectorSettings.DEFAULTS.outlierThreshold(),
                DetectorSettings.DEFAULTS.minSegment()), true);
        assertThat(other.incrementalSeries()).isZero();
    }

    /**
     * A night that measured some of the cases: the others' findings come from the cache unchanged (their
     * values are the same), the measured ones are detected again, and everything equals a full analysis;
     * a night with nothing new reads every series' findings from the cache and leaves the file as it was.
     */
    @Test
    void seriesNoNewRunMeasuredKeepTheirCachedFindings() throws Exception {
        HistoryGenerator gen = generator();
        Archive archive = Archive.open(tmp.resolve("a"));
        commit(archive, gen, 0, RUNS - 1);
        ChangePointAnalysis.run(archive, "default", DetectorSettings.DEFAULTS, true);

        RunRecord night = gen.run(RUNS - 1);
        java.util.Set<String> measured = night.results().stream().map(r -> r.caseKey()).distinct().limit(5)
                .collect(java.util.stream.Collectors.toSet());
        archive.commit(List.of(new RunRecord(night.run(),
                night.results().stream().filter(r -> measured.contains(r.caseKey())).toList(),
                night.samples().stream().filter(x -> measured.contains(x.caseKey())).toList())));
        var incremental = ChangePointAnalysis.run(archive, "default", DetectorSettings.DEFAULTS, true);
        var full = ChangePointAnalysis.run(archive, "default", DetectorSettings.DEFAULTS, false);
        int series = full.history().series().size();
        long measuredSeries = full.history().series().stream().filter(x -> measured.contains(x.caseKey())).count();
        assertThat(measuredSeries).isPositive();
        assertThat(incremental.reusedSeries()).isEqualTo(series - (int) measuredSeries);
        assertThat(incremental.incrementalSeries()).isEqualTo(series);
        assertThat(incremental.cacheWritten()).isTrue();
        assertSameFindings(incremental, full);

        // nothing new: every series from the cache, the file not written again
        Path file = archive.root().resolve("analysis/changepoints-default.bin");
        byte[] before = Files.readAllBytes(file);
        java.nio.file.attribute.FileTime written = Files.getLastModifiedTime(file);
        var again = ChangePointAnalysis.run(archive, "default", DetectorSettings.DEFAULTS, true);
        assertThat(again.reusedSeries()).isEqualTo(series);
        assertThat(again.windowsExamined()).isZero();
        assertThat(again.cacheWritten()).isTrue();
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(written);
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertSameFindings(again, full);
    }

    /** Findings cached by a benchledger with other detection code are not reused. */
    @Test
    void aCacheOfOtherDetectionCodeIsNotReused() throws Exception {
        HistoryGenerator gen = generator();
        Archive archive = Archive.open(tmp.resolve("a"));
        commit(archive, gen, 0, RUNS);
        int series = ChangePointAnalysis.run(archive, "default", DetectorSettings.DEFAULTS, true).history().series().size();
        assertThat(ChangePointAnalysis.run(archive, "default", DetectorSettings.DEFAULTS, true).reusedSeries()).isEqualTo(series);
        Path file = archive.root().resolve("analysis/changepoints-default.bin");
        byte[] bytes = Files.readAllBytes(file);
        // MAGIC, VERSION, the settings' key (modified UTF-8 with its length), then the code's fingerprint
        int at = 8 + 2 + DetectorSettings.DEFAULTS.key().length();
        assertThat(java.nio.ByteBuffer.wrap(bytes, at, 8).getLong()).isEqualTo(AnalysisCache.codeFingerprint());
        bytes[at + 7] ^= 1;
        Files.write(file, bytes);
        var other = ChangePointAnalysis.run(archive, "default", DetectorSettings.DEFAULTS, true);
        assertThat(other.reusedSeries()).isZero();
        assertThat(other.incrementalSeries()).isZero();
        assertSameFindings(other, ChangePointAnalysis.run(archive, "default", DetectorSettings.DEFAULTS, false));
    }

    /** Everything an analysis reports, and every series' detection, is the same in both. */
    private static void assertSameFindings(ChangePointAnalysis.Outcome a, ChangePointAnalysis.Outcome b) {
        assertThat(a.changePoints()).isEqualTo(b.changePoints());
        assertThat(a.acknowledged()).isEqualTo(b.acknowledged());
        assertThat(a.drifts()).isEqualTo(b.drifts());
        assertThat(a.history().series()).hasSameSizeAs(b.history().series());
        assertThat(a.detections().keySet()).isEqualTo(b.detections().keySet());
        for (String key : a.detections().keySet()) {
            SeriesDetector.Detection x = a.detections().get(key);
            SeriesDetector.Detection y = b.detections().get(key);
            assertThat(x.changePoints()).as(key).isEqualTo(y.changePoints());
            assertThat(x.drifts()).as(key).isEqualTo(y.drifts());
            assertThat(x.filtered()).as(key).isEqualTo(y.filtered());
            assertThat(Double.doubleToLongBits(x.noise())).as(key).isEqualTo(Double.doubleToLongBits(y.noise()));
            assertThat(x.state().fingerprint()).as(key).isEqualTo(y.state().fingerprint());
        }
    }

    @Test
    void anAcknowledgedChangePointIsNotReportedAgain() throws Exception {
        HistoryGenerator gen = generator();
        Archive archive = Archive.open(tmp.resolve("a"));
        gen.write(archive, n -> { });
        var before = ChangePointAnalysis.run(archive, "default", DetectorSettings.DEFAULTS, false);
        ChangePoint target = before.changePoints().get(0);
        // acknowledged at a neighbouring run: change points may move by a run as history grows
        String neighbour = before.history().runs().get(target.index() + 1).runId();
        Path file = Acknowledgements.write(archive, new Acknowledgement(target.caseKey(), target.metric(), neighbour,
                "perf-team", "expected: new cipher mode", "2026-01-05T10:00:00Z", target.change()));
        assertThat(file.getParent()).isEqualTo(archive.layout().annotations());
        String yaml = Files.readString(file);
        assertThat(yaml).contains("case_key:", "run_id: \"" + neighbour + "\"", "by: \"perf-team\"",
                "why: \"expected: new cipher mode\"", "at: \"2026-01-05T10:00:00Z\"");

        var after = ChangePointAnalysis.run(archive, "default", DetectorSettings.DEFAULTS, false);
        assertThat(after.changePoints()).hasSize(before.changePoints().size() - 1).doesNotContain(target);
        assertThat(after.acknowledged()).containsExactly(target);
        try (var files = Files.list(archive.layout().annotations())) {
            assertThat(files.map(p -> p.getFileName().toString())).allMatch(n -> n.startsWith("ack-") && n.endsWith(".yaml"));
        }
    }
}

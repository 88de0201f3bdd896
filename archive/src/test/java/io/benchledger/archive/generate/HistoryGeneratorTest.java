package io.benchledger.archive.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.benchledger.archive.analysis.history.CaseSeries;
import io.benchledger.archive.analysis.history.History;
import io.benchledger.archive.format.Table;
import io.benchledger.archive.query.ArchiveDatabase;
import io.benchledger.archive.store.Archive;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryGeneratorTest {
    @TempDir
    Path tmp;

    @Test
    void writesTheDocumentedStructureAndItsGroundTruth() throws Exception {
        GeneratorSettings s = GeneratorSettings.of(12, 90, 3, 8).withSamples(2, 4).withRunsPerVersion(30);
        HistoryGenerator gen = new HistoryGenerator(s);
        Archive archive = Archive.open(tmp.resolve("archive"));
        GroundTruth truth = gen.write(archive, done -> { });
        Path truthFile = tmp.resolve("ground-truth.json");
        HistoryGenerator.writeTruth(truth, truthFile);

        // one commit per version: 3 versions, one runs/results/samples file each
        for (String table : new String[] {"runs", "results", "samples"}) {
            for (String v : new String[] {"1.0.0", "1.1.0", "1.2.0"}) {
                try (var files = Files.list(archive.layout().partition(table, "default", v))) {
                    assertThat(files.count()).as(table + " " + v).isEqualTo(1);
                }
            }
        }
        assertThat(truth.changePoints()).hasSize(8);
        assertThat(truth.cases()).hasSize(12);
        try (ArchiveDatabase db = ArchiveDatabase.open(archive)) {
            Table counts = db.run("SELECT (SELECT count(*) FROM runs), (SELECT count(*) FROM results), "
                    + "(SELECT count(*) FROM samples), (SELECT count(DISTINCT version) FROM runs)");
            assertThat(counts.rows().get(0)).containsExactly(90L, 90L * 12, 90L * 12 * 8, 3L);
            Table perFork = db.run("SELECT count(DISTINCT fork), count(DISTINCT iteration) FROM samples");
            assertThat(perFork.rows().get(0)).containsExactly(2L, 4L);
            // the score is the mean of the run's samples
            Table means = db.run("SELECT max(abs(r.score - s.m) / r.score) FROM results r JOIN "
                    + "(SELECT run_id, case_key, avg(value) AS m FROM samples GROUP BY ALL) s USING (run_id, case_key)");
            assertThat(((Number) means.rows().get(0).get(0)).doubleValue()).isLessThan(1e-12);

            History h = History.load(db, "default");
            Map<String, Integer> index = gen.caseIndex();
            for (GroundTruth.Step step : truth.changePoints()) {
                // the truth names the run at that position of the series
                assertThat(h.runs().get(step.index()).runId()).isEqualTo(step.runId());
                CaseSeries series = h.series().stream().filter(x -> x.caseKey().equals(step.caseKey())).findFirst()
                        .orElseThrow();
                assertThat(series.values()).containsExactly(gen.scores(index.get(step.caseKey())));
                assertThat(step.after() / step.before() - 1).isCloseTo(step.magnitude(), within(1e-9));
            }
        }
        // the same settings give the same history
        GroundTruth again = new HistoryGenerator(s).groundTruth();
        assertThat(again).isEqualTo(truth);
        assertThat(HistoryGenerator.readTruth(truthFile)).isEqualTo(truth);
    }

    @Test
    void injectedStepsAreVisibleInTheData() {
        // big steps in low noise: the level ratio around each step must be the injected magnitude
        HistoryGenerator gen = new HistoryGenerator(GeneratorSettings.of(40, 200, 5, 30).withNoise(0.01, 0.01)
                .withSteps(0.10, 0.20).withDisturbances(0, 0, 0));
        Map<String, Integer> index = gen.caseIndex();
        for (GroundTruth.Step step : gen.groundTruth().changePoints()) {
            double[] x = gen.scores(index.get(step.caseKey()));
            double before = mean(x, step.index() - 8, step.index());
            double after = mean(x, step.index(), step.index() + 8);
            assertThat(after / before - 1).as(step.toString()).isCloseTo(step.magnitude(), within(0.02));
        }
    }

    private static double mean(double[] x, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += x[i];
        }
        return s / (to - from);
    }
}

package io.benchledger.archive.analysis.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.benchledger.archive.model.Result;
import io.benchledger.archive.query.ArchiveDatabase;
import io.benchledger.archive.store.Archive;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Go's benchstat on its own test data (golang/perf cmd/benchstat/testdata, crc-old.txt vs
 * crc-new.txt: CRC-32 with hardware acceleration disabled, then enabled), through a real archive.
 *
 * <p>Both tools test these runs the same way: one process per file, ten repetitions, so the
 * iteration scores are the units and Mann–Whitney U decides (benchstat: {@code -delta-test utest},
 * its default). What may differ, and why:
 * <ul>
 *   <li>p-values with ties: benchstat computes the exact null distribution even with ties; Commons
 *       Statistics (like R) uses the normal approximation with tie and continuity corrections when
 *       there are ties. They agree to about ±0.02 here.</li>
 *   <li>verdicts: benchstat calls a change when p &lt; 0.05, for each case alone; benchledger asks in
 *       addition that the q-value across all cases be below 0.05 and that the whole 95 % interval lie
 *       beyond ±2 %. So the small changes benchstat reports (−4.62 %, +3.41 %, +2.07 %, −2.03 %,
 *       +1.22 % …) are not all called changes here: that is the design, not a disagreement about
 *       the data. Every change benchledger calls, benchstat calls too, in the same direction; and
 *       every change benchstat calls beyond 10 % benchledger calls too.</li>
 * </ul>
 */
class BenchstatAgreementTest {
    private static final String DATA = "/external/go-bench/golang__perf/cmd/benchstat/testdata/";

    /**
     * benchstat's sec/op comparison, typed from golang/perf cmd/benchstat/testdata/crcIgnore.stdout
     * (commit 02c55175bb82): case, delta in % (NaN where benchstat prints "~"), p.
     */
    private static final Object[][] BENCHSTAT_SEC_PER_OP = {
            {"CRC32/poly=IEEE/size=15/align=0-8", -4.62, 0.008},
            {"CRC32/poly=IEEE/size=15/align=1-8", Double.NaN, 0.539},
            {"CRC32/poly=IEEE/size=40/align=0-8", +3.41, 0.006},
            {"CRC32/poly=IEEE/size=40/align=1-8", +2.07, 0.003},
            {"CRC32/poly=IEEE/size=512/align=0-8", -76.11, 0.000},
            {"CRC32/poly=IEEE/size=512/align=1-8", -75.73, 0.000},
            {"CRC32/poly=IEEE/size=1kB/align=0-8", -79.03, 0.000},
            {"CRC32/poly=IEEE/size=1kB/align=1-8", -79.01, 0.000},
            {"CRC32/poly=IEEE/size=4kB/align=0-8", -82.48, 0.000},
            {"CRC32/poly=IEEE/size=4kB/align=1-8", -83.22, 0.000},
            {"CRC32/poly=IEEE/size=32kB/align=0-8", -85.72, 0.000},
            {"CRC32/poly=IEEE/size=32kB/align=1-8", -85.03, 0.000},
            {"CRC32/poly=Castagnoli/size=15/align=0-8", Double.NaN, 0.642},
            {"CRC32/poly=Castagnoli/size=15/align=1-8", Double.NaN, 0.959},
            {"CRC32/poly=Castagnoli/size=40/align=0-8", Double.NaN, 0.694},
            {"CRC32/poly=Castagnoli/size=40/align=1-8", -2.03, 0.036},
            {"CRC32/poly=Castagnoli/size=512/align=0-8", Double.NaN, 0.614},
            {"CRC32/poly=Castagnoli/size=512/align=1-8", Double.NaN, 0.838},
            {"CRC32/poly=Castagnoli/size=1kB/align=0-8", +1.22, 0.007},
            {"CRC32/poly=Castagnoli/size=1kB/align=1-8", Double.NaN, 0.239},
            {"CRC32/poly=Castagnoli/size=4kB/align=0-8", -3.09, 0.032},
            {"CRC32/poly=Castagnoli/size=4kB/align=1-8", -5.01, 0.005},
            {"CRC32/poly=Castagnoli/size=32kB/align=0-8", Double.NaN, 0.869},
            {"CRC32/poly=Castagnoli/size=32kB/align=1-8", -3.75, 0.001},
            {"CRC32/poly=Koopman/size=15/align=0-8", Double.NaN, 0.216},
            {"CRC32/poly=Koopman/size=15/align=1-8", Double.NaN, 0.323},
            {"CRC32/poly=Koopman/size=40/align=0-8", -3.10, 0.002},
            {"CRC32/poly=Koopman/size=40/align=1-8", Double.NaN, 0.055},
            {"CRC32/poly=Koopman/size=512/align=0-8", -4.96, 0.000},
            {"CRC32/poly=Koopman/size=512/align=1-8", Double.NaN, 0.143},
            {"CRC32/poly=Koopman/size=1kB/align=0-8", Double.NaN, 0.052},
            {"CRC32/poly=Koopman/size=1kB/align=1-8", +9.58, 0.000},
            {"CRC32/poly=Koopman/size=4kB/align=0-8", Double.NaN, 0.971},
            {"CRC32/poly=Koopman/size=4kB/align=1-8", Double.NaN, 0.754},
            {"CRC32/poly=Koopman/size=32kB/align=0-8", Double.NaN, 0.684},
            {"CRC32/poly=Koopman/size=32kB/align=1-8", +5.37, 0.009},
    };

    @TempDir
    static Path dir;
    static Map<String, CaseComparison> secPerOp = new HashMap<>();
    static Map<String, CaseComparison> bytesPerSecond = new HashMap<>();
    static ComparisonReport secPerOpReport;

    @BeforeAll
    static void compareThroughTheArchive() throws Exception {
        Path in = dir.resolve("in");
        Files.createDirectories(in);
        for (String f : List.of("crc-old.txt", "crc-new.txt")) {
            try (var s = BenchstatAgreementTest.class.getResourceAsStream(DATA + f)) {
                Files.copy(s, in.resolve(f));
            }
        }
        Archive archive = Archive.open(dir.resolve("archive"));
        Instant t = Instant.parse("2023-01-13T00:00:00Z");
        archive.commit(List.of(
                GoBenchText.read(in.resolve("crc-old.txt"), "01GPKZ00000000000000000OLD", "old", t),
                GoBenchText.read(in.resolve("crc-new.txt"), "01GPKZ00000000000000000NEW", "new", t.plusSeconds(60))));
        try (ArchiveDatabase db = ArchiveDatabase.open(archive)) {
            ComparisonReport r = Comparison.run(db, Side.parse("old"), Side.parse("new"),
                    ComparisonOptions.builder("go").centre(io.benchledger.archive.stats.CentreStatistic.MEDIAN).build());
            secPerOpReport = Comparison.run(db, Side.parse("old"), Side.parse("new"), ComparisonOptions.builder("go")
                    .centre(io.benchledger.archive.stats.CentreStatistic.MEDIAN).metric(Result.PRIMARY).build());
            for (CaseComparison c : r.cases()) {
                (Result.PRIMARY.equals(c.metric()) ? secPerOp : bytesPerSecond).put(c.benchmark(), c);
            }
        }
    }

    @Test
    void everyCaseIsComparedOnItsTenRepetitionsWithMannWhitney() {
        assertThat(secPerOp).hasSize(36);
        assertThat(bytesPerSecond).hasSize(36);
        for (CaseComparison c : secPerOp.values()) {
            assertThat(c.baselineSamples()).isEqualTo(10);
            assertThat(c.candidateSamples()).isEqualTo(10);
            assertThat(c.test()).isEqualTo(CaseComparison.TEST_MANN_WHITNEY);
            assertThat(c.testUnit()).isEqualTo(CaseComparison.UNIT_SAMPLES);
        }
    }

    /** The medians benchstat prints per file in crcOldNew.stdout (4 significant digits) are ours. */
    @Test
    void mediansAreThoseOfCrcOldNewStdout() throws Exception {
        String stdout;
        try (var s = BenchstatAgreementTest.class.getResourceAsStream(DATA + "crcOldNew.stdout")) {
            stdout = new String(s.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        // the first table of each file is sec/op: "CRC32/...-8   46.55n ± 9%"
        String[] files = stdout.split("│ crc-new.txt");
        Map<String, Double> old = secPerOpMedians(files[0]);
        Map<String, Double> neu = secPerOpMedians(files[1]);
        assertThat(old).hasSize(36);
        assertThat(neu).hasSize(36);
        for (Map.Entry<String, CaseComparison> e : secPerOp.entrySet()) {
            double bs = old.get(e.getKey()) * 1e9; // seconds -> ns, as in the Go output
            double bn = neu.get(e.getKey()) * 1e9;
            assertThat(e.getValue().baselineMedian()).as(e.getKey()).isCloseTo(bs, within(bs * 6e-4));
            assertThat(e.getValue().candidateMedian()).as(e.getKey()).isCloseTo(bn, within(bn * 6e-4));
        }
    }

    private static Map<String, Double> secPerOpMedians(String part) {
        Map<String, Double> out = new HashMap<>();
        String firstTable = part.split("geomean")[0];
        Matcher m = Pattern.compile("(?m)^(CRC32\\S+)\\s+([0-9.]+)([nµ])\\s").matcher(firstTable);
        while (m.find()) {
            out.put(m.group(1), Double.parseDouble(m.group(2)) * (m.group(3).equals("n") ? 1e-9 : 1e-6));
        }
        return out;
    }

    @Test
    void pValuesAgreeWithBenchstat() {
        for (Object[] row : BENCHSTAT_SEC_PER_OP) {
            CaseComparison c = secPerOp.get((String) row[0]);
            assertThat(c).as((String) row[0]).isNotNull();
            double theirs = (Double) row[2];
            // benchstat prints 3 decimals and uses the exact distribution with ties; see the class comment
            assertThat(c.mannWhitneyPValue()).as("p of %s", row[0]).isCloseTo(theirs, within(0.02));
            assertThat(c.pValue()).isEqualTo(c.mannWhitneyPValue());
        }
    }

    @Test
    void casesThatChangeAndTheirDirectionAgreeWithBenchstat() {
        int bigChanges = 0;
        for (Object[] row : BENCHSTAT_SEC_PER_OP) {
            String name = (String) row[0];
            double delta = (Double) row[1];
            CaseComparison c = secPerOp.get(name);
            boolean oursChanged = c.verdict() == Verdict.IMPROVED || c.verdict() == Verdict.REGRESSED;
            if (oursChanged) {
                assertThat(delta).as("%s: benchstat sees a change too", name).isNotNaN();
                assertThat(Math.signum(c.change())).as("%s: same direction", name).isEqualTo(Math.signum(delta));
                // sec/op: lower is better, so a drop is an improvement
                assertThat(c.verdict()).as(name).isEqualTo(delta < 0 ? Verdict.IMPROVED : Verdict.REGRESSED);
                // benchstat's delta is of medians too
                assertThat(c.change() * 100).as(name).isCloseTo(delta, within(0.01 + Math.abs(delta) * 1e-3));
            }
            if (!Double.isNaN(delta) && Math.abs(delta) > 10) {
                bigChanges++;
                assertThat(oursChanged).as("%s: benchstat %+.2f%%, ours %s", name, delta, c.verdict()).isTrue();
            }
        }
        assertThat(bigChanges).as("the eight IEEE cases of 512 B and more").isEqualTo(8);
    }

    @Test
    void geometricMeanIsBenchstats() {
        // crcIgnore.stdout, sec/op table: "geomean 344.5n 237.5n -31.05%"
        assertThat(secPerOpReport.summary().geomeanRatio()).isCloseTo(1 - 0.3105, within(0.00005));
    }

    @Test
    void throughputGoesTheOtherWayAndIsStillAnImprovement() {
        CaseComparison c = bytesPerSecond.get("CRC32/poly=IEEE/size=32kB/align=0-8");
        assertThat(c.higherIsBetter()).isTrue();
        assertThat(c.change()).isGreaterThan(5.0); // benchstat: +599.95 %
        assertThat(c.verdict()).isEqualTo(Verdict.IMPROVED);
        assertThat(c.severity()).isEqualTo(Severity.CRITICAL);
    }
}

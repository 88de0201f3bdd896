package io.benchledger.archive.bench;

import io.benchledger.archive.stats.CentreStatistic;
import io.benchledger.archive.stats.ForkedSample;
import io.benchledger.archive.stats.HierarchicalBootstrap;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * How long the bootstrap alone takes for a nightly comparison: cases × (a baseline of 20 runs ×
 * 1 fork × 5 iterations against a new run of 1 fork × 5 iterations), 1,000 replicates each, the
 * trimmed mean unless told; each repetition is one comparison's worth of intervals. Prints each
 * repetition's CPU time (this thread) and a checksum of every interval's bits, which must not change
 * when the bootstrap is made faster. Run as {@code site} runs, with the C1 compiler only:
 *
 * <pre>
 * mvn -o -q -pl archive -am test-compile
 * java -XX:TieredStopAtLevel=1 -cp archive/target/classes:archive/target/test-classes:$(cat cp.txt) \
 *     io.benchledger.archive.bench.BootstrapSpeed [cases] [repetitions] [TRIMMED_MEAN|MEDIAN|MEAN] [baseline forks] [candidate forks]
 * </pre>
 */
public final class BootstrapSpeed {
    private BootstrapSpeed() {
    }

    public static void main(String[] args) {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        CentreStatistic statistic = args.length > 2 ? CentreStatistic.valueOf(args[2]) : CentreStatistic.TRIMMED_MEAN;
        int baseForks = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        int candForks = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        Random rnd = new Random(1);
        ForkedSample[] base = new ForkedSample[cases];
        ForkedSample[] cand = new ForkedSample[cases];
        for (int c = 0; c < cases; c++) {
            double centre = 100 * (1 + c % 50);
            base[c] = sample(rnd, centre, baseForks);
            cand[c] = sample(rnd, centre * (c % 10 == 0 ? 1.05 : 1.0), candForks);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] cpu = new double[reps];
        for (int r = 0; r < reps; r++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long checksum = 0;
            for (int c = 0; c < cases; c++) {
                HierarchicalBootstrap.Interval ci = HierarchicalBootstrap.relativeChange(base[c], cand[c], statistic, 1000,
                        0.95, 0x5EEDL ^ c * 0x9E3779B97F4A7C15L);
                checksum = checksum * 31 + Double.doubleToRawLongBits(ci.low());
                checksum = checksum * 31 + Double.doubleToRawLongBits(ci.high());
            }
            cpu[r] = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
            System.out.printf(Locale.ROOT, "repetition %d: %.3f s CPU, checksum %016x%n", r + 1, cpu[r], checksum);
        }
        double[] sorted = cpu.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%d cases of %d × 5 against %d × 5, %s: median %.3f s CPU over %d repetitions%n",
                cases, baseForks, candForks, statistic, sorted[reps / 2], reps);
    }

    /** Forks of 5 iterations: fork offsets of 1 %, iteration noise of 2 %. */
    private static ForkedSample sample(Random rnd, double centre, int forks) {
        double[][] v = new double[forks][5];
        for (int f = 0; f < forks; f++) {
            double fork = centre * (1 + 0.01 * rnd.nextGaussian());
            for (int i = 0; i < 5; i++) {
                v[f][i] = fork * (1 + 0.02 * rnd.nextGaussian());
            }
        }
        return ForkedSample.of(v);
    }
}

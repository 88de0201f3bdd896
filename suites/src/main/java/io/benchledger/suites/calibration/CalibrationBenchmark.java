package io.benchledger.suites.calibration;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Work of a known size, for calibrating the nightly gate on real JVM noise (bench/gate-calibration.sh):
 * {@link Blackhole#consumeCPU} burns a deterministic number of tokens, scaled by the system property
 * {@value #WORK} (default 1.0). The property is a JVM option, not a {@code @Param}, so it is not part of
 * the case key: a run with {@code -Dbenchledger.calibration.work=1.10} is the same case doing 10 % more
 * work, which is exactly a 10 % regression for the gate to find.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CalibrationBenchmark {
    /** The system property that scales the work of every method. */
    public static final String WORK = "benchledger.calibration.work";

    private long tiny;
    private long small;
    private long large;

    @Setup
    public void setup() {
        double scale = Double.parseDouble(System.getProperty(WORK, "1.0"));
        tiny = Math.round(500 * scale);
        small = Math.round(5_000 * scale);
        large = Math.round(50_000 * scale);
    }

    /** About a microsecond: timer and call overhead matter here. */
    @Benchmark
    public void tiny() {
        Blackhole.consumeCPU(tiny);
    }

    /** Tens of microseconds. */
    @Benchmark
    public void small() {
        Blackhole.consumeCPU(small);
    }

    /** Hundreds of microseconds. */
    @Benchmark
    public void large() {
        Blackhole.consumeCPU(large);
    }
}
